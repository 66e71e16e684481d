"""Workplaces: snapshots, scenarios, forms, derived lines and visibility."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.portfolio.models import Line
from digitalbilanz.testing import Factory
from digitalbilanz.workplaces.calc import scenario_result, sync_measure_lines
from digitalbilanz.workplaces.models import WorkplaceScenario, WorkplaceSnapshot

PUBLIC, COUNCIL, INTERNAL = Visibility.PUBLIC, Visibility.COUNCIL, Visibility.INTERNAL


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="stadt")
    snapshot = WorkplaceSnapshot.objects.create(
        municipality=town,
        visibility=PUBLIC,
        as_of=dt.date(2024, 1, 1),
        headcount=100,
        mobile_capable=60,
        desks=100,
    )
    return {
        "town": town,
        "snapshot": snapshot,
        "editor": Factory.user(town, Role.EDITOR),
        "council": Factory.user(town, Role.COUNCIL),
        "reader": Factory.user(town, Role.READER),
    }


def scenario(world, ratio="0.8", **kwargs):
    return WorkplaceScenario.objects.create(
        municipality=world["town"],
        visibility=kwargs.pop("visibility", PUBLIC),
        snapshot=world["snapshot"],
        name=kwargs.pop("name", f"Quote {ratio}"),
        desk_ratio=Decimal(ratio),
        start_year=2024,
        years=2,
        **kwargs,
    )


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_scenario_uses_the_registered_defaults(world):
    # 100 staff, ratio 0.8 → 80 desks, 20 freed × (28 m² × 150 €) = 84,000 €;
    # 60 mobile × 1,830 € = 109,800 € a year; one-off 60 × 971 € = 58,260 €
    r = scenario_result(scenario(world)).result
    assert (r.desks_needed, r.desks_freed) == (80, 20)
    assert r.annual_saving == pytest.approx(84_000)
    assert r.annual_extra_cost == pytest.approx(109_800)
    assert r.one_off_cost == pytest.approx(58_260)
    assert r.net_cash_per_year == pytest.approx(-109_800)  # space kept: no cash saving
    assert any("Standardwert" in p["source"] for p in r.explanation.parameters)


def test_a_ratio_below_the_peak_presence_is_flagged(world):
    assert scenario_result(scenario(world, "0.6")).below_presence  # default presence 70 %
    assert not scenario_result(scenario(world, "0.7", name="b")).below_presence


def test_linked_scenario_replaces_the_measure_lines_and_follows_snapshot_changes(world):
    measure = Factory.measure(world["town"])
    s = scenario(world, measure=measure, space_given_up=True)
    sync_measure_lines(s, reason="verknüpft")
    saving = Line.objects.get(measure=measure, kind="benefit", year=2024)
    assert saving.amount == Decimal("84000.00") and saving.budget_relevant and saving.is_derived
    response = logged_in(world["editor"]).post(
        f"/app/stadt/arbeitsplaetze/{world['snapshot'].pk}/bearbeiten/",
        {
            "as_of": "2024-01-01",
            "headcount": "100",
            "mobile_capable": "60",
            "pending_applications": "0",
            "notebooks": "0",
            "desktops": "0",
            "thin_clients": "0",
            "private_devices": "0",
            "two_devices": "0",
            "desks": "110",
            "office_space_m2": "0",
            "visibility": "public",
            "lock_version": world["snapshot"].lock_version,
        },
    )
    assert response.status_code == 302
    # 110 − 80 = 30 desks freed × 4,200 € = 126,000 €
    assert Line.objects.get(measure=measure, kind="benefit", year=2024).amount == Decimal("126000.00")


def scenario_post(**changes):
    data = {
        "name": "Neu",
        "desk_ratio": "0.8",
        "start_year": "2024",
        "years": "3",
        "already_costed": "0",
        "visibility": "public",
    }
    data.update(changes)
    return data


def test_a_ratio_below_the_share_who_cannot_work_mobile_is_refused(world):
    # 40 of 100 cannot work mobile: a desk ratio of 0.3 leaves them without a desk
    url = f"/app/stadt/arbeitsplaetze/{world['snapshot'].pk}/szenarien/neu/"
    response = logged_in(world["editor"]).post(url, scenario_post(desk_ratio="0.3"))
    assert response.status_code == 400
    assert "nicht mobil arbeiten" in response.content.decode()
    assert not WorkplaceScenario.objects.exists()


def test_a_second_scenario_for_the_same_measure_is_refused(world):
    measure = Factory.measure(world["town"])
    scenario(world, measure=measure)
    url = f"/app/stadt/arbeitsplaetze/{world['snapshot'].pk}/szenarien/neu/"
    response = logged_in(world["editor"]).post(url, scenario_post(measure=measure.pk))
    assert response.status_code == 400 and "doppelt gezählt" in response.content.decode()
    assert WorkplaceScenario.objects.count() == 1


def test_a_new_linked_scenario_derives_lines(world):
    measure = Factory.measure(world["town"])
    url = f"/app/stadt/arbeitsplaetze/{world['snapshot'].pk}/szenarien/neu/"
    response = logged_in(world["editor"]).post(url, scenario_post(measure=measure.pk, already_costed="60"))
    assert response.status_code == 302
    # all 60 mobile workplaces are in the measure's own lines: only the saving is derived
    assert list(Line.objects.filter(measure=measure).values_list("kind", flat=True)) == ["benefit"] * 3


def test_more_mobile_than_staff_is_refused(world):
    response = logged_in(world["editor"]).post(
        "/app/stadt/arbeitsplaetze/neu/",
        {"as_of": "2024-06-30", "headcount": "10", "mobile_capable": "11", "visibility": "public"},
    )
    assert response.status_code == 400 and "mehr Beschäftigte mobil" in response.content.decode()
    assert WorkplaceSnapshot.objects.count() == 1


@pytest.mark.parametrize(("persona", "sees"), [("council", False), ("reader", True)])
def test_internal_scenarios_follow_the_rule(world, persona, sees):
    scenario(world, name="Geheimes Szenario", visibility=INTERNAL)
    html = logged_in(world[persona]).get("/app/stadt/arbeitsplaetze/").content.decode()
    assert ("Geheimes Szenario" in html) is sees
    public = Client().get("/stadt/arbeitsplaetze/").content.decode()
    assert "Geheimes Szenario" not in public and "60" in public


def test_a_public_scenario_of_an_internal_snapshot_is_not_public(world):
    world["snapshot"].visibility = INTERNAL
    world["snapshot"].save()
    scenario(world, name="Öffentlich, aber Stand intern")
    assert not WorkplaceScenario.objects.for_audience(world["town"], "public").exists()
    assert Client().get("/stadt/arbeitsplaetze/").status_code == 200


def test_chapter_shows_the_state_on_the_reference_date_and_flags_non_cash_savings(world):
    from digitalbilanz.workplaces.chapters import Workplaces

    scenario(world, "1.0", name="heute")
    scenario(world, "0.8", name="Desksharing")
    chapter = Workplaces()
    context = {"municipality": world["town"], "audience": "public"}
    assert chapter.collect({**context, "reference_date": dt.date(2023, 12, 31)}) is None
    section = chapter.collect({**context, "reference_date": dt.date(2024, 6, 30)})
    assert section["share"] == 60.0 and [r["desks_freed"] for r in section["scenarios"]] == [0, 20]
    # only the scenario that frees desks without giving up space is an open point
    assert [p["ref"] for p in chapter.problems(section)] == ["Desksharing"]
    blocks = chapter.blocks({"sections": {"workplaces": section}})
    assert blocks[-1]["rows"][1][2] == 20


def snapshot_post(snapshot, **changes):
    data = {
        "as_of": "2024-01-01",
        "headcount": "100",
        "mobile_capable": "60",
        "pending_applications": "0",
        "notebooks": "0",
        "desktops": "0",
        "thin_clients": "0",
        "private_devices": "0",
        "two_devices": "0",
        "desks": "100",
        "office_space_m2": "0",
        "visibility": "public",
        "lock_version": snapshot.lock_version,
    }
    data.update(changes)
    return data


def test_a_snapshot_change_the_linked_scenario_cannot_compute_saves_nothing(world):
    measure = Factory.measure(world["town"])
    s = scenario(world, measure=measure, already_costed=50)
    sync_measure_lines(s, reason="verknüpft")
    snapshot = world["snapshot"]
    url = f"/app/stadt/arbeitsplaetze/{snapshot.pk}/bearbeiten/"
    # 40 mobile workers, but the scenario says 50 are already in the measure's lines
    response = logged_in(world["editor"]).post(url, snapshot_post(snapshot, mobile_capable="40"))
    assert response.status_code == 400 and "nicht mehr berechenbar" in response.content.decode()
    snapshot.refresh_from_db()
    assert snapshot.mobile_capable == 60 and snapshot.history.count() == 1
    assert Line.objects.filter(measure=measure, kind="benefit").count() == 2  # unchanged


def test_a_stale_snapshot_form_is_refused_with_the_other_change_named(world):
    snapshot = world["snapshot"]
    stale = snapshot.lock_version
    snapshot.desks = 90
    snapshot.save()
    response = logged_in(world["editor"]).post(
        f"/app/stadt/arbeitsplaetze/{snapshot.pk}/bearbeiten/",
        snapshot_post(snapshot, desks="120") | {"lock_version": stale},
    )
    assert response.status_code == 400 and "inzwischen" in response.content.decode()
    snapshot.refresh_from_db()
    assert snapshot.desks == 90


def test_a_department_editor_records_snapshots_of_their_department_only(world):
    fb1 = Factory.unit(world["town"], "FB 1")
    client = logged_in(Factory.user(world["town"], Role.EDITOR, units=[fb1]))
    data = snapshot_post(world["snapshot"], as_of="2024-06-30")
    del data["lock_version"]
    refused = client.post("/app/stadt/arbeitsplaetze/neu/", data)
    assert refused.status_code == 400 and "Ihrer Fachbereiche" in refused.content.decode()
    assert client.post("/app/stadt/arbeitsplaetze/neu/", data | {"org_unit": fb1.pk}).status_code == 302
    assert WorkplaceSnapshot.objects.filter(org_unit=fb1).count() == 1
    # the whole-administration snapshot stays out of reach
    assert client.get(f"/app/stadt/arbeitsplaetze/{world['snapshot'].pk}/bearbeiten/").status_code == 404
