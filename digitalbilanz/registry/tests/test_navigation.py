"""The app navigation is built from the registered entries, in order, for those who may see it."""

import re

import pytest
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.core.permissions import can_admin
from digitalbilanz.registry.navigation import Entry, register_entry, unregister_entry
from digitalbilanz.testing import Factory


@pytest.fixture
def town(db):
    return Factory.municipality(slug="musterstadt")


@pytest.fixture
def admins_only():
    entry = register_entry(Entry("test_admin", "Nur Verwaltung", "report_compare", 45, can_admin))
    yield entry
    unregister_entry(entry.key)


def _navigation(town, role):
    client = Client()
    client.force_login(Factory.user(town, role))
    html = client.get("/app/musterstadt/massnahmen/").content.decode()
    nav = re.search(r'<nav aria-label="Hauptnavigation">(.*?)</nav>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', nav)


def test_the_apps_entries_appear_in_their_order(town):
    links = _navigation(town, Role.READER)
    assert [title for _url, _current, title in links] == [
        "Übersicht",
        "Maßnahmen",
        "Online-Dienste",
        "Strategie",
        "Steuerung",
        "Arbeitsplätze",
        "Verträge",
        "Rat",
        "Parameter",
        "Haushalt",
        "Kennzahlen",
        "Berichte",
        "Quellen",
    ]
    assert links[1][:2] == ("/app/musterstadt/massnahmen/", ' aria-current="page"')
    assert [current for _url, current, _title in links].count(' aria-current="page"') == 1


def test_an_entry_is_shown_only_to_whom_its_predicate_allows(town, admins_only):
    admin = [title for _url, _current, title in _navigation(town, Role.ADMIN)]
    assert admin.index("Nur Verwaltung") == admin.index("Parameter") + 1
    assert "Nur Verwaltung" not in [title for _url, _current, title in _navigation(town, Role.EDITOR)]


def test_an_unregistered_entry_disappears(town, admins_only):
    unregister_entry(admins_only.key)
    assert "Nur Verwaltung" not in [title for _url, _current, title in _navigation(town, Role.ADMIN)]
