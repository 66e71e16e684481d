"""RAG status, benefit status and the flags of the portfolio."""

import datetime as dt
from decimal import Decimal

import pytest

from digitalbilanz.portfolio.models import Benefit, BenefitMeasurement
from digitalbilanz.testing import Factory

TODAY = dt.date(2024, 3, 1)


@pytest.fixture
def measure(db):
    return Factory.measure(Factory.municipality(), status="in_progress")


def test_a_measure_on_plan_is_green(measure):
    Factory.milestone(measure, baseline=dt.date(2024, 6, 30))
    assert measure.rag(today=TODAY) == "green"


def test_slip_over_30_days_is_amber_and_over_90_red(measure):
    milestone = Factory.milestone(measure, baseline=dt.date(2024, 6, 30), forecast=dt.date(2024, 8, 15))
    assert measure.rag(today=TODAY) == "amber"
    milestone.forecast_date = dt.date(2024, 10, 15)
    milestone.save()
    assert measure.rag(today=TODAY) == "red"


def test_an_overdue_open_milestone_is_red(measure):
    Factory.milestone(measure, baseline=dt.date(2024, 2, 1))
    assert measure.rag(today=TODAY) == "red"


def test_cost_overrun_drives_the_status(measure):
    measure.baseline_cost = Decimal("100000")
    assert measure.rag(total_cost=Decimal("105000"), today=TODAY) == "green"
    assert measure.rag(total_cost=Decimal("115000"), today=TODAY) == "amber"
    assert measure.rag(total_cost=Decimal("125000"), today=TODAY) == "red"


def test_a_measure_with_costs_and_no_benefit_is_flagged(measure):
    Factory.line(measure, kind="cost")
    assert measure.lacks_benefit
    Factory.line(measure, kind="benefit")
    assert not measure.lacks_benefit


def test_a_qualitative_score_counts_as_benefit_statement(measure):
    from digitalbilanz.portfolio.models import Criterion

    Factory.line(measure, kind="cost")
    Criterion.objects.create(measure=measure, module="Q", label="Qualität", weight=100, score=6)
    assert not measure.lacks_benefit


def _benefit(measure, milestone=None):
    return Benefit.objects.create(
        municipality=measure.municipality,
        measure=measure,
        number=1,
        category="non_cash",
        description="Weniger Ablage",
        owner="FB 11",
        kpi="Vorgänge",
        data_source="DMS",
        baseline_value=0,
        baseline_date=dt.date(2024, 1, 1),
        target_value=100,
        target_date=dt.date(2024, 12, 31),
        milestone=milestone,
        visibility="public",
    )


def test_a_benefit_whose_milestone_slips_is_flagged_and_at_risk(measure):
    milestone = Factory.milestone(measure, baseline=dt.date(2024, 6, 30), forecast=dt.date(2024, 9, 30))
    benefit = _benefit(measure, milestone)
    assert benefit.milestone_slipped
    assert benefit.status(TODAY) == "at_risk"


def test_benefit_status_follows_the_measurements(measure):
    benefit = _benefit(measure)
    assert benefit.status(TODAY) == "on_track"
    BenefitMeasurement.objects.create(benefit=benefit, measured_on=dt.date(2024, 7, 1), value=10)
    assert benefit.status(dt.date(2024, 7, 2)) == "at_risk"
    BenefitMeasurement.objects.create(benefit=benefit, measured_on=dt.date(2024, 11, 1), value=100)
    assert benefit.status(dt.date(2024, 11, 2)) == "realised"


def test_a_benefit_past_its_target_date_unreached_is_missed(measure):
    benefit = _benefit(measure)
    BenefitMeasurement.objects.create(benefit=benefit, measured_on=dt.date(2024, 12, 1), value=40)
    assert benefit.status(dt.date(2025, 1, 15)) == "missed"


def test_a_benefit_past_its_target_date_without_measurement_says_so(measure):
    assert _benefit(measure).status(dt.date(2025, 1, 15)) == "not_measured"
