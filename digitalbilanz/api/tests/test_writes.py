"""Writes of child tables (lines) through the registry-driven path: parent by id or code."""

import json

import pytest
from django.test import Client

from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.choices import Role
from digitalbilanz.portfolio.models import Line
from digitalbilanz.testing import Factory

LINE = {
    "kind": "cost",
    "group": "development",
    "category": "software",
    "year": 2024,
    "label": "Lizenz",
    "amount": "1200.00",
    "visibility": "public",
}


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="musterstadt")
    fb04, fb11 = Factory.unit(town, "FB 04"), Factory.unit(town, "FB 11")
    ours = Factory.measure(town, code="M-04", lead_department=fb04)
    theirs = Factory.measure(town, code="M-11", lead_department=fb11)
    editor = Factory.user(town, Role.EDITOR, units=[fb04])
    key, secret = ApiKey.issue(town, editor, "fachverfahren", read_write=True)
    return town, ours, theirs, key, Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def _send(client, method, url, data):
    return getattr(client, method)(url, json.dumps(data), content_type="application/json")


def test_a_line_names_its_measure_by_code_within_the_municipality(world):
    town, ours, _theirs, key, client = world
    Factory.measure(Factory.municipality(), code="M-04")  # same code elsewhere: not taken
    response = _send(client, "post", "/api/v1/musterstadt/lines/", dict(LINE, measure="M-04"))
    assert response.status_code == 201, response.content
    line = Line.objects.get(pk=response.json()["id"])
    assert line.measure == ours and line.municipality == town
    assert line.history.first().history_user == key.user


def test_a_line_is_changed_by_patch_and_keeps_its_measure(world):
    _town, ours, theirs, _key, client = world
    line = Factory.line(ours, amount="100")
    url = f"/api/v1/musterstadt/lines/{line.pk}/"
    changed = _send(client, "patch", url, {"amount": "250.00", "measure": "M-04", "lock_version": 0})
    assert changed.status_code == 200 and changed.json()["amount"] == 250.0
    for other in (theirs.pk, "M-11"):
        moved = _send(client, "patch", url, {"measure": other, "lock_version": 1})
        assert moved.status_code == 409
        assert moved.json()["error"]["details"] == [{"field": "measure", "message": "Nicht änderbar."}]
    assert Line.objects.get(pk=line.pk).measure == ours


def test_lines_of_another_department_are_refused(world):
    _town, _ours, theirs, _key, client = world
    created = _send(client, "post", "/api/v1/musterstadt/lines/", dict(LINE, measure="M-11"))
    assert created.status_code == 403 and created.json()["error"]["code"] == "forbidden"
    line = Factory.line(theirs, amount="100")
    changed = _send(
        client, "patch", f"/api/v1/musterstadt/lines/{line.pk}/", {"amount": "1.00", "lock_version": 0}
    )
    assert changed.status_code == 403
    assert Line.objects.get(pk=line.pk).amount == 100 and Line.objects.count() == 1


def test_a_missing_or_unknown_measure_is_named(world):
    _town, _ours, _theirs, _key, client = world
    for value in (None, True, 4.5):
        response = _send(client, "post", "/api/v1/musterstadt/lines/", dict(LINE, measure=value))
        assert response.status_code == 400
        assert response.json()["error"]["details"][0]["field"] == "measure"
    assert _send(client, "post", "/api/v1/musterstadt/lines/", dict(LINE, measure="M-99")).status_code == 404
    assert not Line.objects.exists()


def test_the_lead_department_is_named_by_code_and_limited_to_the_editors_units(world):
    town, _ours, _theirs, _key, client = world
    measure = {"code": "M-05", "title": "Neu", "status": "planned", "visibility": "public"}
    response = _send(client, "post", "/api/v1/musterstadt/measures/", dict(measure, lead_department="FB 04"))
    assert response.status_code == 201 and response.json()["lead_department"] == "FB 04"
    other_unit = dict(measure, code="M-06", lead_department="FB 11")
    wrong = _send(client, "post", "/api/v1/musterstadt/measures/", other_unit)
    assert wrong.status_code == 400 and wrong.json()["error"]["details"][0]["field"] == "lead_department"
