"""The Leverkusen demo reproduces the council papers' figures."""

import datetime as dt

import pytest

from digitalbilanz.contracts import calc
from digitalbilanz.contracts.models import Contract
from digitalbilanz.portfolio.models import Line, Measure
from digitalbilanz.workplaces.calc import scenario_result
from digitalbilanz.workplaces.models import WorkplaceSnapshot


@pytest.fixture
def town(demo_town):
    return demo_town


def test_demo_reproduces_the_seed_figures(town):
    snapshot = WorkplaceSnapshot.objects.get(municipality=town)
    # [S1]: 867 of about 1,700 staff can work from home, 200 notebooks, 143 applications
    assert (snapshot.mobile_capable, snapshot.headcount, snapshot.notebooks) == (867, 1700, 200)
    assert snapshot.pending_applications == 143
    assert str(snapshot.mobile_share) == "51.0"
    # [S3]: about 16 million euros a year of licence, rental and usage-fee obligations
    today = dt.date(2023, 9, 13)
    rows = calc.figures(
        Contract.objects.public().filter(municipality=town), town, ["public"], today, [2023, 2024]
    )
    assert sum(r.annual_cost for r in rows) == 16_000_000
    year_2023, year_2024 = calc.totals(rows, [2023, 2024])
    # [S3]: no whole cost blocks can be reduced within 2023 (and hardly in 2024)
    assert year_2023.running == year_2023.bound == 16_000_000
    assert year_2024.bound / year_2024.running > 0.95


def test_mobile_work_measure_sets_desk_savings_against_home_office_costs(town):
    m01 = Measure.objects.get(municipality=town, code="M-01")
    derived = Line.objects.filter(measure=m01, derivation__isnull=False)
    benefits = derived.filter(kind="benefit")
    assert benefits.count() == 5  # 2024–2028
    # 0.8 desks per employee: 1,700 − 1,360 = 340 desks × 28 m² × 150 €/m² = 1,428,000 € a year,
    # not budget-relevant because the space is kept
    assert {b.amount for b in benefits} == {1_428_000}
    assert not any(b.budget_relevant for b in benefits)
    scenario = m01.workplace_scenarios.get()
    assert scenario_result(scenario).result.net_per_year == pytest.approx(1_428_000 - 667 * 1830)
    # the hand-written lines are still there, not replaced
    assert Line.objects.filter(measure=m01, derivation__isnull=True).count() == 9
