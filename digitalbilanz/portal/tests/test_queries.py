"""List pages and API lists cost the same number of queries for 5 and for 50 measures."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from digitalbilanz.testing import Factory

URLS = [
    "/stadt/",
    "/stadt/massnahmen/",
    "/stadt/massnahmen/?q=Maßnahme",
    "/stadt/daten/measures.csv",
    "/stadt/daten/lines.json",
    "/stadt/daten/figures.csv",
    "/api/v1/stadt/measures/?page_size=200",
    "/api/v1/stadt/lines/?page_size=200",
    "/api/v1/stadt/milestones/?page_size=200",
    "/api/v1/stadt/figures/?page_size=200",
]


def _grow(town, unit, field, count):
    for _ in range(count):
        m = Factory.measure(town, lead_department=unit, description="Maßnahme mit Text")
        m.fields_of_action.add(field)
        Factory.line(m, year=2024)
        Factory.line(m, year=2025, kind="benefit")
        Factory.milestone(m)


def _queries(url):
    client = Client()
    client.get(url)  # warm-up: lazily created portal settings
    cache.clear()  # measure the view itself, not the response cache
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_number_of_measures():
    from digitalbilanz.portfolio.models import FieldOfAction

    town = Factory.municipality(slug="stadt")
    unit = Factory.unit(town, "FB 1")
    field = FieldOfAction.objects.create(municipality=town, title="Feld", visibility="public")
    _grow(town, unit, field, 5)
    small = {url: _queries(url) for url in URLS}
    _grow(town, unit, field, 45)
    for url in URLS:
        assert _queries(url) == small[url], url
        assert small[url] <= 15, url
