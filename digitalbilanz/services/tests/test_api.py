"""The API's batch write of case numbers (Table.batch) and its keyset-paged list."""

import json

import pytest
from django.test import Client

from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.choices import Role
from digitalbilanz.core.models import ImportRun, Municipality
from digitalbilanz.services.models import CaseCount
from digitalbilanz.services.tests.conftest import make_service
from digitalbilanz.testing import Factory

ROWS = [
    {
        "service": "10001",
        "period_kind": "month",
        "period_start": "2024-03-01",
        "channel": "online",
        "cases": 12,
    },
    {
        "service": "10001",
        "period_kind": "Monat",
        "period_start": "01.03.2024",
        "channel": "Schalter",
        "cases": 30,
    },
]


@pytest.fixture
def api(town):
    fb = Factory.unit(town, "FB 32")
    make_service(town, department=fb)
    editor = Factory.user(town, Role.EDITOR, units=[fb])
    _key, secret = ApiKey.issue(town, editor, "fachverfahren", read_write=True)
    return town, Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def post(client, town, rows):
    return client.post(
        f"/api/v1/{town.slug}/service_cases/batch/",
        json.dumps({"rows": rows}),
        content_type="application/json",
    )


def test_batch_write_upserts_all_rows_and_is_idempotent(api):
    town, client = api
    before = Municipality.objects.get(pk=town.pk).data_version
    response = post(client, town, ROWS)
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["created"], body["updated"], body["unchanged"]) == (2, 0, 0)
    assert ImportRun.objects.get(pk=body["import_run"]).kind == "services.cases"
    assert Municipality.objects.get(pk=town.pk).data_version == before + 1
    again = post(client, town, ROWS).json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 2)
    changed = post(client, town, [dict(ROWS[0], cases=13)]).json()
    assert changed["updated"] == 1 and CaseCount.objects.get(channel="online").cases == 13


def test_a_bad_row_rejects_the_batch_naming_row_and_field(api):
    town, client = api
    bad = [ROWS[0], dict(ROWS[1], cases=-1), dict(ROWS[1], service="nope", extra=1)]
    response = post(client, town, bad)
    assert response.status_code == 400
    details = response.json()["error"]["details"]
    assert {"row": 2, "field": "Fälle", "message": "Die Fallzahl darf nicht negativ sein."} in details
    assert {"row": 3, "field": "extra", "message": "Unbekanntes Feld."} in details
    assert any(d["row"] == 3 and d["field"] == "OZG-ID" for d in details)
    assert not CaseCount.objects.exists()


def test_batch_needs_a_writing_key_and_a_list_of_flat_objects(api, town):
    _town, client = api
    reader = Factory.user(town, Role.READER)
    _k, secret = ApiKey.issue(town, reader, "lesen")
    assert post(Client(HTTP_AUTHORIZATION=f"Bearer {secret}"), town, ROWS).status_code == 403
    assert post(Client(), town, ROWS).status_code == 401
    nested = client.post(
        f"/api/v1/{town.slug}/service_cases/batch/",
        json.dumps({"rows": [{"service": {"x": 1}}]}),
        content_type="application/json",
    )
    assert nested.status_code == 400
    assert post(client, town, []).status_code == 400
    assert (
        client.post(f"/api/v1/{town.slug}/services/batch/", "{}", content_type="application/json").status_code
        == 404
    )


def test_a_department_editor_cannot_write_cases_of_another_department(api, town):
    _town, client = api
    make_service(town, "20002", department=Factory.unit(town, "FB 99"))
    response = post(client, town, [dict(ROWS[0], service="20002")])
    assert response.status_code == 400
    assert "Keine Berechtigung" in response.json()["error"]["details"][0]["message"]


def test_the_case_list_is_keyset_paged(api):
    town, client = api
    post(client, town, ROWS)
    first = Client().get(f"/api/v1/{town.slug}/service_cases/?page_size=1").json()
    assert len(first["results"]) == 1 and first["next"]
    second = Client().get(first["next"]).json()
    assert second["results"][0]["id"] != first["results"][0]["id"]
    assert first["results"][0]["period"] == "03/2024"


def test_openapi_documents_the_batch_endpoint(db):
    spec = Client().get("/api/v1/openapi.json").json()
    assert "post" in spec["paths"]["/{slug}/service_cases/batch/"]
