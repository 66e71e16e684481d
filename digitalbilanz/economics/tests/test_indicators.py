"""Derived indicators reproduce the committee's finance figures exactly (seed, June 2021)."""

import datetime as dt
from decimal import Decimal as D

import pytest

from digitalbilanz.economics import EconomicsError
from digitalbilanz.economics import indicators as eco


def test_cash_credits_change_and_utilisation_as_in_the_committee_report():
    series = [(dt.date(2020, 6, 18), D("263.8")), (dt.date(2021, 6, 18), D("251.6"))]
    before = eco.prior_year(series, dt.date(2021, 6, 18))
    assert eco.difference(D("251.6"), before[1]) == D("-12.2")
    assert eco.rounded(eco.utilisation(D("251.6"), D("350")), 1) == D("71.9")


def test_annual_result_without_isolation():
    net = eco.difference(D("75"), D("24"))
    assert net == D("51")
    assert eco.difference(D("15.4"), net) == D("-35.6")


def test_share_of_staff_able_to_work_mobile():
    assert eco.rounded(eco.ratio(D("867"), D("1700")), 1) == D("51.0")


def test_a_ceiling_of_zero_and_a_zero_denominator_are_refused():
    with pytest.raises(EconomicsError, match="größer als 0"):
        eco.utilisation(D("1"), D("0"))
    with pytest.raises(EconomicsError, match="Nenner"):
        eco.ratio(D("1"), D("0"))


def test_prior_period_and_value_on_a_day():
    series = [(dt.date(2021, 1, 1), D("1")), (dt.date(2021, 3, 1), D("4"))]
    assert eco.prior_period(series, dt.date(2021, 3, 1)) == (dt.date(2021, 1, 1), D("1"))
    assert eco.value_on(series, dt.date(2021, 2, 1)) == (dt.date(2021, 1, 1), D("1"))
    assert eco.value_on(series, dt.date(2020, 12, 31)) is None
    assert eco.one_year_earlier(dt.date(2024, 2, 29)) == dt.date(2023, 2, 28)


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (D("71.9"), {"higher_is_better": False, "warning": D("80"), "critical": D("95")}, eco.OK),
        (D("85"), {"higher_is_better": False, "warning": D("80"), "critical": D("95")}, eco.WARNING),
        (D("96"), {"higher_is_better": False, "warning": D("80"), "critical": D("95")}, eco.CRITICAL),
        (D("360"), {"higher_is_better": False, "limit": D("350")}, eco.CRITICAL),
        (D("145"), {"higher_is_better": True, "target": D("145")}, eco.OK),
        (D("140"), {"higher_is_better": True, "target": D("145")}, eco.WARNING),
        (D("1"), {"higher_is_better": True}, eco.NONE),
        (None, {"higher_is_better": True, "target": D("1")}, eco.NONE),
    ],
)
def test_status_against_thresholds_targets_and_limits(value, kwargs, expected):
    assert eco.status(value, **kwargs) == expected
