"""The public and council change history never shows what the audience could not read.

Each case plants a marker value and a marker reason during a non-public period, then makes the
record public, and asserts neither marker appears — on the public history page and, for
council-level data, on the council member's history page.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.portfolio.models import Benefit
from digitalbilanz.testing import Factory

SECRET_AMOUNT = "987654"
SECRET_SHOWN = "987.654"
SECRET_REASON = "vertraulich: Angebot der Firma Geheim"


def public_history(measure):
    response = Client().get(f"/{measure.municipality.slug}/massnahmen/{measure.pk}/aenderungen/")
    assert response.status_code == 200
    return response.content.decode()


def save(obj, reason="", **changes):
    for name, value in changes.items():
        setattr(obj, name, value)
    obj._change_reason = reason
    obj.save()


@pytest.fixture
def town(db):
    return Factory.municipality()


def test_publishing_after_an_internal_edit_shows_no_internal_value_or_reason(town):
    measure = Factory.measure(town, visibility="internal", baseline_cost=Decimal(SECRET_AMOUNT))
    save(measure, SECRET_REASON, baseline_cost=Decimal("5"))
    save(measure, "Freigabe", visibility="public")
    body = public_history(measure)
    assert SECRET_SHOWN not in body and SECRET_REASON not in body
    assert "freigegeben" in body


def test_publishing_and_editing_in_one_save_shows_no_earlier_value(town):
    measure = Factory.measure(town, visibility="internal", baseline_cost=Decimal(SECRET_AMOUNT))
    save(measure, SECRET_REASON, baseline_cost=Decimal("5"), visibility="public")
    body = public_history(measure)
    assert SECRET_SHOWN not in body and SECRET_REASON not in body


def test_lowering_editing_and_raising_again_hides_the_internal_period(town):
    measure = Factory.measure(town, baseline_cost=Decimal("100"))
    save(measure, SECRET_REASON, visibility="internal")
    save(measure, SECRET_REASON, baseline_cost=Decimal(SECRET_AMOUNT))
    save(measure, SECRET_REASON, baseline_cost=Decimal("5"), visibility="public")
    save(measure, "Korrektur", baseline_cost=Decimal("6"))
    body = public_history(measure)
    assert SECRET_SHOWN not in body and SECRET_REASON not in body
    assert "5,00 → 6,00" in body and "Korrektur" in body  # public changes still show


def test_a_line_raised_from_internal_to_public_shows_no_internal_amount(town):
    measure = Factory.measure(town)
    line = Factory.line(measure, amount=SECRET_AMOUNT, visibility="internal", label="Lizenz")
    save(line, SECRET_REASON, amount=Decimal("5"), visibility="public")
    body = public_history(measure)
    assert "Lizenz" in body
    assert SECRET_SHOWN not in body and SECRET_REASON not in body


def test_changes_of_a_public_line_under_an_internal_measure_stay_hidden_after_publication(town):
    measure = Factory.measure(town, visibility="internal")
    line = Factory.line(measure, amount=SECRET_AMOUNT, visibility="public", label="Lizenz")
    save(line, SECRET_REASON, amount=Decimal("5"))
    save(measure, "Freigabe", visibility="public")
    body = public_history(measure)
    assert SECRET_SHOWN not in body and SECRET_REASON not in body


def test_a_deleted_line_that_was_never_public_leaves_no_trace(town):
    measure = Factory.measure(town)
    line = Factory.line(measure, amount=SECRET_AMOUNT, visibility="internal", label="Geheimzeile")
    line._change_reason = SECRET_REASON
    line.delete()
    body = public_history(measure)
    assert "Geheimzeile" not in body and SECRET_REASON not in body


def test_a_milestone_raised_to_public_shows_no_internal_forecast(town):
    measure = Factory.measure(town)
    milestone = Factory.milestone(
        measure, baseline=dt.date(2024, 6, 30), forecast=dt.date(2031, 1, 1), visibility="internal"
    )
    save(milestone, SECRET_REASON, forecast_date=dt.date(2025, 3, 1), visibility="public")
    body = public_history(measure)
    assert "01.01.2031" not in body and SECRET_REASON not in body


def test_a_benefit_raised_to_council_shows_the_council_no_internal_value(town):
    measure = Factory.measure(town)
    benefit = Benefit.objects.create(
        municipality=town, measure=measure, number=1, category="quantitative",
        description="Weniger Porto", owner="FB 11", kpi="Briefe", data_source="Poststelle",
        baseline_value=Decimal(SECRET_AMOUNT), baseline_date=dt.date(2024, 1, 1),
        target_value=Decimal("100"), target_date=dt.date(2026, 1, 1), visibility="internal",
    )  # fmt: skip
    save(benefit, SECRET_REASON, baseline_value=Decimal("1000"), visibility="council")
    council = Client()
    council.force_login(Factory.user(town, Role.COUNCIL))
    body = council.get(f"/app/{town.slug}/massnahmen/{measure.pk}/historie/").content.decode()
    assert "Weniger Porto" in body
    assert SECRET_SHOWN not in body and SECRET_REASON not in body
    staff = Client()
    staff.force_login(Factory.user(town, Role.READER))
    assert SECRET_REASON in staff.get(f"/app/{town.slug}/massnahmen/{measure.pk}/historie/").content.decode()


def test_a_public_benefit_status_does_not_come_from_an_internal_milestone(town):
    measure = Factory.measure(town)
    today = dt.date.today()
    milestone = Factory.milestone(
        measure, baseline=today - dt.timedelta(days=30), forecast=today + dt.timedelta(days=300),
        visibility="internal",
    )  # fmt: skip
    Benefit.objects.create(
        municipality=town, measure=measure, number=1, category="quantitative",
        description="Schnellere Bescheide", owner="FB 11", kpi="Tage", data_source="Fachverfahren",
        baseline_value=Decimal("20"), baseline_date=today - dt.timedelta(days=10),
        target_value=Decimal("10"), target_date=today + dt.timedelta(days=700),
        milestone=milestone, visibility="public",
    )  # fmt: skip
    page = Client().get(f"/{town.slug}/massnahmen/{measure.pk}/").content.decode()
    assert "Schnellere Bescheide" in page
    assert "gefährdet" not in page
    staff = Client()
    staff.force_login(Factory.user(town, Role.READER))
    assert "gefährdet" in staff.get(f"/app/{town.slug}/massnahmen/{measure.pk}/").content.decode()
