"""The one visibility rule for services and their case numbers: pages, portal, open data, API."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.choices import Role
from digitalbilanz.core.visibility import levels_for
from digitalbilanz.services.models import CaseCount, Service
from digitalbilanz.services.opendata import SERVICE_CASES, SERVICES
from digitalbilanz.services.tests.conftest import add_cases, make_service
from digitalbilanz.testing import Factory

MARKER = "GEHEIMDIENST-7"


@pytest.fixture
def world(town):
    public = make_service(town, "1", name="Öffentlicher Dienst")
    council = make_service(town, "2", visibility="council", name="Ratsdienst")
    internal = make_service(town, "3", visibility="internal", name=MARKER)
    for s in (public, council, internal):
        add_cases(town, s)
    return town, public, council, internal


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", {"1"}),
        ("outsider", {"1"}),
        (Role.COUNCIL, {"1", "2"}),
        (Role.READER, {"1", "2", "3"}),
        (Role.EDITOR, {"1", "2", "3"}),
    ],
)
def test_role_matrix_for_services_and_their_case_numbers(world, role, expected):
    town = world[0]
    if role == "anonymous":
        reader = AnonymousUser()
    elif role == "outsider":
        reader = Factory.user(Factory.municipality(), Role.ADMIN)
    else:
        reader = Factory.user(town, role)
    assert set(Service.objects.visible_to(reader, town).values_list("ozg_id", flat=True)) == expected
    cases = CaseCount.objects.filter(municipality=town).with_levels(levels_for(reader, town))
    assert set(cases.values_list("service__ozg_id", flat=True)) == expected


def test_open_data_tables_read_through_the_levels(world):
    town = world[0]
    assert {SERVICES.record(s)["ozg_id"] for s in SERVICES.rows(town, ["public"])} == {"1"}
    assert {SERVICE_CASES.record(c)["service"] for c in SERVICE_CASES.rows(town, ["public"])} == {"1"}
    assert {SERVICES.record(s)["ozg_id"] for s in SERVICES.rows(town, ["public", "council"])} == {"1", "2"}


def test_portal_page_shows_public_services_only_even_to_an_editor(world, client):
    town = world[0]
    client.force_login(Factory.user(town, Role.EDITOR))
    body = client.get(f"/{town.slug}/online-dienste/").content.decode()
    assert "Öffentlicher Dienst" in body and "Ratsdienst" not in body and MARKER not in body


def test_open_data_files_and_api_leak_nothing(world, client):
    town = world[0]
    for url in (
        f"/{town.slug}/daten/services.csv",
        f"/{town.slug}/daten/service_cases.json",
        f"/api/v1/{town.slug}/services/",
        f"/api/v1/{town.slug}/service_cases/",
    ):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200, url
        assert MARKER.encode() not in body and b"Ratsdienst" not in body, url


def test_internal_pages_answer_404_for_unreadable_services(world):
    town, _public, council, internal = world
    client = Client()
    client.force_login(Factory.user(town, Role.COUNCIL))
    assert client.get(f"/app/{town.slug}/dienste/{council.pk}/").status_code == 200
    assert client.get(f"/app/{town.slug}/dienste/{internal.pk}/").status_code == 404
    assert MARKER not in client.get(f"/app/{town.slug}/dienste/").content.decode()


def test_api_council_key_reads_council_rows(world):
    town = world[0]
    user = Factory.user(town, Role.COUNCIL)
    _key, secret = ApiKey.issue(town, user, "rat")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    data = json.loads(client.get(f"/api/v1/{town.slug}/services/").content)
    assert {r["ozg_id"] for r in data["results"]} == {"1", "2"}
