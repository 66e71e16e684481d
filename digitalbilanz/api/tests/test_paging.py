"""Keyset pagination: large tables page by cursor, stable when rows are added between pages."""

import pytest
from django.test import Client

from digitalbilanz.portfolio.models import Line
from digitalbilanz.testing import Factory


@pytest.fixture
def town(db):
    town = Factory.municipality(slug="musterstadt")
    measures = [Factory.measure(town) for _ in range(3)]
    for i in range(7):
        Factory.line(measures[i % 3], year=2024 + i % 2)
    Factory.line(measures[0], visibility="internal", label="intern")
    return town


def _walk(client, url):
    ids, pages = [], 0
    while url:
        body = client.get(url).json()
        assert body["previous"] is None and "page" not in body
        ids += [row["id"] for row in body["results"]]
        url, pages = body["next"], pages + 1
    return ids, pages


def test_large_tables_page_by_cursor_over_every_public_row_once(town):
    ids, pages = _walk(Client(), "/api/v1/musterstadt/lines/?page_size=3")
    public = list(Line.objects.filter(visibility="public").order_by("pk").values_list("pk", flat=True))
    assert ids == public and pages == 3


def test_a_row_inserted_between_pages_neither_repeats_nor_skips_a_row(town):
    client = Client()
    first = client.get("/api/v1/musterstadt/lines/?page_size=3").json()
    # An offset would shift here: a row deleted before the cursor and a new row added.
    Line.objects.get(pk=first["results"][0]["id"]).delete()
    new = Factory.line(Line.objects.first().measure, label="neu")
    rest, _pages = _walk(client, first["next"])
    seen = [row["id"] for row in first["results"]] + rest
    assert len(seen) == len(set(seen)) == 8
    assert seen[-1] == new.pk


def test_cursor_keeps_filters_and_page_size(town):
    body = Client().get("/api/v1/musterstadt/lines/?page_size=2&year=2024").json()
    assert body["count"] == 4 and len(body["results"]) == 2
    assert "year=2024" in body["next"] and "page_size=2" in body["next"] and "cursor=" in body["next"]


def test_page_numbers_still_work_on_large_tables(town):
    body = Client().get("/api/v1/musterstadt/lines/?page_size=3&page=3").json()
    assert body["page"] == 3 and len(body["results"]) == 1 and body["next"] is None


def test_other_tables_page_by_cursor_when_asked(town):
    client = Client()
    assert client.get("/api/v1/musterstadt/measures/?page_size=2").json()["next"].endswith("page=2")
    ids, pages = _walk(client, "/api/v1/musterstadt/measures/?page_size=2&cursor=")
    assert len(ids) == 3 and ids == sorted(ids) and pages == 2


@pytest.mark.parametrize(
    "query",
    ["cursor=kaputt", "cursor=aWQ6eA", "cursor=&page=0", "page_size=201"],
)
def test_malformed_cursors_give_400(town, query):
    response = Client().get(f"/api/v1/musterstadt/lines/?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_parameter"


def test_the_cursor_takes_precedence_over_the_page(town):
    both = Client().get("/api/v1/musterstadt/measures/?page_size=2&page=2&cursor=").json()
    alone = Client().get("/api/v1/musterstadt/measures/?page_size=2&cursor=").json()
    assert both == alone and "page" not in both


def test_computed_tables_page_by_cursor_over_the_rows_delivered(town):
    client = Client()
    everything = client.get("/api/v1/musterstadt/parameters/?page_size=200").json()["results"]
    seen, url = [], "/api/v1/musterstadt/parameters/?page_size=7&cursor="
    while url:
        body = client.get(url).json()
        seen += body["results"]
        url = body["next"]
    assert seen == everything and len(seen) > 7


def test_the_openapi_cursor_pattern_accepts_every_cursor_the_api_hands_out():
    import re

    from digitalbilanz.api.listing import CURSOR_PATTERN, decode_cursor, encode_cursor

    for number in (0, 7, 10, 123, 4567, 10**17, 10**18 - 1):
        cursor = encode_cursor(number)
        assert re.fullmatch(CURSOR_PATTERN, cursor) and decode_cursor(cursor) == number
    assert not re.fullmatch(CURSOR_PATTERN, encode_cursor(10**18))
    assert not re.fullmatch(CURSOR_PATTERN, "kaputt")


def test_openapi_documents_the_cursor(town):
    document = Client().get("/api/v1/openapi.json").json()
    listing = document["paths"]["/{slug}/lines/"]["get"]
    assert "cursor" in {p["name"] for p in listing["parameters"]}
    assert "cursor" in listing["description"]
