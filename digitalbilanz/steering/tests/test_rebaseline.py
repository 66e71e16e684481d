"""Approved re-baselining of cost and benefit targets: only through a request with reason and
approval, the original kept, direct edits refused, original / current / forecast side by side."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.core.visibility import levels_for, levels_for_audience
from digitalbilanz.portfolio.models import Benefit, Measure
from digitalbilanz.registry.tables import table
from digitalbilanz.steering import calc
from digitalbilanz.steering.models import BenefitRebaseline, CostRebaseline
from digitalbilanz.testing import Factory

D = dt.date


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="stadt")
    measure = Factory.measure(
        town, code="M-1", title="DMS", status="in_progress", baseline_cost=Decimal("100000")
    )
    benefit = Benefit.objects.create(
        municipality=town,
        measure=measure,
        number=1,
        category="non_cash",
        description="Ablagezeit",
        owner="Frau A.",
        kpi="Minuten je Vorgang",
        unit="min",
        data_source="Statistik",
        baseline_value=10,
        baseline_date=D(2022, 1, 1),
        target_value=5,
        target_date=D(2024, 12, 31),
        visibility=Visibility.PUBLIC,
    )
    return {
        "town": town,
        "measure": measure,
        "benefit": benefit,
        "editor": Factory.user(town, Role.EDITOR),
        "admin": Factory.user(town, Role.ADMIN),
        "reader": Factory.user(town, Role.READER),
    }


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


APPROVAL = {
    "reason": "Nachtrag nach Ausschreibung",
    "approval": "council",
    "resolution": "Rat 28.06.2021, Drs. 2021/123",
    "approved_on": "2021-06-28",
    "visibility": "public",
}


def cost_post(world, user, **data):
    payload = {"new_cost": "130000", **APPROVAL, **data}
    url = f"/app/stadt/steuerung/massnahmen/{world['measure'].pk}/kostenplan/"
    return client_for(user).post(url, payload)


def target_post(world, user, **data):
    payload = {"new_target_value": "6", "new_target_date": "2025-06-30", **APPROVAL, **data}
    url = f"/app/stadt/steuerung/massnahmen/{world['measure'].pk}/nutzen/{world['benefit'].pk}/ziel/"
    return client_for(user).post(url, payload)


@pytest.mark.parametrize(
    "data, message",
    [
        ({"reason": ""}, "braucht eine Begründung"),
        ({"resolution": ""}, "Bitte den Ratsbeschluss angeben"),
        ({"approval": ""}, "Dieses Feld ist zwingend erforderlich"),
        ({"approval": "reviewer"}, "Nur die Administration kann"),
        ({"new_cost": "100000"}, "derselbe wie der bisherige"),
        ({"new_cost": "-5"}, "nicht negativ"),
    ],
)
def test_cost_rebaseline_without_reason_or_approval_is_refused(world, data, message):
    response = cost_post(world, world["editor"], **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    world["measure"].refresh_from_db()
    assert world["measure"].baseline_cost == Decimal("100000")
    assert not CostRebaseline.objects.exists()


def test_cost_rebaselines_keep_the_original(world):
    assert cost_post(world, world["editor"]).status_code == 302
    response = cost_post(world, world["admin"], new_cost="150000", approval="reviewer", resolution="")
    assert response.status_code == 302
    measure = Measure.objects.get(pk=world["measure"].pk)
    assert measure.baseline_cost == Decimal("150000")
    first, second = CostRebaseline.objects.order_by("pk")
    assert (first.original_cost, first.old_cost, first.new_cost) == (100000, 100000, 130000)
    assert (second.original_cost, second.old_cost, second.new_cost, second.approved_by) == (
        100000,
        130000,
        150000,
        world["admin"],
    )
    # the change of the measure is recorded with the approved reason
    latest = measure.history.order_by("-history_date", "-history_id").first()
    assert latest.baseline_cost == Decimal("150000")
    assert "Nachtrag nach Ausschreibung" in latest.history_change_reason
    html = client_for(world["reader"]).get(f"/app/stadt/steuerung/massnahmen/{measure.pk}/").content.decode()
    assert "100.000 €" in html and "150.000 €" in html and "130.000 €" in html
    rows = list(table("cost_rebaselines").rows(world["town"], levels_for_audience("public")))
    assert [r.new_cost for r in rows] == [130000, 150000]


def test_a_measure_without_cost_plan_gets_it_at_the_measure_not_through_a_rebaseline(world):
    Measure.objects.filter(pk=world["measure"].pk).update(baseline_cost=None)
    response = cost_post(world, world["editor"])
    assert response.status_code == 400
    assert "noch keinen Kostenplan" in response.content.decode()
    assert not CostRebaseline.objects.exists()


def measure_edit(world, **changes):
    measure = Measure.objects.get(pk=world["measure"].pk)
    data = {
        "code": measure.code,
        "title": measure.title,
        "status": measure.status,
        "visibility": measure.visibility,
        "baseline_cost": str(measure.baseline_cost) if measure.baseline_cost is not None else "",
        "lock_version": measure.lock_version,
    }
    data.update(changes)
    return client_for(world["editor"]).post(f"/app/stadt/massnahmen/{measure.pk}/bearbeiten/", data)


def test_direct_edit_of_the_cost_plan_is_refused(world):
    response = measure_edit(world, baseline_cost="999999", title="Neuer Titel")
    assert response.status_code == 400
    assert "nur über einen freigegebenen neuen Kostenplan" in response.content.decode()
    measure = Measure.objects.get(pk=world["measure"].pk)
    assert (measure.baseline_cost, measure.title) == (Decimal("100000"), "DMS")
    # other fields stay editable, and the unchanged cost plan is no obstacle
    assert measure_edit(world, title="Neuer Titel").status_code == 302
    assert Measure.objects.get(pk=measure.pk).title == "Neuer Titel"


def test_the_first_cost_plan_is_entered_at_the_measure(world):
    Measure.objects.filter(pk=world["measure"].pk).update(baseline_cost=None)
    assert measure_edit(world, baseline_cost="80000").status_code == 302
    assert Measure.objects.get(pk=world["measure"].pk).baseline_cost == Decimal("80000")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"reason": " "}, "braucht eine Begründung"),
        ({"resolution": ""}, "Bitte den Ratsbeschluss angeben"),
        ({"new_target_value": "5", "new_target_date": "2024-12-31"}, "dasselbe wie das bisherige"),
        ({"new_target_value": "10"}, "vom Ausgangswert unterscheiden"),
        ({"new_target_date": "2021-01-01"}, "vor dem Ausgangsdatum"),
    ],
)
def test_target_rebaseline_is_refused_without_reason_approval_or_sense(world, data, message):
    response = target_post(world, world["editor"], **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    world["benefit"].refresh_from_db()
    assert (world["benefit"].target_value, world["benefit"].target_date) == (5, D(2024, 12, 31))
    assert not BenefitRebaseline.objects.exists()


def test_target_rebaselines_keep_the_original_and_show_it_side_by_side(world):
    assert target_post(world, world["editor"]).status_code == 302
    assert target_post(world, world["editor"], new_target_value="7").status_code == 302
    benefit = Benefit.objects.get(pk=world["benefit"].pk)
    assert (benefit.target_value, benefit.target_date) == (7, D(2025, 6, 30))
    first, second = BenefitRebaseline.objects.order_by("pk")
    assert (first.original_target_value, first.original_target_date) == (5, D(2024, 12, 31))
    assert (second.original_target_value, second.old_target_value, second.new_target_value) == (5, 6, 7)
    html = (
        client_for(world["reader"])
        .get(f"/app/stadt/steuerung/massnahmen/{world['measure'].pk}/")
        .content.decode()
    )
    assert "5,00 min bis 31.12.2024" in html and "7,00 min bis 30.06.2025" in html
    rows = list(table("benefit_rebaselines").rows(world["town"], levels_for_audience("public")))
    assert len(rows) == 2


def test_direct_edit_of_a_benefit_target_is_refused(world):
    benefit = world["benefit"]
    data = {
        "number": "1",
        "category": benefit.category,
        "description": benefit.description,
        "owner": benefit.owner,
        "kpi": benefit.kpi,
        "unit": benefit.unit,
        "data_source": benefit.data_source,
        "baseline_value": "10",
        "baseline_date": "2022-01-01",
        "target_value": "3",
        "target_date": "2024-12-31",
        "visibility": "public",
        "lock_version": benefit.lock_version,
    }
    url = f"/app/stadt/massnahmen/{world['measure'].pk}/nutzen/{benefit.pk}/"
    response = client_for(world["editor"]).post(url, data)
    assert response.status_code == 400
    assert "nur über ein freigegebenes neues Nutzenziel" in response.content.decode()
    benefit.refresh_from_db()
    assert benefit.target_value == 5
    response = client_for(world["editor"]).post(url, {**data, "target_value": "5", "owner": "Herr B."})
    assert response.status_code == 302
    benefit.refresh_from_db()
    assert benefit.owner == "Herr B."


def test_calc_rebaseline_functions_are_all_or_nothing(world):
    with pytest.raises(ValidationError):
        calc.rebaseline_cost(world["measure"], new_cost=Decimal("1"), reason="", approval="council")
    with pytest.raises(ValidationError):
        calc.rebaseline_benefit(
            world["benefit"], new_target_value=Decimal("4"), reason="x", approval="council"
        )
    assert Measure.objects.get(pk=world["measure"].pk).baseline_cost == Decimal("100000")
    assert Benefit.objects.get(pk=world["benefit"].pk).target_value == 5
    record = calc.rebaseline_benefit(
        world["benefit"], new_target_value=Decimal("4"), reason="x", approval="council", resolution="Rat"
    )
    assert (record.original_target_value, record.new_target_date) == (5, D(2024, 12, 31))


def test_an_internal_cost_rebaseline_is_not_public(world):
    cost_post(world, world["editor"], visibility="internal")
    assert CostRebaseline.objects.count() == 1
    assert not list(table("cost_rebaselines").rows(world["town"], levels_for_audience("public")))
    assert list(table("cost_rebaselines").rows(world["town"], levels_for(world["editor"], world["town"])))


def test_report_chapter_lists_the_approved_rebaselines_for_its_audience(world):
    from digitalbilanz.steering.chapters import Steering

    milestone = Factory.milestone(world["measure"], baseline=D(2021, 3, 31), forecast=D(2021, 9, 30))
    calc.rebaseline(
        milestone, new_date=D(2021, 9, 30), reason="Vergaberecht", approval="council", resolution="Rat 1"
    )
    calc.rebaseline_cost(
        world["measure"],
        new_cost=Decimal("130000"),
        reason="Nachtrag",
        approval="council",
        resolution="Rat 2",
    )
    calc.rebaseline_benefit(
        world["benefit"],
        new_target_value=Decimal("6"),
        reason="GEHEIM-ZIEL",
        approval="council",
        resolution="Rat 3",
        visibility="internal",
    )
    section = Steering().collect({"municipality": world["town"], "audience": "public"})
    assert [r["kind"] for r in section["rebaselines"]] == ["date", "eur"]
    text = str(Steering().blocks({"sections": {"steering": section}}))
    assert "31.03.2021" in text and "30.09.2021" in text and "Vergaberecht" in text
    assert "100.000 €" in text and "130.000 €" in text and "Ratsbeschluss Rat 2" in text
    assert "GEHEIM-ZIEL" not in text
    # an edition only shows what was approved by its reference date
    earlier = Steering().collect(
        {"municipality": world["town"], "audience": "public", "reference_date": "2000-01-01"}
    )
    assert earlier is None or earlier["rebaselines"] == []


def test_portal_steering_page_shows_public_rebaselines_with_the_original(world):
    from django.core.cache import cache

    cache.clear()
    cost_post(world, world["editor"])
    target_post(world, world["editor"], reason="GEHEIM-ZIEL", visibility="internal")
    html = Client().get("/stadt/steuerung/").content.decode()
    assert "Freigegebene neue Basispläne" in html
    assert "100.000 €" in html and "130.000 €" in html and "Nachtrag nach Ausschreibung" in html
    assert "GEHEIM-ZIEL" not in html
