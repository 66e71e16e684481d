"""The pages of workplaces and contracts need the same number of queries for 2 or 12 records."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from digitalbilanz.contracts.models import Contract, ContractValue
from digitalbilanz.core.choices import Role
from digitalbilanz.testing import Factory
from digitalbilanz.workplaces.models import WorkplaceScenario, WorkplaceSnapshot

URLS = ["/app/stadt/arbeitsplaetze/", "/app/stadt/vertraege/", "/stadt/arbeitsplaetze/", "/stadt/vertraege/"]


def _grow(town, snapshot, count):
    for _ in range(count):
        n = WorkplaceScenario.objects.count()
        WorkplaceScenario.objects.create(
            municipality=town, visibility="public", snapshot=snapshot, name=f"S{n}",
            desk_ratio=Decimal("0.9"), start_year=2024,
        )  # fmt: skip
        contract = Contract.objects.create(
            municipality=town, visibility="public", vendor=f"V{n}", subject="Lizenzen", kind="licence",
            basis="per_device", start=dt.date(2024, 1, 1), minimum_term_months=12,
        )  # fmt: skip
        ContractValue.objects.create(
            municipality=town, visibility="public", contract=contract, valid_from=contract.start,
            annual_cost=1000, source="Vertrag",
        )  # fmt: skip


def _queries(client, url):
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    return len(ctx)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_number_of_records():
    town = Factory.municipality(slug="stadt")
    snapshot = WorkplaceSnapshot.objects.create(
        municipality=town, visibility="public", as_of=dt.date(2024, 1, 1), headcount=100, mobile_capable=50
    )
    reader = Client()
    reader.force_login(Factory.user(town, Role.READER))
    _grow(town, snapshot, 2)
    small = {url: _queries(reader, url) for url in URLS}
    _grow(town, snapshot, 10)
    for url in URLS:
        assert _queries(reader, url) == small[url], url
