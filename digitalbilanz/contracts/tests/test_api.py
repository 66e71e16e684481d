"""Writes of workplace snapshots, contracts and contract values through the API (the tables'
forms): versions via If-Match, German 400s in the standard error shape, derived lines follow."""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.test import Client

from digitalbilanz.api.models import ApiKey
from digitalbilanz.contracts.models import Contract, ContractValue
from digitalbilanz.core.choices import Role
from digitalbilanz.portfolio.models import Line
from digitalbilanz.testing import Factory
from digitalbilanz.workplaces.models import WorkplaceSnapshot

API = "/api/v1/musterstadt"
SNAPSHOT = {"as_of": "2024-01-01", "headcount": 100, "mobile_capable": 50, "two_devices": 40,
            "source": "Personalamt", "visibility": "public"}  # fmt: skip
CONTRACT = {"vendor": "Anbieter", "subject": "Lizenzen", "kind": "licence", "basis": "per_device",
            "start": "2024-01-01", "minimum_term_months": 12, "notice_months": 3,
            "auto_renewal": True, "renewal_months": 12, "visibility": "public"}  # fmt: skip


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="musterstadt")
    fb04 = Factory.unit(town, "FB 04")
    measure = Factory.measure(town, code="M-04", lead_department=fb04)
    editor = Factory.user(town, Role.EDITOR)
    _key, secret = ApiKey.issue(town, editor, "fachverfahren", read_write=True)
    return town, measure, Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def send(client, method, url, data, **headers):
    return getattr(client, method)(url, json.dumps(data), content_type="application/json", **headers)


def double_fees(measure):
    return Line.objects.get(measure=measure, year=2024, label__startswith="Doppelte").amount


def test_contract_and_value_written_through_the_api_derive_the_measures_lines(world):
    town, measure, client = world
    send(client, "post", f"{API}/workplace_snapshots/", SNAPSHOT)
    created = send(client, "post", f"{API}/contracts/", dict(CONTRACT, measures=[measure.pk]))
    assert created.status_code == 201, created.content
    contract = Contract.objects.get(pk=created.json()["id"])
    assert contract.municipality == town and list(contract.measures.all()) == [measure]
    value = send(
        client, "post", f"{API}/contract_values/",
        {"contract": contract.pk, "valid_from": "2024-01-01", "annual_cost": "10000", "units": 400,
         "unit_price": "25", "source": "Vertrag", "visibility": "public"},
    )  # fmt: skip
    assert value.status_code == 201, value.content
    assert ContractValue.objects.get(pk=value.json()["id"]).contract == contract
    assert double_fees(measure) == Decimal("1000.00")  # 40 people × 25 €
    total = Line.objects.get(measure=measure, year=2024, label__startswith="Vertrag").amount
    assert total == Decimal("9000.00")
    changed = send(
        client, "patch", f"{API}/contract_values/{value.json()['id']}/",
        {"annual_cost": "20000", "units": 800}, HTTP_IF_MATCH='"0"',
    )  # fmt: skip
    assert changed.status_code == 200, changed.content
    assert Line.objects.get(measure=measure, year=2024, label__startswith="Vertrag").amount == Decimal(
        "19000.00"
    )


def test_a_snapshot_patched_with_if_match_recomputes_the_double_fees(world):
    _town, measure, client = world
    snapshot = send(client, "post", f"{API}/workplace_snapshots/", SNAPSHOT).json()
    contract = Contract.objects.create(
        municipality=measure.municipality, **dict(CONTRACT, start=dt.date(2024, 1, 1))
    )
    ContractValue.objects.create(
        municipality=contract.municipality, contract=contract, valid_from=dt.date(2024, 1, 1),
        annual_cost=10_000, units=400, unit_price=Decimal(25), source="Vertrag", visibility="public",
    )  # fmt: skip
    send(client, "patch", f"{API}/contracts/{contract.pk}/", {"measures": [measure.pk]}, HTTP_IF_MATCH='"0"')
    assert double_fees(measure) == Decimal("1000.00")
    url = f"{API}/workplace_snapshots/{snapshot['id']}/"
    response = send(client, "patch", url, {"two_devices": 20}, HTTP_IF_MATCH='"0"')
    assert response.status_code == 200, response.content
    assert response["ETag"] == '"1"'
    assert double_fees(measure) == Decimal("500.00")
    stale = send(client, "patch", url, {"two_devices": 10}, HTTP_IF_MATCH='"0"')
    assert stale.status_code == 412 and stale.json()["error"]["code"] == "stale"
    assert send(client, "patch", url, {"two_devices": 10}).status_code == 428
    assert WorkplaceSnapshot.objects.get(pk=snapshot["id"]).two_devices == 20


def test_bad_input_answers_a_german_400_in_the_standard_shape_and_stores_nothing(world):
    _town, _measure, client = world
    response = send(client, "post", f"{API}/workplace_snapshots/", dict(SNAPSHOT, mobile_capable=150))
    assert response.status_code == 400
    error = response.json()["error"]
    # each value is valid on its own; together they break a rule across fields
    assert error["code"] == "rule" and error["message"] == "Die Angaben verletzen eine fachliche Regel."
    assert {"field": "mobile_capable", "message": error["details"][0]["message"]} in error["details"]
    assert "mehr Beschäftigte mobil arbeiten" in error["details"][0]["message"]
    contract = send(client, "post", f"{API}/contracts/", dict(CONTRACT, notice_months=24))
    assert contract.status_code == 400 and contract.json()["error"]["details"]
    assert not WorkplaceSnapshot.objects.exists() and not Contract.objects.exists()


def test_a_snapshot_a_linked_scenario_cannot_use_is_refused_with_400(world):
    from digitalbilanz.workplaces.calc import sync_measure_lines
    from digitalbilanz.workplaces.models import WorkplaceScenario

    town, measure, client = world
    snapshot = send(client, "post", f"{API}/workplace_snapshots/", dict(SNAPSHOT, desks=100)).json()
    scenario = WorkplaceScenario.objects.create(
        municipality=town, visibility="public", snapshot_id=snapshot["id"], name="Quote 0,8",
        desk_ratio=Decimal("0.8"), start_year=2024, years=1, measure=measure,
    )  # fmt: skip
    sync_measure_lines(scenario, reason="verknüpft")
    url = f"{API}/workplace_snapshots/{snapshot['id']}/"
    response = send(client, "patch", url, {"mobile_capable": 5}, HTTP_IF_MATCH='"0"')
    assert response.status_code == 400
    assert "Quote 0,8" in response.json()["error"]["details"][0]["message"]
    assert WorkplaceSnapshot.objects.get(pk=snapshot["id"]).mobile_capable == 50
