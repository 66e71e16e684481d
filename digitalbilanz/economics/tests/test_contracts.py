"""Contract obligations and earliest exits (methods §6) against hand-computed cases."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digitalbilanz.economics import EconomicsError
from digitalbilanz.economics.contracts import (
    ContractTerms,
    Price,
    add_months,
    cost_between,
    double_fees,
    earliest_exit,
    periods,
    totals_by_year,
    year_costs,
)

D = dt.date


def terms(**changes):
    """Licence from 1 Jul 2021, 36 months, 3 months' notice, renewed by 12 months, 120,000 €/year."""
    values = dict(
        start=D(2021, 7, 1),
        minimum_term_months=36,
        notice_months=3,
        auto_renewal=True,
        renewal_months=12,
        prices=(Price(D(2021, 7, 1), 120_000),),
    )
    values.update(changes)
    return ContractTerms(**values)


def test_add_months_clamps_the_day_and_crosses_years():
    assert add_months(D(2023, 1, 31), 1) == D(2023, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2023, 11, 15), 3) == D(2024, 2, 15)
    assert add_months(D(2024, 1, 1), -3) == D(2023, 10, 1)


def test_periods_start_with_the_minimum_term_then_renew():
    first, second, third = [p for _, p in zip(range(3), periods(terms()), strict=False)]
    # minimum term 1 Jul 2021 + 36 months → last day 30 Jun 2024; notice 3 months before 1 Jul 2024
    assert (first.start, first.end, first.notice_by) == (D(2021, 7, 1), D(2024, 6, 30), D(2024, 3, 31))
    assert (second.start, second.end, second.notice_by) == (D(2024, 7, 1), D(2025, 6, 30), D(2025, 3, 31))
    assert third.end == D(2026, 6, 30)


def test_earliest_exit_before_the_notice_deadline_is_the_end_of_the_minimum_term():
    exit_ = earliest_exit(terms(), D(2024, 3, 31))  # the deadline day itself still counts
    assert exit_.end == D(2024, 6, 30)
    assert exit_.notice_by == D(2024, 3, 31)


def test_missing_the_deadline_by_one_day_binds_for_a_whole_renewal():
    assert earliest_exit(terms(), D(2024, 4, 1)).end == D(2025, 6, 30)


def test_earliest_exit_several_renewals_later_and_across_the_year_boundary():
    # contract from 1 Oct 2019, 24 months, 6 months' notice, renewed by 12 months:
    # periods end 30 Sep 2021, 2022, 2023, 2024 …; notice by 31 Mar of the same year
    t = terms(start=D(2019, 10, 1), minimum_term_months=24, notice_months=6, prices=())
    assert earliest_exit(t, D(2023, 12, 31)).end == D(2024, 9, 30)
    assert earliest_exit(t, D(2024, 1, 1)).end == D(2024, 9, 30)
    assert earliest_exit(t, D(2024, 4, 1)).end == D(2025, 9, 30)


def test_a_contract_without_renewal_ends_after_its_minimum_term_without_notice():
    t = terms(auto_renewal=False)
    exit_ = earliest_exit(t, D(2022, 1, 1))
    assert exit_.end == D(2024, 6, 30) and exit_.notice_by is None


def test_a_terminated_contract_ends_on_its_termination_date():
    t = terms(terminated_to=D(2025, 6, 30))
    assert earliest_exit(t, D(2021, 8, 1)).end == D(2025, 6, 30)


def test_cost_is_prorated_by_day():
    t = terms(prices=(Price(D(2021, 7, 1), 365_000),))
    assert cost_between(t, D(2023, 1, 1), D(2023, 12, 31)) == pytest.approx(365_000)
    assert cost_between(t, D(2023, 1, 1), D(2023, 1, 31)) == pytest.approx(31_000)
    # leap year: 366 days share the annual cost
    assert cost_between(t, D(2024, 1, 1), D(2024, 1, 1)) == pytest.approx(365_000 / 366)


def test_price_changes_apply_from_their_day():
    t = terms(prices=(Price(D(2021, 7, 1), 365_000), Price(D(2023, 7, 1), 730_000)))
    # 181 days at 1,000 €/day (1 Jan–30 Jun), 184 days at 2,000 €/day (1 Jul–31 Dec)
    assert cost_between(t, D(2023, 1, 1), D(2023, 12, 31)) == pytest.approx(181_000 + 368_000)


