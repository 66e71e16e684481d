"""API keys: the one visibility rule through keys (full role matrix), hashing, revocation, writes."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.choices import Role
from digitalbilanz.core.visibility import levels_for
from digitalbilanz.portfolio.models import Line, Measure
from digitalbilanz.testing import Factory

ALL = {"public", "council", "internal"}
EXPECTED = {
    "anonymous": {"public"},
    "outsider_key": {"public"},
    "council_key": {"public", "council"},
    "reader_key": ALL,
    "editor_other_dept_key": ALL,
    "editor_key": ALL,
    "editor_rw_key": ALL,
    "admin_key": ALL,
    "revoked_key": {"public"},
}


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="musterstadt")
    other = Factory.municipality(slug="nachbarstadt")
    fb04, fb11 = Factory.unit(town, "FB 04"), Factory.unit(town, "FB 11")
    people = {
        "council": Factory.user(town, Role.COUNCIL),
        "reader": Factory.user(town, Role.READER),
        "editor_other_dept": Factory.user(town, Role.EDITOR, units=[fb11]),
        "editor": Factory.user(town, Role.EDITOR),
        "admin": Factory.user(town, Role.ADMIN),
    }
    keys = {f"{name}_key": ApiKey.issue(town, user, name) for name, user in people.items()}
    keys["editor_rw_key"] = ApiKey.issue(town, people["editor"], "rw", read_write=True)
    keys["other_dept_rw_key"] = ApiKey.issue(town, people["editor_other_dept"], "rw", read_write=True)
    outsider = Factory.user(other, Role.ADMIN)
    keys["outsider_key"] = ApiKey.issue(other, outsider, "fremd")
    revoked, secret = ApiKey.issue(town, people["admin"], "alt")
    revoked.revoke()
    keys["revoked_key"] = (revoked, secret)
    measures = {
        level: Factory.measure(town, visibility=level, lead_department=fb04, title=f"M-{level}")
        for level in ("public", "council", "internal")
    }
    return town, keys, measures


def _client(keys, name):
    if name == "anonymous":
        return Client()
    return Client(HTTP_AUTHORIZATION=f"Bearer {keys[name][1]}")


@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_keys_read_what_their_owner_may_read_in_their_municipality(world, persona):
    town, keys, measures = world
    principal = AnonymousUser() if persona == "anonymous" else ApiKey.objects.get(pk=keys[persona][0].pk)
    assert set(levels_for(principal, town)) == EXPECTED[persona]
    response = _client(keys, persona).get("/api/v1/musterstadt/measures/")
    if persona == "revoked_key":
        assert response.status_code == 401 and response.json()["error"]["code"] == "invalid_key"
        return
    titles = {row["title"] for row in response.json()["results"]}
    assert titles == {f"M-{level}" for level in EXPECTED[persona]}


def test_only_the_hash_is_stored(world):
    _town, keys, _ = world
    key, secret = keys["editor_key"]
    assert secret not in json.dumps(list(ApiKey.objects.values()), default=str)
    assert ApiKey.authenticate(secret) == key and ApiKey.authenticate(secret + "x") is None


def test_wrong_key_gives_401(world):
    response = Client(HTTP_AUTHORIZATION="Bearer db_00000000_falsch").get("/api/v1/musterstadt/measures/")
    assert response.status_code == 401 and response.json()["error"]["code"] == "invalid_key"


def _post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def _patch(client, url, data):
    return client.patch(url, json.dumps(data), content_type="application/json")


NEW = {
    "code": "M-900",
    "title": "Neue Maßnahme",
    "status": "planned",
    "visibility": "public",
    "lead_department": "FB 04",
    "start_date": "2024-01-01",
    # the world's measures are numbered by the factory's counter, so M-900 may open a gap in the
    # public numbering depending on which tests ran before: confirmed, as the form allows
    "accept_gap": True,
}


def test_read_write_key_creates_and_updates_a_measure_like_the_form(world):
    town, keys, _ = world
    client = _client(keys, "editor_rw_key")
    response = _post(client, "/api/v1/musterstadt/measures/", NEW)
    assert response.status_code == 201, response.content
    measure = Measure.objects.get(municipality=town, code="M-900")
    assert measure.history.first().history_user == keys["editor_rw_key"][0].user
    response = _patch(
        client,
        f"/api/v1/musterstadt/measures/{measure.pk}/",
        {"status": "in_progress", "progress": 40, "lock_version": measure.lock_version},
    )
    assert response.status_code == 200 and response.json()["progress"] == 40
    line = _post(
        client,
        "/api/v1/musterstadt/lines/",
        {
            "measure": measure.pk,
            "kind": "cost",
            "group": "development",
            "category": "software",
            "year": 2024,
            "label": "Lizenz",
            "amount": "1200.00",
            "visibility": "public",
        },
    )
    assert line.status_code == 201, line.content
    milestone = _post(
        client,
        "/api/v1/musterstadt/milestones/",
        {"measure": measure.pk, "title": "Start", "baseline_date": "2024-06-30", "visibility": "public"},
    )
    assert milestone.status_code == 201, milestone.content
    moved = _patch(
        client,
        f"/api/v1/musterstadt/milestones/{milestone.json()['id']}/",
        {"forecast_date": "2024-09-30", "lock_version": milestone.json()["lock_version"]},
    )
    assert moved.status_code == 400  # like the form: a moved forecast needs a reason
    assert moved.json()["error"]["details"][0]["field"] == "change_reason"


def test_invalid_writes_give_400_and_save_nothing(world):
    town, keys, _ = world
    client = _client(keys, "editor_rw_key")
    before = Measure.objects.count()
    bad = dict(NEW, start_date="2025-01-01", end_date="2024-01-01", progress=140)
    error = _post(client, "/api/v1/musterstadt/measures/", bad).json()["error"]
    assert {d["field"] for d in error["details"]} >= {"progress"}
    assert _post(client, "/api/v1/musterstadt/measures/", dict(NEW, farbe="rot")).status_code == 400
    assert (
        client.post("/api/v1/musterstadt/measures/", "{kaputt", content_type="application/json").status_code
        == 400
    )
    m = Measure.objects.get(title="M-public")
    outside = {
        "measure": m.pk,
        "kind": "cost",
        "group": "development",
        "category": "software",
        "year": 1990,
        "label": "x",
        "amount": "1",
        "visibility": "public",
    }
    assert _post(client, "/api/v1/musterstadt/lines/", outside).status_code == 400
    assert Measure.objects.count() == before and not Line.objects.filter(label="x").exists()


def test_write_permissions_follow_roles_and_departments(world):
    _town, keys, measures = world
    url = f"/api/v1/musterstadt/measures/{measures['public'].pk}/"
    assert _patch(Client(), url, {"title": "x"}).status_code == 401
    assert _patch(_client(keys, "editor_key"), url, {"title": "x"}).status_code == 403  # read-only key
    assert _patch(_client(keys, "other_dept_rw_key"), url, {"title": "x"}).status_code == 403  # FB 11 only
    assert _post(_client(keys, "other_dept_rw_key"), "/api/v1/musterstadt/measures/", NEW).status_code == 400
    assert _patch(_client(keys, "outsider_key"), url, {"title": "x"}).status_code == 403
    assert Measure.objects.get(pk=measures["public"].pk).title == "M-public"
