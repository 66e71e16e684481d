"""Property-based tests (Hypothesis) for the appraisal and the Monte Carlo run."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digitalbilanz.economics import Line, Parameters, appraise, monte_carlo

START = 2024
amounts = st.floats(min_value=0, max_value=1e7, allow_nan=False, allow_infinity=False)
rates = st.floats(min_value=-0.5, max_value=0.3, allow_nan=False)
horizons = st.integers(min_value=1, max_value=12)


@st.composite
def line_sets(draw, horizon, uncertain=False, max_size=8):
    lines = []
    for _ in range(draw(st.integers(min_value=0, max_value=max_size))):
        amount = draw(amounts)
        low = high = None
        if uncertain and draw(st.booleans()):
            low = amount * draw(st.floats(min_value=0, max_value=1))
            high = amount * (1 + draw(st.floats(min_value=0, max_value=2)))
        lines.append(
            Line(
                year=START + draw(st.integers(min_value=0, max_value=horizon - 1)),
                kind=draw(st.sampled_from(["cost", "benefit"])),
                budget_relevant=draw(st.booleans()),
                amount=amount,
                low=low,
                high=high,
                risk_surcharge=draw(st.floats(min_value=0, max_value=2)),
            )
        )
    return lines


@st.composite
def measures(draw, uncertain=False):
    horizon = draw(horizons)
    params = Parameters(draw(rates), START, horizon)
    return draw(line_sets(horizon, uncertain=uncertain)), params


def signed(line, value=None):
    value = line.amount if value is None else value
    return -value if line.kind == "cost" else value


def close(a, b, scale):
    return a == pytest.approx(b, rel=1e-9, abs=1e-9 * max(1.0, scale))


def magnitude(lines, params):
    """Largest possible |present value| of the lines, for tolerances."""
    growth = max(1.0, (1 + params.discount_rate) ** -(params.horizon - 1))
    return growth * sum(max(line.bounds[1], line.risk_amount) for line in lines)


@given(measures())
def test_npv_at_rate_zero_equals_plain_sum(case):
    lines, params = case
    params = Parameters(0.0, params.start_year, params.horizon)
    plain = math.fsum(signed(line) for line in lines)
    assert close(appraise(lines, params).npv_kn, plain, magnitude(lines, params))


@given(measures(), st.floats(min_value=0, max_value=1e3))
def test_npv_scales_linearly_with_the_cash_flows(case, factor):
    lines, params = case
    scaled = [Line(x.year, x.kind, x.budget_relevant, x.amount * factor) for x in lines]
    expected = factor * appraise(lines, params).npv_kn
    assert close(appraise(scaled, params).npv_kn, expected, factor * magnitude(lines, params))


@given(measures(), st.data())
def test_npv_of_two_line_sets_is_the_sum_of_their_npvs(case, data):
    first, params = case
    second = data.draw(line_sets(params.horizon))
    both = appraise(first + second, params).npv_kn
    expected = appraise(first, params).npv_kn + appraise(second, params).npv_kn
    assert close(both, expected, magnitude(first + second, params))


@given(measures())
def test_kn_equals_kn_h_plus_kn_nh(case):
    lines, params = case
    result = appraise(lines, params)
    assert close(result.npv_kn, result.npv_kn_h + result.npv_kn_nh, magnitude(lines, params))


@given(measures())
def test_kn_r_never_exceeds_kn_when_surcharges_are_non_negative(case):
    lines, params = case
    result = appraise(lines, params)
    assert result.npv_kn_r <= result.npv_kn + 1e-9 * max(1.0, magnitude(lines, params))


@given(measures())
def test_payback_year_matches_cumulative_balance(case):
    lines, params = case
    result = appraise(lines, params)
    cumulative = [row.cumulative_discounted for row in result.yearly]
    expected = None
    for i, row in enumerate(result.yearly):
        if all(value >= 0 for value in cumulative[i:]):
            expected = row.year
            break
    assert result.payback_year == expected
    assert (result.payback_year is not None) == (result.npv_kn >= 0)


@settings(max_examples=50, deadline=None)
@given(measures(), st.integers(min_value=0, max_value=2**32))
def test_monte_carlo_without_ranges_equals_deterministic_npv_exactly(case, seed):
    lines, params = case
    # low == amount == high is a certain line, too
    lines = [
        Line(x.year, x.kind, x.budget_relevant, x.amount, low=x.amount, high=x.amount) if i % 2 else x
        for i, x in enumerate(lines)
    ]
    expected = appraise(lines, params)
    sim = monte_carlo({"m": lines}, params, draws=7, seed=seed).per_measure["m"]
    assert set(sim.npv_percentiles.values()) == {expected.npv_kn}
    assert sim.payback_probability == (1.0 if expected.payback_year is not None else 0.0)


@settings(max_examples=50, deadline=None)
@given(measures(uncertain=True), st.integers(min_value=0, max_value=2**32))
def test_monte_carlo_percentiles_are_ordered_and_within_the_possible_range(case, seed):
    lines, params = case
    factors = [1 / (1 + params.discount_rate) ** t for t in range(params.horizon)]
    lowest = highest = 0.0
    for line in lines:
        factor = factors[line.year - START]
        low, high = line.bounds
        lowest += factor * (signed(line, high) if line.kind == "cost" else low)
        highest += factor * (signed(line, low) if line.kind == "cost" else high)
    result = monte_carlo({"m": lines}, params, draws=50, seed=seed, percentiles=(0, 5, 50, 95, 100))
    values = list(result.per_measure["m"].npv_percentiles.values())
    tolerance = 1e-9 * max(1.0, magnitude(lines, params))
    assert values == sorted(values)
    assert lowest - tolerance <= values[0] and values[-1] <= highest + tolerance


@settings(max_examples=25, deadline=None)
@given(measures(uncertain=True), st.integers(min_value=0, max_value=2**32))
def test_monte_carlo_with_same_seed_gives_identical_results(case, seed):
    lines, params = case
    first = monte_carlo({"a": lines, "b": lines}, params, draws=20, seed=seed)
    again = monte_carlo({"a": lines, "b": lines}, params, draws=20, seed=seed)
    assert first == again
