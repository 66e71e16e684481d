"""The API as a generated client sees it: what the OpenAPI document says is what the API does
(request bodies, limits, Allow, 404 below /api/v1/, WWW-Authenticate, a page past the end)."""

import pytest
from django.test import Client

from digitalbilanz.api.listing import INT32_MAX
from digitalbilanz.api.openapi import spec
from digitalbilanz.registry.tables import table as table_named
from digitalbilanz.testing import Factory


@pytest.fixture
def town(db):
    town = Factory.municipality(slug="musterstadt")
    Factory.measure(town)
    return town


@pytest.fixture
def document():
    return spec("http://testserver/api/v1")


def test_request_bodies_name_required_fields_and_allow_nothing_else(document):
    post = document["paths"]["/{slug}/lines/"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    patch = document["paths"]["/{slug}/lines/{id}/"]["patch"]["requestBody"]["content"]["application/json"]
    assert post["additionalProperties"] is False and patch["schema"]["additionalProperties"] is False
    assert {"year", "kind", "measure"} <= set(post["required"])
    assert "required" not in patch["schema"]
    assert post["properties"]["year"]["type"] == "integer"
    assert "change_reason" in post["properties"] and "lock_version" in patch["schema"]["properties"]


def test_limits_are_documented_and_the_32_bit_bound_holds(town, document):
    params = {p["name"]: p["schema"] for p in document["paths"]["/{slug}/lines/"]["get"]["parameters"]}
    assert params["page"]["maximum"] == 10**6
    assert params["year"]["maximum"] == INT32_MAX == 2147483647
    client = Client()
    assert client.get(f"/api/v1/musterstadt/lines/?year={INT32_MAX}").status_code == 200
    assert client.get(f"/api/v1/musterstadt/lines/?year={INT32_MAX + 1}").status_code == 400


def test_allow_says_what_the_resource_accepts(town):
    client = Client()
    assert table_named("figures").writes is None
    for method in ("options", "post"):
        response = getattr(client, method)("/api/v1/musterstadt/figures/")
        assert response.status_code == 405 and response["Allow"] == "GET", method
    assert client.options("/api/v1/musterstadt/lines/")["Allow"] == "GET, POST"


def test_any_path_below_the_api_answers_json_404(town):
    for path in ("/api/v1/musterstadt/%0A/", "/api/v1/%0Aabc", "/api/v1/a/b/c/d/"):
        response = Client().get(path)
        assert response.status_code == 404 and response["Content-Type"] == "application/json", path
        assert response.json()["error"]["code"] == "not_found"


def test_401_answers_name_the_scheme(town):
    response = Client().post("/api/v1/musterstadt/lines/", {}, content_type="application/json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer ")
    bad_key = Client().get("/api/v1/musterstadt/lines/", HTTP_AUTHORIZATION="Bearer db_falsch")
    assert bad_key.status_code == 401 and "WWW-Authenticate" in bad_key


def test_a_page_past_the_end_is_not_found_as_documented(town, document):
    response = Client().get("/api/v1/musterstadt/measures/?page=99")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"
    page = next(p for p in document["paths"]["/{slug}/measures/"]["get"]["parameters"] if p["name"] == "page")
    assert "404" in page["description"]
