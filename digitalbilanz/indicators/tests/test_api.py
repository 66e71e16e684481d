"""A business application reports indicator values through the API (the table's form): a value
in the wrong unit is refused in German and nothing is stored."""

import json

import pytest
from django.test import Client

from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.choices import Role
from digitalbilanz.demo import leverkusen_indicators
from digitalbilanz.indicators.models import Observation
from digitalbilanz.testing import Factory


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="musterstadt")
    leverkusen_indicators.load(town)
    _key, secret = ApiKey.issue(town, Factory.user(town, Role.EDITOR), "finanzverfahren", read_write=True)
    return town, Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def _post(client, data):
    return client.post(
        "/api/v1/musterstadt/indicator_values/", json.dumps(data), content_type="application/json"
    )


VALUE = {
    "indicator": "cash_credits",
    "date": "2022-06-18",
    "value": "240000000",
    "unit": "EUR",
    "source": "Kasse",
    "visibility": "public",
}


def test_a_value_is_stored_for_the_indicator_named_by_key(world):
    town, client = world
    response = _post(client, VALUE)
    assert response.status_code == 201, response.content
    stored = Observation.objects.get(pk=response.json()["id"])
    assert stored.indicator.key == "cash_credits" and stored.municipality == town


def test_a_value_in_the_wrong_unit_is_refused(world):
    _town, client = world
    before = Observation.objects.count()
    response = _post(client, dict(VALUE, unit="percent"))
    assert response.status_code == 400
    assert "nicht in „Prozent“" in response.content.decode()
    assert Observation.objects.count() == before


def test_a_derived_indicator_takes_no_values(world):
    _town, client = world
    response = _post(client, dict(VALUE, indicator="cash_credits_utilisation", unit="percent", value="70"))
    assert response.status_code == 400 and "wird berechnet" in response.content.decode()
