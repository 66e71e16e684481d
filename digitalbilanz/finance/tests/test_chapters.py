"""The budget chapters' hooks: what changed between two editions and the open problems; the
public API lists the new tables through the registry."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.test import Client

from digitalbilanz.demo import leverkusen_indicators
from digitalbilanz.finance.chapters import BudgetPlan, FinanceStatus
from digitalbilanz.finance.models import BudgetAssignment, BudgetStatus, ProductGroup
from digitalbilanz.indicators.chapters import DigitalIndicators
from digitalbilanz.indicators.models import Indicator, Observation
from digitalbilanz.testing import Factory

REF = dt.date(2023, 6, 30)


@pytest.fixture
def town(db):
    town = Factory.municipality()
    group = ProductGroup.objects.create(
        municipality=town, number="0199", name="Digitalisierung", visibility="public"
    )
    assigned = Factory.measure(town, code="M-1", title="DMS")
    BudgetAssignment.objects.create(
        municipality=town, measure=assigned, product_group=group, first_year=2020, visibility="public"
    )
    Factory.line(assigned, 2024, "cost", "1000.00")
    loose = Factory.measure(town, code="M-2", title="OZG")
    Factory.line(loose, 2025, "cost", "500.00")
    BudgetStatus.objects.create(municipality=town, year=2024, stage="preparation", visibility="public")
    leverkusen_indicators.load(town)
    return town


def collect(chapter, town):
    return chapter.collect({"municipality": town, "audience": "public", "reference_date": REF})


def test_a_measure_without_product_group_is_an_open_problem(town):
    section = collect(BudgetPlan(), town)
    assert section["budget_year"] == 2024  # the budget in preparation
    problems = BudgetPlan().problems(section)
    assert [p["ref"] for p in problems] == ["M-2 OZG"]


def test_a_changed_net_effect_and_a_new_budget_year_are_reported(town):
    before = collect(BudgetPlan(), town)
    Factory.line(_measure(town), 2024, "cost", "1.00")
    after = collect(BudgetPlan(), town)
    changes = BudgetPlan().changes(before, after)
    assert [c["ref"] for c in changes] == ["2024"]
    assert "−1.000 € → −1.001 €" in changes[0]["text"]
    assert BudgetPlan().changes(None, after)[0]["kind"] == "budget_year"


def _measure(town):
    from digitalbilanz.portfolio.models import Measure

    return Measure.objects.get(municipality=town, code="M-1")


def test_status_and_indicator_changes_are_reported(town):
    before = collect(FinanceStatus(), town)
    status = BudgetStatus.objects.get(municipality=town, year=2024)
    status.stage, status.adopted_on = "adopted", dt.date(2024, 3, 1)
    status.save()
    credits = Indicator.objects.get(municipality=town, key="cash_credits")
    Observation.objects.create(
        municipality=town,
        indicator=credits,
        date=dt.date(2022, 6, 18),
        value=D("340") * 1_000_000,
        unit="EUR",
        source="Test",
        visibility="public",
    )
    after = collect(FinanceStatus(), town)
    texts = [c["text"] for c in FinanceStatus().changes(before, after)]
    assert "Haushalt 2024: vom Rat beschlossen." in texts
    assert "Kassenkredite inkl. Cash-Pool: 251,6 Mio. € → 340,0 Mio. €." in texts
    assert (
        "Kassenkredite: Inanspruchnahme der Höchstsumme: Status jetzt „kritisch“." in texts
    )  # 97.1 % > 95 %


def test_a_critical_indicator_is_an_open_problem(town):
    credits = Indicator.objects.get(municipality=town, key="cash_credits")
    Observation.objects.create(
        municipality=town,
        indicator=credits,
        date=dt.date(2022, 6, 18),
        value=D("345") * 1_000_000,
        unit="EUR",
        source="Test",
        visibility="public",
    )
    problems = FinanceStatus().problems(collect(FinanceStatus(), town))
    assert [p["ref"] for p in problems] == ["cash_credits_utilisation"]
    assert "98,6 %" in problems[0]["text"]


def test_the_digital_chapter_and_its_blocks(town):
    section = collect(DigitalIndicators(), town)
    rows = {r["key"]: r for r in section["rows"]}
    assert rows["staff_mobile_share"]["display"] == "51,0 %"
    table = DigitalIndicators().blocks({"sections": {"indicators": section}})[0]
    assert ["Anteil der Mitarbeitenden mit Homeoffice-Befähigung", "2021-06-18", "51,0 %"] == table["rows"][
        2
    ][:3]


def test_the_api_lists_indicator_values_and_budget_status(town):
    client = Client()
    values = client.get(f"/api/v1/{town.slug}/indicator_values/?indicator=cash_credits").json()
    assert sorted(r["value"] for r in values["results"]) == [251600000.0, 263800000.0]
    status = client.get(f"/api/v1/{town.slug}/budget_status/").json()
    assert [r["stage"] for r in status["results"]] == ["preparation"]
