"""Internal pages: list, detail, editing with optimistic locking, case entry and file import."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.core.models import ImportRun
from digitalbilanz.portfolio.models import Line
from digitalbilanz.services.models import CaseCount, Service
from digitalbilanz.services.tests.conftest import add_cases, make_service
from digitalbilanz.testing import Factory


@pytest.fixture
def setup(town):
    service = make_service(town, name="Bewohnerparkausweis")
    add_cases(town, service)
    return town, service


def login(town, role=Role.EDITOR, username=None, units=()):
    client = Client()
    client.force_login(Factory.user(town, role, username=username, units=units))
    return client


def service_data(service, **changes):
    data = {
        "ozg_id": service.ozg_id,
        "name": service.name,
        "solution": service.solution,
        "status": service.status,
        "maturity_model": service.maturity_model,
        "maturity_level": "" if service.maturity_level is None else service.maturity_level,
        "coverage": service.coverage,
        "media_break_minutes": service.media_break_minutes,
        "media_break_level": service.media_break_level,
        "analog_fixed_change": service.analog_fixed_change,
        "visibility": service.visibility,
        "lock_version": service.lock_version,
        "change_reason": "Test",
    }
    data.update(changes)
    return data


def test_list_and_detail_show_costs_break_even_and_the_explanation(setup):
    town, service = setup
    client = login(town, Role.READER)
    body = client.get(f"/app/{town.slug}/dienste/").content.decode()
    assert "Bewohnerparkausweis" in body and "58,8\u00a0%" in body  # break-even by hand: 1,800 / 3,060
    detail = client.get(f"/app/{town.slug}/dienste/{service.pk}/").content.decode()
    assert "13.331 €" in detail  # cost of all channels
    assert "Standardkostenmodell" in detail and "Lohnsatz" in detail
    assert "fehlt:" in detail and "Bearbeiten" not in detail  # a reader cannot edit


def test_the_list_needs_few_queries_however_many_services(setup, django_assert_max_num_queries):
    town, _service = setup
    for n in range(5):
        add_cases(town, make_service(town, f"2000{n}"))
    client = login(town, Role.READER)
    with django_assert_max_num_queries(20):
        assert client.get(f"/app/{town.slug}/dienste/").status_code == 200


def test_an_editor_creates_and_changes_a_service_and_the_history_keeps_the_reason(setup):
    town, service = setup
    client = login(town)
    response = client.post(
        f"/app/{town.slug}/dienste/{service.pk}/bearbeiten/",
        service_data(service, status="online", change_reason="live"),
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.status == "online"
    history = client.get(f"/app/{town.slug}/dienste/{service.pk}/historie/").content.decode()
    assert "live" in history
    created = client.post(
        f"/app/{town.slug}/dienste/neu/", service_data(Service(ozg_id="777", name="Neu"), lock_version="")
    )
    assert created.status_code == 302 and Service.objects.filter(municipality=town, ozg_id="777").exists()
    duplicate = client.post(
        f"/app/{town.slug}/dienste/neu/", service_data(Service(ozg_id="777", name="X"), lock_version="")
    )
    assert duplicate.status_code == 400 and "schon vergeben" in duplicate.content.decode()


def test_the_second_of_two_editors_is_refused(setup):
    town, service = setup
    first, second = login(town, username="erste"), login(town, username="zweite")
    stale = service_data(service, name="Zweiter Name")
    assert (
        first.post(
            f"/app/{town.slug}/dienste/{service.pk}/bearbeiten/", service_data(service, name="Erster Name")
        ).status_code
        == 302
    )
    response = second.post(f"/app/{town.slug}/dienste/{service.pk}/bearbeiten/", stale)
    assert response.status_code == 400
    assert "Zwischenzeitlich geändert" in response.content.decode()
    service.refresh_from_db()
    assert service.name == "Erster Name"


def test_a_department_editor_edits_only_services_of_the_department(setup):
    town, service = setup
    fb = Factory.unit(town, "FB 32")
    client = login(town, units=[fb])
    assert client.get(f"/app/{town.slug}/dienste/{service.pk}/bearbeiten/").status_code == 404
    service.department = fb
    service.save()
    assert client.get(f"/app/{town.slug}/dienste/{service.pk}/bearbeiten/").status_code == 200


def test_editing_the_minutes_recomputes_the_linked_measure(setup):
    town, service = setup
    measure = Factory.measure(town)
    service.measures.add(measure)
    client = login(town)
    activity = service.activities.get(channel="online")
    url = f"/app/{town.slug}/dienste/{service.pk}/taetigkeiten/{activity.pk}/"
    data = {
        "channel": "online",
        "label": "Bearbeitung",
        "minutes": "7",
        "career_level": "md",
        "lock_version": 0,
        "change_reason": "schneller",
    }
    assert client.post(url, data).status_code == 302
    line = Line.objects.get(measure=measure, year=2024)
    assert line.hours == 80  # 400 × (26 − 14) / 60
    assert line.derivation.history.first().history_change_reason == "schneller"


def test_case_numbers_typed_in_go_through_an_import_run(setup):
    town, service = setup
    client = login(town)
    url = f"/app/{town.slug}/dienste/{service.pk}/fallzahlen/"
    bad = client.post(url, {"period_kind": "quarter", "period_start": "2024-02-01", "cases_online": "5"})
    assert bad.status_code == 400 and "nicht der erste Tag" in bad.content.decode()
    ok = client.post(
        url, {"period_kind": "quarter", "period_start": "2024-04-01", "cases_online": "5", "cases_phone": "2"}
    )
    assert ok.status_code == 302
    assert CaseCount.objects.filter(service=service, period_kind="quarter").count() == 2
    assert ImportRun.objects.filter(file_name="Eingabe im Formular", status="done").exists()


def test_import_page_previews_then_applies_and_shows_problems(setup):
    town, service = setup
    client = login(town)
    url = f"/app/{town.slug}/dienste/import/"
    assert client.get(url).status_code == 200
    text = f"OZG-ID;Zeitraum;Beginn;Kanal;Fälle\n{service.ozg_id};Jahr;01.01.2024;online;450\n"
    preview = client.post(url, {"file": SimpleUploadedFile("faelle.csv", text.encode())})
    body = preview.content.decode()
    assert preview.status_code == 200 and "Vorschau" in body and "1 geändert" in body
    assert CaseCount.objects.get(service=service, channel="online").cases == 400  # nothing written yet
    applied = client.post(url, {"apply": "1", "digest": preview.context["digest"]})
    assert applied.status_code == 302
    assert CaseCount.objects.get(service=service, channel="online").cases == 450
    broken = f"OZG-ID;Zeitraum;Beginn;Kanal;Fälle\n{service.ozg_id};Jahr;1.1.24;online;-1\n"
    rejected = client.post(url, {"file": SimpleUploadedFile("kaputt.csv", broken.encode())})
    body = rejected.content.decode()
    assert rejected.status_code == 400 and "nicht übernommen" in body
    assert "Beginn" in body and "nicht negativ" in body
    expired = client.post(url, {"apply": "1", "digest": "0" * 64})
    assert expired.status_code == 302
    assert client.get(f"{url}vorlage.xlsx").status_code == 200


def test_a_council_member_cannot_import(setup):
    town, _service = setup
    assert login(town, Role.COUNCIL).get(f"/app/{town.slug}/dienste/import/").status_code == 404


def test_navigation_and_dashboard_panel(setup):
    town, _service = setup
    body = login(town, Role.READER).get(f"/app/{town.slug}/").content.decode()
    assert f"/app/{town.slug}/dienste/" in body
    assert "Kosten des Parallelbetriebs" in body


def test_period_helpers():
    from digitalbilanz.services.models import period_label, period_start

    assert period_start("quarter", 2024, 3) == dt.date(2024, 7, 1)
    assert period_label("quarter", dt.date(2024, 7, 1)) == "Q3/2024"
    assert period_label("year", dt.date(2024, 1, 1)) == "2024"
