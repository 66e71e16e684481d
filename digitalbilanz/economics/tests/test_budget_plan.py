"""The comparison for the budget plan against hand-computed cases."""

from decimal import Decimal as D

import pytest

from digitalbilanz.economics import EconomicsError
from digitalbilanz.economics.budget_plan import Entry, compare


def e(year, kind, group, relevant, euros, hours=None, row=("0199", "M-1")):
    return Entry(row, year, kind, group, relevant, D(euros), D(hours) if hours else None)


def test_lines_are_sorted_into_the_columns_and_netted_by_hand():
    entries = [
        e(2024, "cost", "development", True, "100000.00"),  # investment
        e(2024, "cost", "operation", True, "20000.00"),  # running
        e(2025, "cost", "operation", True, "20000.00"),
        e(2025, "benefit", "operation", True, "50000.00"),  # cash saving
        e(2025, "benefit", "operation", False, "64000.00", "1600"),  # 1,600 h = 1 FTE
        e(2023, "cost", "development", True, "999.00"),  # before the budget year: left out
        e(2028, "cost", "development", True, "999.00"),  # after the third planning year
    ]
    result = compare(entries, 2024, 1600)
    assert result.years == [2024, 2025, 2026, 2027]
    y24, y25 = result.totals[2024], result.totals[2025]
    assert (y24.investment, y24.running_costs, y24.net_effect) == (
        D("100000.00"),
        D("20000.00"),
        D("-120000.00"),
    )
    assert (y25.cash_savings, y25.work_hours, y25.work_fte, y25.work_value) == (
        D("50000.00"),
        D("1600"),
        D("1.00"),
        D("64000.00"),
    )
    assert y25.net_effect == D("30000.00")  # 50,000 − 20,000; the work improvement is not cash
    assert result.total("net_effect") == D("-90000.00")
    assert result.total("investment") == D("100000.00")


def test_rows_and_group_subtotals_add_up_to_the_total():
    entries = [
        e(2024, "cost", "development", True, "10.00", row=("0199", "M-1")),
        e(2024, "cost", "development", True, "5.50", row=("0199", "M-2")),
        e(2024, "cost", "development", True, "1.25", row=("", "M-3")),
    ]
    result = compare(entries, 2024, 1600)
    groups = result.groups()
    assert list(groups) == ["0199", ""]  # the unassigned rows come last
    assert groups["0199"][2024].investment == D("15.50")
    assert sum(g[2024].investment for g in groups.values()) == result.totals[2024].investment == D("16.75")


@pytest.mark.parametrize(("year", "hpf"), [(1800, 1600), (2024, 0)])
def test_invalid_input_is_refused_in_german(year, hpf):
    with pytest.raises(EconomicsError):
        compare([], year, hpf)
