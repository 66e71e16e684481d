"""The pages' query count does not grow with the number of indicators, values or lines."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from digitalbilanz.core.choices import Role
from digitalbilanz.finance.models import BudgetAssignment, ProductGroup
from digitalbilanz.indicators.models import Indicator, Observation
from digitalbilanz.testing import Factory


def _add(town, n):
    for i in range(n):
        a = Indicator.objects.create(
            municipality=town, key=f"a{n}_{i}", name="A", topic="digital", unit="count", visibility="public"
        )
        Observation.objects.create(
            municipality=town,
            indicator=a,
            date=dt.date(2021, 1, 1),
            value=D(i + 1),
            unit="count",
            source="x",
            visibility="public",
        )
        Indicator.objects.create(
            municipality=town,
            key=f"d{n}_{i}",
            name="D",
            topic="digital",
            unit="percent",
            formula="ratio",
            input_a=a,
            input_b=a,
            visibility="public",
        )
        measure = Factory.measure(town)
        group = ProductGroup.objects.get(municipality=town)
        BudgetAssignment.objects.create(
            municipality=town, measure=measure, product_group=group, first_year=2020, visibility="public"
        )
        Factory.line(measure, 2024)


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/app/{slug}/kennzahlen/",
        "/app/{slug}/haushalt/gegenueberstellung/?jahr=2024",
        "/{slug}/finanzen/2024/",
    ],
)
def test_query_count_is_independent_of_the_number_of_records(path):
    town = Factory.municipality()
    ProductGroup.objects.create(municipality=town, number="0199", name="G", visibility="public")
    client = Client()
    client.force_login(Factory.user(town, Role.READER))
    url = path.format(slug=town.slug)
    _add(town, 2)
    _count(client, url)  # first use: session, portal settings
    few = _count(client, url)
    _add(town, 6)
    assert _count(client, url) == few
