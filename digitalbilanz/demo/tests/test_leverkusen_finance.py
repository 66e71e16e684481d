"""The Leverkusen demo's budget and indicators reproduce the committee's figures (June 2021)."""

import datetime as dt
from decimal import Decimal as D

import pytest

from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.demo import leverkusen
from digitalbilanz.economics.indicators import rounded
from digitalbilanz.finance.comparison import build_comparison, default_budget_year, line_euros
from digitalbilanz.finance.models import BudgetAssignment, BudgetFigure, BudgetStatus
from digitalbilanz.indicators.models import Indicator
from digitalbilanz.indicators.series import indicator_values
from digitalbilanz.portfolio.models import Line, Measure

MIO = D("1000000")


@pytest.fixture
def town(demo_town):
    return demo_town


def test_budget_status_and_the_19_million_product_group(town):
    plan = BudgetFigure.objects.get(municipality=town, product_group__number="0199", year=2023, kind="plan")
    assert plan.amount == 19 * MIO
    h2021 = BudgetStatus.objects.get(municipality=town, year=2021)
    assert (h2021.stage, h2021.adopted_on, h2021.submitted_on, h2021.approved_on) == (
        "submitted",
        dt.date(2021, 3, 22),
        dt.date(2021, 5, 31),
        None,
    )
    assert BudgetStatus.objects.get(municipality=town, year=2022).stage == "preparation"
    assert default_budget_year(town, levels_for_audience("public")) == 2022
    assert (
        BudgetAssignment.objects.filter(municipality=town).count()
        == Measure.objects.filter(municipality=town).count()
    )


def test_the_committee_figures_are_reproduced(town):
    v = {x.indicator.key: x for x in indicator_values(town, levels_for_audience("public"))}
    assert v["cash_credits_change"].latest.value == D("-12.2") * MIO
    assert rounded(v["cash_credits_utilisation"].latest.value, 1) == D("71.9")
    assert v["covid_net_2020"].latest.value == 51 * MIO
    assert v["result_2020_without_isolation"].latest.value == D("-35.6") * MIO
    assert v["trade_tax_2021"].status == "ok"
    assert rounded(v["staff_mobile_share"].latest.value, 1) == D("51.0")


def test_the_comparison_covers_every_public_line_of_the_planning_years(town):
    levels = levels_for_audience("public")
    result = build_comparison(town, levels, 2023)
    lines = Line.objects.for_municipality(town).with_levels(levels).filter(year__range=(2023, 2026))
    params = ParameterSet.for_municipality(town)
    invest = sum(
        (line_euros(line, params) for line in lines if line.kind == "cost" and line.group == "development"),
        D("0"),
    )
    assert invest > 0
    assert result.comparison.total("investment") == invest
    assert "" not in result.comparison.groups()  # every measure has its product group


def test_reset_reloads_budget_and_indicators(town):
    counts = (Indicator.objects.count(), BudgetStatus.objects.count(), BudgetAssignment.objects.count())
    _, created = leverkusen.load(reset=True)
    assert created
    assert (
        Indicator.objects.count(),
        BudgetStatus.objects.count(),
        BudgetAssignment.objects.count(),
    ) == counts
