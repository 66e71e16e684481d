"""Anonymous reads: pagination, filters, one error shape, rate limit, OpenAPI."""

import pytest
from django.core.cache import cache
from django.test import Client

from digitalbilanz.core.choices import Visibility
from digitalbilanz.testing import Factory


@pytest.fixture
def town(db):
    town = Factory.municipality(slug="musterstadt")
    unit = Factory.unit(town, "FB 04")
    for i in range(7):
        m = Factory.measure(town, lead_department=unit, status="in_progress" if i % 2 else "planned")
        Factory.line(m, year=2024)
    Factory.measure(town, visibility=Visibility.INTERNAL, title="Geheim")
    return town


def _error(response, status, code):
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and isinstance(body["error"]["details"], list)
    return body["error"]


def test_list_is_paginated_and_public_only(town):
    body = Client().get("/api/v1/musterstadt/measures/?page_size=5").json()
    assert body["count"] == 7 and len(body["results"]) == 5 and body["next"].endswith("page=2")
    second = Client().get("/api/v1/musterstadt/measures/?page_size=5&page=2").json()
    assert len(second["results"]) == 2 and second["next"] is None
    assert "Geheim" not in str(body) + str(second)
    assert "visibility" not in body["results"][0]


def test_filters_apply(town):
    body = Client().get("/api/v1/musterstadt/measures/?status=planned&department=FB%2004").json()
    assert body["count"] == 4 and {r["status"] for r in body["results"]} == {"planned"}
    measure_id = body["results"][0]["id"]
    lines = Client().get(f"/api/v1/musterstadt/lines/?measure={measure_id}").json()
    assert lines["count"] == 1 and lines["results"][0]["measure"] == measure_id


@pytest.mark.parametrize(
    "query,field",
    [
        ("page=x", "page"),
        ("page=0", "page"),
        ("page_size=1000", "page_size"),
        ("status=frozen", "status"),
        ("field_of_action=abc", "field_of_action"),
        ("updated_since=gestern", "updated_since"),
        ("colour=red", "colour"),
    ],
)
def test_malformed_parameters_give_400_in_the_error_shape(town, query, field):
    error = _error(Client().get(f"/api/v1/musterstadt/measures/?{query}"), 400, "invalid_parameter")
    assert error["details"][0]["field"] == field


def test_unknown_things_give_404_in_the_error_shape(town):
    client = Client()
    _error(client.get("/api/v1/nirgendwo/measures/"), 404, "not_found")
    _error(client.get("/api/v1/musterstadt/unbekannt/"), 404, "not_found")
    _error(client.get("/api/v1/musterstadt/measures/999999/"), 404, "not_found")
    _error(client.get("/api/v1/gar/nichts/hier/da/"), 404, "not_found")
    _error(client.delete("/api/v1/musterstadt/measures/"), 405, "method_not_allowed")


def test_anonymous_clients_are_rate_limited(town, settings):
    settings.DIGITALBILANZ_API_ANON_RATE = 3
    cache.clear()
    client = Client()
    for _ in range(3):
        assert client.get("/api/v1/musterstadt/measures/").status_code == 200
    response = client.get("/api/v1/musterstadt/measures/")
    _error(response, 429, "rate_limited")
    assert int(response["Retry-After"]) > 0
    cache.clear()


def test_openapi_document_validates(town):
    from openapi_spec_validator import validate

    document = Client().get("/api/v1/openapi.json").json()
    validate(document)
    assert "/{slug}/measures/" in document["paths"] and "post" in document["paths"]["/{slug}/measures/"]
    assert Client().get("/api/v1/docs/").status_code == 200