def test_year_costs_split_bound_and_reducible_cost():
    # seen from 1 Jan 2024: earliest exit 30 Jun 2024 (notice by 31 Mar 2024)
    rows = {r.year: r for r in year_costs(terms(), range(2023, 2026), D(2024, 1, 1))}
    assert rows[2023].running == rows[2023].bound == 120_000
    # 2024 (leap year): bound 1 Jan–30 Jun = 182 days of 366
    assert rows[2024].bound == pytest.approx(round(120_000 * 182 / 366, 2))
    assert rows[2024].running == pytest.approx(120_000)
    assert rows[2024].reducible == pytest.approx(120_000 - round(120_000 * 182 / 366, 2), abs=0.01)
    assert rows[2025].bound == 0 and rows[2025].reducible == 120_000


def test_year_costs_after_the_deadline_bind_the_next_year_too():
    rows = {r.year: r for r in year_costs(terms(), range(2024, 2027), D(2024, 4, 1))}
    assert rows[2024].reducible == 0
    # bound until 30 Jun 2025: 181 days of 365
    assert rows[2025].bound == pytest.approx(round(120_000 * 181 / 365, 2))


def test_a_contract_without_renewal_has_no_cost_after_its_end():
    rows = {r.year: r for r in year_costs(terms(auto_renewal=False), range(2024, 2026), D(2022, 1, 1))}
    assert rows[2024].running == rows[2024].bound == pytest.approx(round(120_000 * 182 / 366, 2))
    assert rows[2025].running == 0 and rows[2025].reducible == 0


def test_totals_add_up_contracts():
    a = terms()
    b = terms(prices=(Price(D(2021, 7, 1), 30_000),), auto_renewal=False)
    rows = totals_by_year([a, b], [2023], D(2023, 1, 1))
    assert rows[0].running == 150_000 and rows[0].bound == 150_000


def test_double_fees_only_per_device_and_never_above_the_contract():
    per_device = terms(basis="per_device", unit_price=25)
    assert double_fees(per_device, 500) == 12_500
    assert double_fees(per_device, 10_000) == 120_000  # capped at the annual cost
    assert double_fees(terms(basis="per_user", unit_price=25), 500) == 0
    with pytest.raises(EconomicsError):
        double_fees(per_device, -1)


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"minimum_term_months": 0}, "minimum_term_months", "mindestens einen Monat"),
        ({"notice_months": 37}, "notice_months", "länger als die Mindestlaufzeit"),
        (
            {"notice_months": 13, "minimum_term_months": 24},
            "notice_months",
            "länger als die Verlängerungsdauer",
        ),
        ({"renewal_months": 0}, "renewal_months", "Verlängerungsdauer"),
        ({"terminated_to": D(2021, 6, 30)}, "terminated_to", "vor dem Vertragsbeginn"),
        ({"terminated_to": D(2023, 12, 31)}, "terminated_to", "vor dem Ende der Mindestlaufzeit"),
        ({"prices": (Price(D(2021, 7, 1), 1),), "basis": "per_seat"}, "basis", "Abrechnungsgrundlage"),
    ],
)
def test_contradicting_terms_are_refused_in_german(changes, field, text):
    with pytest.raises(EconomicsError) as err:
        terms(**changes)
    assert err.value.field == field
    assert text in err.value.message


def test_a_negative_price_is_refused():
    with pytest.raises(EconomicsError, match="nicht negativ"):
        Price(D(2021, 1, 1), -5)


@settings(max_examples=150, deadline=None)
@given(
    start=st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31)),
    term=st.integers(1, 72),
    notice=st.integers(0, 12),
    renewal=st.integers(1, 24),
    auto=st.booleans(),
    today=st.dates(min_value=D(2015, 1, 1), max_value=D(2035, 12, 31)),
    cost=st.integers(0, 10_000_000),
)
def test_bound_cost_never_exceeds_running_cost_and_exit_is_reachable(
    start, term, notice, renewal, auto, today, cost
):
    if notice > term or (auto and notice > renewal):
        return
    t = terms(start=start, minimum_term_months=term, notice_months=notice, auto_renewal=auto,
              renewal_months=renewal, prices=(Price(start, cost),))  # fmt: skip
    exit_ = earliest_exit(t, today)
    assert exit_.end >= t.minimum_end
    if auto:
        assert exit_.notice_by >= today and exit_.notice_by <= exit_.end
    for row in year_costs(t, range(today.year, today.year + 4), today):
        assert 0 <= row.bound <= row.running + 0.01
        assert row.reducible == pytest.approx(row.running - row.bound, abs=0.02)
        assert row.running <= cost + 0.01
