"""API writes check the version the client read (ETag / If-Match or lock_version)."""

import json
from decimal import Decimal

import pytest
from django.test import Client

from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.choices import Role
from digitalbilanz.portfolio.derived import replace_derived_lines
from digitalbilanz.portfolio.models import Measure
from digitalbilanz.testing import Factory
from digitalbilanz.testing_app.models import Scenario


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="musterstadt")
    measure = Factory.measure(town, code="M-01", title="Alt")
    editor = Factory.user(town, Role.EDITOR)
    _key, secret = ApiKey.issue(town, editor, "fachverfahren", read_write=True)
    return town, measure, Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def patch(client, url, data, **headers):
    return client.patch(url, json.dumps(data), content_type="application/json", headers=headers)


def test_a_read_gives_the_version_as_etag_and_a_matching_patch_succeeds(world):
    _town, measure, client = world
    url = f"/api/v1/musterstadt/measures/{measure.pk}/"
    read = client.get(url)
    assert read["ETag"] == f'"{measure.lock_version}"' and read.json()["lock_version"] == measure.lock_version
    changed = patch(client, url, {"title": "Neu"}, If_Match=read["ETag"])
    assert changed.status_code == 200, changed.content
    assert changed["ETag"] == f'"{measure.lock_version + 1}"'
    assert Measure.objects.get(pk=measure.pk).title == "Neu"


def test_a_patch_without_version_is_refused_with_428(world):
    _town, measure, client = world
    response = patch(client, f"/api/v1/musterstadt/measures/{measure.pk}/", {"title": "Neu"})
    assert response.status_code == 428
    assert "If-Match" in response.json()["error"]["message"]
    assert Measure.objects.get(pk=measure.pk).title == "Alt"


def test_a_stale_patch_is_refused_with_the_stored_values(world):
    _town, measure, client = world
    url = f"/api/v1/musterstadt/measures/{measure.pk}/"
    etag = client.get(url)["ETag"]
    assert patch(client, url, {"title": "Erste"}, If_Match=etag).status_code == 200
    second = patch(client, url, {"title": "Zweite"}, If_Match=etag)
    assert second.status_code == 412
    error = second.json()["error"]
    assert error["code"] == "stale"
    assert error["details"] == [{"field": "title", "message": "jetzt gespeichert: Erste"}]
    assert second["ETag"] == f'"{measure.lock_version + 1}"'
    assert patch(client, url, {"title": "Zweite", "lock_version": 0}).status_code == 412  # body too
    assert Measure.objects.get(pk=measure.pk).title == "Erste"


def test_a_derived_line_cannot_be_patched(world):
    town, measure, client = world
    scenario = Scenario.objects.create(municipality=town, name="Flächenmodell", visibility="public")
    line_spec = {"year": 2024, "kind": "cost", "group": "operation", "category": "other", "label": "Miete"}
    replace_derived_lines(measure, scenario, [{**line_spec, "amount": Decimal("10")}], reason="Start")
    line = measure.lines.get()
    response = patch(client, f"/api/v1/musterstadt/lines/{line.pk}/", {"amount": "1.00"}, If_Match='"0"')
    assert response.status_code == 409
    assert "Flächenmodell" in response.json()["error"]["message"]
    assert measure.lines.get().amount == Decimal("10.00")
