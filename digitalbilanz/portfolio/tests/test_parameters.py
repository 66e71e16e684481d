"""A municipality works on the registered defaults until its admin sets values of its own."""

import datetime as dt

import pytest
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.core.models import Municipality, Parameter
from digitalbilanz.core.parameters import parameter_specs
from digitalbilanz.portfolio.models import Measure
from digitalbilanz.testing import Factory


@pytest.fixture
def town(db):
    """A municipality without a single Parameter row, with one measure valued in staff hours."""
    town = Municipality.objects.create(name="Neustadt", slug="neustadt")
    measure = Factory.measure(town, start_date=dt.date(2024, 1, 1))
    Factory.line(measure, amount=None, hours="3200", career_level="gd", kind="benefit", budget_relevant=False)
    Factory.line(measure, amount="50000")
    return town


def _measure(town):
    return Measure.objects.get(municipality=town)


def _client(town, role):
    client = Client()
    client.force_login(Factory.user(town, role))
    return client


def test_dashboard_of_a_municipality_without_parameter_rows_answers(town):
    response = _client(town, Role.READER).get("/app/neustadt/")
    assert response.status_code == 200
    assert "1.600 Jahresarbeitsstunden" in response.content.decode()


def test_measure_explanation_cites_defaults_as_defaults(town):
    measure = _measure(town)
    page = _client(town, Role.READER).get(f"/app/neustadt/massnahmen/{measure.pk}/").content.decode()
    assert "Standardwert (keine eigene Festlegung der Kommune): BMF" in page
    assert "Standardwert (keine eigene Festlegung der Kommune): Destatis" in page


def test_parameter_page_lists_every_registered_parameter_as_default(town):
    page = _client(town, Role.ADMIN).get("/app/neustadt/parameter/").content.decode()
    assert page.count("eigenen Wert festlegen") == len(parameter_specs())
    assert "Schwelle qualitative Bewertung" in page
    assert "Standardwert verwenden" not in page


def test_admin_sets_an_own_value_that_replaces_the_default(town):
    client = _client(town, Role.ADMIN)
    response = client.post(
        "/app/neustadt/parameter/overhead/",
        {
            "value": "25",
            "source": "Ratsbeschluss 2024/17",
            "as_of": "2024-05-01",
            "change_reason": "Beschluss",
        },
    )
    assert response.status_code == 302
    row = Parameter.objects.get(municipality=town, key="overhead")
    assert row.source == "Ratsbeschluss 2024/17"
    assert row.history.first().history_change_reason == "Beschluss"
    page = client.get(f"/app/neustadt/massnahmen/{_measure(town).pk}/").content.decode()
    assert "Ratsbeschluss 2024/17" in page
    listing = client.get("/app/neustadt/parameter/").content.decode()
    assert listing.count("eigenen Wert festlegen") == len(parameter_specs()) - 1
    assert listing.count("Standardwert verwenden") == 1


def test_the_form_names_unit_rule_and_default(town):
    page = _client(town, Role.ADMIN).get("/app/neustadt/parameter/horizon/").content.decode()
    assert "Einheit: Jahre; erlaubt: ganze Zahl von 1 bis 50 Jahre. Standardwert: 8,00." in page


def test_admin_restores_the_default(town):
    client = _client(town, Role.ADMIN)
    data = {"value": "10", "source": "Eigene", "as_of": "2024-05-01"}
    client.post("/app/neustadt/parameter/horizon/", data)
    assert Parameter.objects.filter(municipality=town, key="horizon").exists()
    assert client.post("/app/neustadt/parameter/horizon/standard/").status_code == 302
    assert not Parameter.objects.filter(municipality=town, key="horizon").exists()


@pytest.mark.parametrize("role", [Role.EDITOR, Role.READER])
def test_only_admins_set_parameters(town, role):
    client = _client(town, role)
    data = {"value": "10", "source": "Eigene", "as_of": "2024-05-01"}
    assert client.post("/app/neustadt/parameter/horizon/", data).status_code == 404
    assert not Parameter.objects.exists()


def test_an_unregistered_key_has_no_form(town):
    assert _client(town, Role.ADMIN).get("/app/neustadt/parameter/erfunden/").status_code == 404


def test_a_reset_from_a_stale_page_keeps_the_newer_own_value(town):
    client = _client(town, Role.ADMIN)
    data = {"value": "10", "source": "Eigene", "as_of": "2024-05-01"}
    client.post("/app/neustadt/parameter/horizon/", data)
    row = Parameter.objects.get(municipality=town, key="horizon")
    loaded = row.lock_version
    row.value = 12
    row.save()
    response = client.post("/app/neustadt/parameter/horizon/standard/", {"lock_version": loaded}, follow=True)
    assert "wurde inzwischen geändert" in response.content.decode()
    assert Parameter.objects.get(municipality=town, key="horizon").value == 12
