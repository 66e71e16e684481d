"""Monte Carlo: the vectorised engine against a plain per-measure loop, and sanity checks."""

import math

import numpy as np
import pytest

from digitalbilanz.economics import (
    EconomicsError,
    Line,
    Parameters,
    appraise,
    monte_carlo,
    monte_carlo_arrays,
)
from digitalbilanz.economics import montecarlo as mc


def textbook_triangular(u, a, m, b):
    """Inverse distribution function of the triangular distribution, two branches."""
    if b == a:
        return a
    c = (m - a) / (b - a)
    if u < c:
        return a + math.sqrt(u * (b - a) * (m - a))
    return b - math.sqrt((1 - u) * (b - a) * (b - m))


def loop_simulation(low, mode, high, discount, offset, draws, seed):
    """Straightforward loop over measures, draws and years, fed by the same random stream.

    Returns NPV samples and payback flags per measure as nested lists.
    """
    n_measures, n_years, n_slots = low.shape
    size = mc.block_size(draws)
    npv = [[0.0] * draws for _ in range(n_measures)]
    payback = [[False] * draws for _ in range(n_measures)]
    for block in range(-(-n_measures // size)):
        lo, hi = block * size, min((block + 1) * size, n_measures)
        rng = mc.block_generator(seed, block)
        uniforms = {}  # (t, s) -> uniforms of this block, drawn in the documented order
        for t in range(n_years):
            for s in range(n_slots):
                if any(high[i, t, s] > low[i, t, s] for i in range(lo, hi)):
                    uniforms[t, s] = rng.random((hi - lo, draws)).tolist()
        for i in range(lo, hi):
            for d in range(draws):
                running = 0.0
                for t in range(n_years):
                    flow = offset[i, t]
                    for s in range(n_slots):
                        u = uniforms[t, s][i - lo][d] if (t, s) in uniforms else 0.0
                        flow += textbook_triangular(u, low[i, t, s], mode[i, t, s], high[i, t, s])
                    running += flow * discount[i, t]
                npv[i][d] = running
                payback[i][d] = running >= 0  # stays >= 0 from some year to the end
    return npv, payback


def random_portfolio(n_measures=5, n_years=4, n_slots=2, seed=7):
    rng = np.random.default_rng(seed)
    mode = rng.normal(0, 1_000, (n_measures, n_years, n_slots))
    low = mode - rng.uniform(0, 800, mode.shape)
    high = mode + rng.uniform(0, 1_200, mode.shape)
    # Some deterministic cells and some with the mode at a bound.
    low[0, 1, 0] = high[0, 1, 0] = mode[0, 1, 0]
    low[1, 2, 1] = mode[1, 2, 1]
    high[2, 0, 0] = mode[2, 0, 0]
    low[3:, 3, 1] = high[3:, 3, 1] = mode[3:, 3, 1]
    offset = rng.normal(0, 500, (n_measures, n_years))
    offset[:, 0] -= 3_000
    discount = 1 / (1 + rng.uniform(0, 0.05, (n_measures, 1))) ** np.arange(n_years)
    discount[4, 3] = 0.0  # measure 4 has a shorter horizon
    return low, mode, high, discount, offset


def test_vectorised_engine_agrees_with_plain_loop_on_the_same_random_stream(monkeypatch):
    monkeypatch.setattr(mc, "BLOCK_ELEMENTS", 64)  # several blocks even for small input
    low, mode, high, discount, offset = random_portfolio()
    draws, seed = 32, 11
    result = monte_carlo_arrays(
        low,
        mode,
        high,
        discount,
        offset=offset,
        draws=draws,
        seed=seed,
        keep_samples=True,
        workers=1,
    )
    npv, payback = loop_simulation(low, mode, high, discount, offset, draws, seed)
    assert mc.block_size(draws) == 2
    # The engine's branch-free, pre-discounted formula equals the textbook one up to rounding.
    np.testing.assert_allclose(result.samples, npv, rtol=1e-10, atol=1e-7)
    np.testing.assert_array_equal(result.payback_probability, np.mean(payback, axis=1))
    np.testing.assert_allclose(result.npv_mean, np.mean(npv, axis=1), rtol=1e-10)
    np.testing.assert_allclose(result.npv_percentiles, np.percentile(npv, (5, 50, 95), axis=1).T, rtol=1e-10)
    np.testing.assert_allclose(result.portfolio_npv, np.sum(npv, axis=0), rtol=1e-10)


def test_result_does_not_depend_on_the_number_of_worker_threads(monkeypatch):
    monkeypatch.setattr(mc, "BLOCK_ELEMENTS", 64)
    low, mode, high, discount, offset = random_portfolio(n_measures=9)
    args = (low, mode, high, discount)
    one = monte_carlo_arrays(*args, offset=offset, draws=16, workers=1, keep_samples=True)
    three = monte_carlo_arrays(*args, offset=offset, draws=16, workers=3, keep_samples=True)
    np.testing.assert_array_equal(one.samples, three.samples)
    np.testing.assert_array_equal(one.portfolio_npv, three.portfolio_npv)


def test_float32_mode_gives_the_same_distribution_within_sampling_error():
    low, mode, high, discount, offset = random_portfolio()
    args = (low, mode, high, discount)
    exact = monte_carlo_arrays(*args, offset=offset, draws=20_000, seed=1)
    fast = monte_carlo_arrays(*args, offset=offset, draws=20_000, seed=2, dtype=np.float32)
    spread = exact.npv_percentiles[:, 2] - exact.npv_percentiles[:, 0]
    assert np.all(np.abs(fast.npv_percentiles - exact.npv_percentiles) < 0.05 * spread[:, None])


def test_sorted_percentiles_match_numpy_percentile():
    rows = np.random.default_rng(0).normal(size=(4, 101))
    expected = np.percentile(rows, (0, 2.5, 5, 50, 95, 100), axis=1).T
    actual = mc.sorted_percentiles(np.sort(rows, axis=1), (0, 2.5, 5, 50, 95, 100))
    np.testing.assert_allclose(actual, expected, rtol=1e-12)


def test_uniforms_are_in_the_unit_interval_for_both_precisions():
    for dtype in (np.float32, np.float64):
        out = np.empty((3, 1001), dtype)
        mc.fill_uniform(mc.block_generator(0, 0), out)
        assert out.min() >= 0 and out.max() < 1
        assert abs(out.mean() - 0.5) < 0.03


# --- the Line-level entry point -----------------------------------------------------


def uncertain_measure():
    """Invest 100 € now; a benefit next year between 0 and 200 €, most likely 100 €."""
    return [
        Line(2024, "cost", True, 100.0),
        Line(2025, "benefit", False, 100.0, low=0.0, high=200.0),
    ]


def test_payback_probability_of_symmetric_benefit_is_one_half():
    # Rate 0: pays back iff the benefit >= 100 €, i.e. with probability 1/2.
    result = monte_carlo({"m": uncertain_measure()}, Parameters(0.0, 2024, 2), draws=20_000)
    sim = result.per_measure["m"]
    assert sim.payback_probability == pytest.approx(0.5, abs=0.02)
    assert sim.npv_mean == pytest.approx(0.0, abs=2.0)  # E[benefit] = (0 + 100 + 200) / 3
    assert sim.npv_percentiles[50] == pytest.approx(0.0, abs=3.0)


def test_triangular_mean_matches_theory_for_a_skewed_cost():
    # Cost ~ Dreieck(80, 100, 200): mean (80 + 100 + 200) / 3 = 126.67 €
    lines = [Line(2024, "cost", True, 100.0, low=80.0, high=200.0)]
    sim = monte_carlo({"m": lines}, Parameters(0.0, 2024, 1), draws=50_000).per_measure["m"]
    assert sim.npv_mean == pytest.approx(-126.67, abs=0.5)
    assert sim.npv_percentiles[5] < -100 < sim.npv_percentiles[95] <= -80


def test_certain_lines_reproduce_the_deterministic_npv_exactly():
    lines = [
        Line(2024, "cost", True, 100_000.0, low=100_000.0, high=100_000.0),
        *[Line(y, "benefit", False, 30_000.0) for y in range(2025, 2029)],
    ]
    params = Parameters(0.03, 2024, 5)
    sim = monte_carlo({"m": lines}, params, draws=10).per_measure["m"]
    assert set(sim.npv_percentiles.values()) == {appraise(lines, params).npv_kn}
    assert sim.payback_probability == 1.0


def test_risk_surcharges_do_not_enter_the_simulation():
    lines = [Line(2024, "cost", True, 100.0, risk_surcharge=0.5)]
    sim = monte_carlo({"m": lines}, Parameters(0.0, 2024, 1), draws=5).per_measure["m"]
    assert sim.npv_percentiles[50] == -100.0


def test_portfolio_reports_percentiles_and_probability_of_non_negative_npv():
    params = {"a": Parameters(0.0, 2024, 2), "b": Parameters(0.0, 2025, 1)}
    measures = {"a": uncertain_measure(), "b": [Line(2025, "benefit", True, 50.0)]}
    result = monte_carlo(measures, params, draws=100_000, percentiles=(10, 90))
    # Portfolio KN = benefit − 100 + 50 >= 0 iff benefit >= 50: 1 − 0.5 × 0.5² = 0.875
    assert result.portfolio.npv_nonnegative_probability == pytest.approx(0.875, abs=0.01)
    assert list(result.portfolio.npv_percentiles) == [10, 90]
    assert result.percentiles == (10, 90)


def test_same_seed_gives_same_result_and_other_seed_differs():
    measures, params = {"m": uncertain_measure()}, Parameters(0.009, 2024, 2)
    first = monte_carlo(measures, params, draws=200, seed=5)
    assert monte_carlo(measures, params, draws=200, seed=5) == first
    assert monte_carlo(measures, params, draws=200, seed=6) != first


def test_explanation_is_german_and_lists_uncertain_lines():
    result = monte_carlo({"dms": uncertain_measure()}, Parameters(0.0, 2024, 2), draws=1_000)
    steps = "\n".join(result.explanation.steps)
    assert "1.000 Ziehungen mit Startwert 0" in steps
    assert "1 Position(en) mit Spanne" in steps
    assert "Maßnahme „dms“: KN P5 = " in steps
    assert result.explanation.inputs[1]["low"] == 0.0
    assert result.explanation.inputs[1]["measure"] == "dms"


# --- validation --------------------------------------------------------------------


@pytest.mark.parametrize("draws", [0, -5])
def test_fewer_than_one_draw_is_rejected(draws):
    with pytest.raises(EconomicsError, match="Zahl der Ziehungen muss mindestens 1 sein"):
        monte_carlo({"m": uncertain_measure()}, Parameters(0.0, 2024, 2), draws=draws)


def test_negative_seed_is_rejected():
    with pytest.raises(EconomicsError, match="Startwert"):
        monte_carlo({"m": uncertain_measure()}, Parameters(0.0, 2024, 2), seed=-1)


def test_percentile_outside_zero_to_hundred_is_rejected():
    with pytest.raises(EconomicsError, match="Perzentile"):
        monte_carlo({"m": uncertain_measure()}, Parameters(0.0, 2024, 2), percentiles=(5, 101))


def test_line_outside_horizon_is_rejected_with_measure_name():
    with pytest.raises(EconomicsError, match="Maßnahme „m“: Das Jahr 2025 liegt außerhalb"):
        monte_carlo({"m": uncertain_measure()}, Parameters(0.0, 2024, 1))


def test_empty_portfolio_is_rejected():
    with pytest.raises(EconomicsError, match="mindestens eine Maßnahme"):
        monte_carlo({}, Parameters(0.0, 2024))


def test_arrays_with_low_above_mode_are_rejected():
    with pytest.raises(EconomicsError, match="low ≤ mode ≤ high"):
        monte_carlo_arrays(np.ones((1, 1)), np.zeros((1, 1)), np.ones((1, 1)), [1.0])


def test_negative_discount_factors_are_rejected():
    with pytest.raises(EconomicsError, match="Abzinsungsfaktoren"):
        monte_carlo_arrays(np.zeros((1, 1)), np.zeros((1, 1)), np.ones((1, 1)), [-1.0])
