"""The municipality's master data page: administrators choose how public figures treat
non-public lines, enter the inhabitants and opt in to the comparison — without the Django admin."""

import datetime as dt

import pytest
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.core.models import Municipality
from digitalbilanz.testing import Factory

URL = "/app/neustadt/kommune/"


@pytest.fixture
def town(db):
    return Municipality.objects.create(name="Neustadt", slug="neustadt")


def _client(town, role):
    client = Client()
    client.force_login(Factory.user(town, role))
    return client


def _post(client, town, **changes):
    data = {
        "kind": town.kind,
        "ags": town.ags,
        "ars": town.ars,
        "state": town.state,
        "website": town.website,
        "public_figures": town.public_figures,
        "inhabitants": "" if town.inhabitants is None else town.inhabitants,
        "inhabitants_as_of": town.inhabitants_as_of or "",
        "inhabitants_source": town.inhabitants_source,
        "lock_version": town.lock_version,
        "change_reason": "",
    }
    if town.comparison_opt_in:
        data["comparison_opt_in"] = "on"
    data.update(changes)
    return client.post(URL, {k: v for k, v in data.items() if v is not None})


@pytest.mark.parametrize("role", [Role.EDITOR, Role.READER, Role.COUNCIL])
def test_only_administrators_reach_the_page(town, role):
    assert _client(town, role).get(URL).status_code == 404


def test_administrator_sees_the_page_and_the_navigation_entry(town):
    client = _client(town, Role.ADMIN)
    page = client.get(URL).content.decode()
    assert "Stammdaten der Kommune" in page
    assert "Nimmt am Vergleich der Kommunen teil" in page
    assert 'href="/app/neustadt/kommune/"' in client.get("/app/neustadt/").content.decode()
    editor_page = _client(town, Role.EDITOR).get("/app/neustadt/").content.decode()
    assert 'href="/app/neustadt/kommune/"' not in editor_page


def test_opt_in_with_inhabitants_is_saved_with_reason_and_raises_the_data_version(town):
    before = town.data_version
    response = _post(
        _client(town, Role.ADMIN),
        town,
        public_figures="fold",
        inhabitants="163838",
        inhabitants_as_of="2023-12-31",
        inhabitants_source="IT.NRW",
        comparison_opt_in="on",
        ags="05316000",
        change_reason="Ratsbeschluss zur Teilnahme am Vergleich",
    )
    assert response.status_code == 302
    town.refresh_from_db()
    assert (town.public_figures, town.inhabitants, town.comparison_opt_in) == ("fold", 163838, True)
    assert town.inhabitants_as_of == dt.date(2023, 12, 31)
    assert town.data_version > before
    latest = town.history.first()
    assert latest.history_change_reason == "Ratsbeschluss zur Teilnahme am Vergleich"


def test_opt_in_without_inhabitants_is_refused_in_german_and_saves_nothing(town):
    response = _post(_client(town, Role.ADMIN), town, comparison_opt_in="on", state="Hessen")
    assert response.status_code == 400
    assert "Für den Vergleich wird die Einwohnerzahl" in response.content.decode()
    town.refresh_from_db()
    assert (town.comparison_opt_in, town.state) == (False, "")


def test_inhabitants_without_reference_date_and_source_are_refused(town):
    response = _post(_client(town, Role.ADMIN), town, inhabitants="1000")
    assert response.status_code == 400
    assert "Stichtag und Quelle" in response.content.decode()
    town.refresh_from_db()
    assert town.inhabitants is None


def test_a_stale_form_is_refused_and_keeps_the_newer_value(town):
    client = _client(town, Role.ADMIN)
    stale = town.lock_version
    town.state = "Bayern"
    town.save()
    response = _post(client, town, lock_version=stale, state="Hessen")
    assert response.status_code == 400
    town.refresh_from_db()
    assert town.state == "Bayern"
