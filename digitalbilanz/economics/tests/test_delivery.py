"""Delivery confidence: ratings at and around every threshold, worse-wins, trend."""

from decimal import Decimal

import pytest

from digitalbilanz.economics import EconomicsError
from digitalbilanz.economics import delivery as d

T = d.Thresholds(Decimal(30), Decimal(90), Decimal("0.10"), Decimal("0.20"), Decimal(0), Decimal("0.5"))


@pytest.mark.parametrize(
    "days, expected",
    [(-5, "green"), (0, "green"), (30, "green"), (31, "amber"), (90, "amber"), (91, "red"), (None, None)],
)
def test_schedule_at_and_around_thresholds(days, expected):
    assert d.compute(days, None, None, T).schedule == expected


@pytest.mark.parametrize(
    "overrun, expected",
    [("-0.05", "green"), ("0.10", "green"), ("0.1001", "amber"), ("0.20", "amber"), ("0.2001", "red")],
)
def test_cost_at_and_around_thresholds(overrun, expected):
    assert d.compute(None, Decimal(overrun), None, T).cost == expected


@pytest.mark.parametrize(
    "share, expected", [("0", "green"), ("0.01", "amber"), ("0.5", "amber"), ("0.51", "red")]
)
def test_benefits_at_and_around_thresholds(share, expected):
    assert d.compute(None, None, Decimal(share), T).benefits == expected


def test_overall_is_the_worst_dimension_and_green_without_figures():
    assert d.compute(31, Decimal("0.25"), Decimal(0), T).overall == "red"
    assert d.compute(31, Decimal(0), Decimal(0), T).overall == "amber"
    assert d.compute(None, None, None, T).overall == "green"


def test_worse_wins_either_way():
    assert d.worse("green", "red") == "red"
    assert d.worse("red", "green") == "red"
    assert d.worse("amber", "green") == "amber"
    assert d.worse(None, "amber") == "amber"
    assert d.worse(None, None) is None


def test_trend_over_three_editions():
    assert d.trend(["green", "amber", "red"]) == "worse"
    assert d.trend(["red", "amber"]) == "better"
    assert d.trend(["amber", "amber"]) == "same"
    assert d.trend(["red"]) == "same"


def test_contradicting_thresholds_are_refused_in_german():
    bad = d.Thresholds(Decimal(90), Decimal(30), Decimal("0.1"), Decimal("0.2"), Decimal(0), Decimal("0.5"))
    with pytest.raises(EconomicsError, match="Gelb-Schwelle muss unter der Rot-Schwelle"):
        d.compute(10, None, None, bad)
    equal = d.Thresholds(Decimal(30), Decimal(90), Decimal("0.2"), Decimal("0.2"), Decimal(0), Decimal("0.5"))
    with pytest.raises(EconomicsError, match="Kosten"):
        d.compute(10, None, None, equal)


def test_benefit_realisation_roll_up():
    assert d.realisation(["achieved", "partly", "missed", "unmeasurable"]) == 0.5
    assert d.realisation(["achieved", "achieved"]) == 1.0
    assert d.realisation(["unmeasurable"]) is None
    assert d.realisation([]) is None
