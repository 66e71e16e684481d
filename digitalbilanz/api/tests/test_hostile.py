"""Hostile request bodies and query strings: a German error with the right status, never 500."""

import json

import pytest
from django.test import Client

from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.choices import Role
from digitalbilanz.portfolio.models import Line, Measure
from digitalbilanz.testing import Factory

MEASURE = {"code": "M-05", "title": "Neu", "status": "planned", "visibility": "public"}


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="musterstadt")
    unit = Factory.unit(town, "FB 04")
    measure = Factory.measure(town, code="M-04", lead_department=unit)
    admin = Factory.user(town, Role.ADMIN)
    _key, secret = ApiKey.issue(town, admin, "fachverfahren", read_write=True)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}", raise_request_exception=False)
    return measure, client


def _post(client, body: bytes, content_type="application/json"):
    return client.post("/api/v1/musterstadt/measures/", body, content_type=content_type)


def _refused(response, status, code):
    assert response.status_code == status, response.content[:300]
    error = response.json()["error"]
    assert error["code"] == code and error["message"]
    assert Measure.objects.count() == 1 and Line.objects.count() == 0  # nothing written
    return error


@pytest.mark.parametrize("megabytes", [5, 30])
def test_an_oversized_body_is_refused_with_413(world, megabytes):
    _measure, client = world
    body = json.dumps(dict(MEASURE, description="x" * megabytes * 1_000_000)).encode()
    error = _refused(_post(client, body), 413, "too_large")
    assert "zu groß" in error["message"]


@pytest.mark.parametrize("body", [b"[" * 100_000 + b"]" * 100_000, b'{"title": ' + b"[" * 100_000 + b"}"])
def test_deeply_nested_json_is_refused_with_400(world, body):
    _measure, client = world
    error = _refused(_post(client, body), 400, "invalid_json")
    assert "verschachtelt" in error["message"] or "JSON" in error["message"]


def test_a_nested_value_is_refused_per_field(world):
    _measure, client = world
    error = _refused(_post(client, json.dumps(dict(MEASURE, title={"a": [1]})).encode()), 400, "invalid")
    assert error["details"] == [
        {"field": "title", "message": "Verschachtelte Werte sind hier nicht erlaubt."}
    ]


def test_invalid_utf8_is_refused_with_400(world):
    _measure, client = world
    _refused(_post(client, b'{"title": "\xff\xfe"}'), 400, "invalid_json")


@pytest.mark.parametrize("escaped", ["\\ud800", "a\\udfffb"])
def test_a_lone_surrogate_is_refused_with_400(world, escaped):
    measure, client = world
    body = json.dumps(MEASURE).replace('"Neu"', f'"{escaped}"').encode()
    error = _refused(_post(client, body), 400, "invalid")
    assert error["details"][0]["field"] == "title" and "Surrogat" in error["details"][0]["message"]
    patch = client.patch(
        f"/api/v1/musterstadt/measures/{measure.pk}/",
        ('{"lock_version": 0, "title": "' + escaped + '"}').encode(),
        content_type="application/json",
    )
    assert patch.status_code == 400
    measure.refresh_from_db()
    assert measure.lock_version == 0


def test_a_lone_surrogate_in_a_field_name_is_refused(world):
    _measure, client = world
    _refused(_post(client, b'{"\\ud800": 1}'), 400, "invalid")


@pytest.mark.parametrize("field", ["title", "lead_department", "code"])
def test_a_nul_character_is_refused_in_every_field(world, field):
    _measure, client = world
    error = _refused(_post(client, json.dumps(dict(MEASURE, **{field: "FB\x0004"})).encode()), 400, "invalid")
    assert error["details"] == [{"field": field, "message": "Nullzeichen sind nicht erlaubt."}]


def test_a_nul_character_naming_the_parent_is_refused(world):
    _measure, client = world
    line = {"kind": "cost", "group": "development", "category": "software", "year": 2024, "amount": "1"}
    response = client.post(
        "/api/v1/musterstadt/lines/",
        json.dumps(dict(line, label="L", measure="M-04\x00")),
        content_type="application/json",
    )
    _refused(response, 400, "invalid")


def test_an_empty_body_is_an_empty_object_whose_missing_fields_are_named(world):
    _measure, client = world
    error = _refused(client.generic("POST", "/api/v1/musterstadt/measures/"), 400, "invalid")
    assert {"code", "title"} <= {d["field"] for d in error["details"]}


@pytest.mark.parametrize(
    "content_type",
    [
        "application/x-www-form-urlencoded",
        "text/plain",
        "multipart/form-data; boundary=x",
        "application/json; charset=latin-1",
    ],
)
def test_a_body_that_is_not_json_is_refused_with_415(world, content_type):
    measure, client = world
    _refused(_post(client, json.dumps(MEASURE).encode(), content_type), 415, "unsupported_media_type")
    patch = client.patch(f"/api/v1/musterstadt/measures/{measure.pk}/", b"title=x", content_type=content_type)
    assert patch.status_code == 415


@pytest.mark.parametrize(
    "raw",
    [
        b"NaN",
        b"Infinity",
        b"-Infinity",
        b"1e400",
        b"1" + b"0" * 30,
        b"9" * 5000,
        b"[1e400]",
        b"[10000000000000000000000]",
    ],
)
def test_absurd_numbers_are_refused_with_400(world, raw):
    _measure, client = world
    for field in (b"baseline_cost", b"progress", b"fields_of_action"):
        response = _post(client, b'{"code": "M-99", "title": "t", "' + field + b'": ' + raw + b"}")
        assert response.status_code == 400, (field, raw, response.content)
    _refused(response, 400, response.json()["error"]["code"])


def test_ids_beyond_any_database_are_no_valid_choice(world):
    _measure, client = world
    body = json.dumps(dict(MEASURE, fields_of_action=[2**63 - 1], partners=str(10**25)))
    error = _refused(_post(client, body.encode()), 400, "invalid")
    assert {d["field"] for d in error["details"]} == {"fields_of_action", "partners"}


@pytest.mark.parametrize("query", ["q=a%00b", "department=FB%0004", "status%00=planned"])
def test_a_nul_character_in_the_query_string_is_refused_with_400(world, query):
    _measure, client = world
    response = client.get(f"/api/v1/musterstadt/measures/?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_parameter"


def test_a_stale_change_of_a_list_field_names_the_stored_records(world):
    measure, client = world
    body = {"lock_version": 7, "fields_of_action": [], "partners": "", "title": "Neu"}
    response = client.patch(
        f"/api/v1/musterstadt/measures/{measure.pk}/", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 412
    details = {d["field"]: d["message"] for d in response.json()["error"]["details"]}
    assert details["fields_of_action"] == "jetzt gespeichert: –"
    assert details["title"] == f"jetzt gespeichert: {measure.title}"


@pytest.mark.parametrize("value", [False, True, 0, 1.5, [1]])
def test_a_value_of_the_wrong_json_type_is_a_validation_error(world, value):
    measure, client = world
    for field in ("end_date", "start_date"):
        _refused(_post(client, json.dumps(dict(MEASURE, **{field: value})).encode()), 400, "invalid")
    response = client.post(
        "/api/v1/musterstadt/milestones/",
        json.dumps(
            {"measure": measure.pk, "title": "T", "baseline_date": "2024-01-01", "actual_date": value}
        ),
        content_type="application/json",
    )
    assert response.status_code == 400
