"""Derived lines: replaced only by their source module, never edited by hand, always explained."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.core.models import Municipality
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portfolio.appraisal import figures_for
from digitalbilanz.portfolio.derived import derived_lines_of, replace_derived_lines
from digitalbilanz.portfolio.models import Derivation, DerivedLineError, Line
from digitalbilanz.testing import Factory
from digitalbilanz.testing_app.models import Scenario

RENT = {"kind": "cost", "group": "operation", "category": "other", "label": "Miete"}
SAVING = {"kind": "benefit", "group": "operation", "category": "avoided", "label": "Weniger Fläche"}


@pytest.fixture
def setup(db):
    town = Factory.municipality()
    measure = Factory.measure(town, start_date=None)
    scenario = Scenario.objects.create(municipality=town, name="Desk-Sharing 0,7", visibility="public")
    return town, measure, scenario


def derive(measure, scenario, amounts, reason="Neu berechnet"):
    lines = [{**RENT, "year": 2024 + i, "amount": Decimal(a)} for i, a in enumerate(amounts)]
    lines.append({**SAVING, "year": 2025, "amount": Decimal("900")})
    return replace_derived_lines(measure, scenario, lines, reason=reason, method="Flächenmodell")


def test_replacing_swaps_all_lines_of_the_source_with_one_history_row_and_one_data_change(setup):
    town, measure, scenario = setup
    Factory.line(measure, amount="50", label="Von Hand")
    derive(measure, scenario, ["100", "200"])
    version = Municipality.objects.get(pk=town.pk).data_version
    derivation = derive(measure, scenario, ["300"], reason="Quote geändert")
    assert Municipality.objects.get(pk=town.pk).data_version == version + 1
    assert sorted((ln.label, ln.amount) for ln in measure.lines.all()) == [
        ("Miete", Decimal("300.00")),
        ("Von Hand", Decimal("50.00")),
        ("Weniger Fläche", Decimal("900.00")),
    ]
    assert derived_lines_of(scenario).count() == 2
    rows = list(derivation.history.all())
    assert len(rows) == 2 and rows[0].history_change_reason == "Quote geändert"


def test_a_replacement_records_the_new_totals_in_its_history(setup):
    _town, measure, scenario = setup
    derive(measure, scenario, ["100", "200"])
    derivation = derive(measure, scenario, ["300"], reason="Quote geändert")
    newest, older = derivation.history.all()[:2]
    assert (older.cost_total, newest.cost_total) == (Decimal("300.00"), Decimal("300.00"))
    assert (older.line_count, newest.line_count) == (3, 2)
    assert newest.history_change_reason == "Quote geändert"


def test_an_invalid_derived_line_changes_nothing(setup):
    _town, measure, scenario = setup
    derive(measure, scenario, ["100"])
    bad = [{**RENT, "year": 2024, "amount": Decimal("10"), "hours": Decimal("5")}]
    with pytest.raises(ValidationError) as error:
        replace_derived_lines(measure, scenario, bad, reason="kaputt")
    assert "Berechnete Zeile 1" in str(error.value)
    assert sorted(ln.amount for ln in derived_lines_of(scenario)) == [Decimal("100.00"), Decimal("900.00")]
    assert Derivation.objects.get().history.count() == 1


def test_a_derived_line_cannot_be_saved_or_deleted_by_hand(setup):
    _town, measure, scenario = setup
    derive(measure, scenario, ["100"])
    line = derived_lines_of(scenario).first()
    line.amount = Decimal("1")
    with pytest.raises(DerivedLineError), transaction.atomic():
        line.save()
    with pytest.raises(DerivedLineError), transaction.atomic():
        line.delete()
    assert Line.objects.get(pk=line.pk).amount == Decimal("100.00")


def test_the_line_form_refuses_a_derived_line_and_the_page_names_its_source(setup):
    town, measure, scenario = setup
    derive(measure, scenario, ["100"])
    line = derived_lines_of(scenario).get(kind="cost")
    client = Client()
    client.force_login(Factory.user(town, Role.EDITOR))
    data = {
        **RENT, "year": 2024, "amount": "1", "risk_surcharge": "0", "visibility": "public",
        "budget_relevant": "on", "lock_version": line.lock_version,
    }  # fmt: skip
    url = f"/app/{town.slug}/massnahmen/{measure.pk}/zeilen/{line.pk}/"
    response = client.post(url, data)
    assert response.status_code == 400
    assert "wird aus „Desk-Sharing 0,7“ berechnet" in response.content.decode()
    assert Line.objects.get(pk=line.pk).amount == Decimal("100.00")
    deleted = client.post(f"{url}loeschen/", follow=True)
    assert "kann nicht gelöscht werden" in deleted.content.decode()
    assert Line.objects.filter(pk=line.pk).exists()
    page = client.get(f"/app/{town.slug}/massnahmen/{measure.pk}/").content.decode()
    assert f'berechnet aus <a href="{scenario.get_absolute_url()}">Desk-Sharing 0,7</a>' in page


def test_the_explanation_of_the_figure_names_the_source(setup):
    town, measure, scenario = setup
    derive(measure, scenario, ["100"])
    measure = type(measure).objects.with_relations().get(pk=measure.pk)
    figures = figures_for(measure, ParameterSet.for_municipality(town))
    labels = [item.get("label", "") for item in figures.appraisal.explanation.inputs]
    assert any("berechnet aus „Desk-Sharing 0,7“" in label for label in labels), labels
