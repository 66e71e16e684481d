"""Atom feeds of changes per public measure and per municipality: valid Atom, linked from the
portal pages, and never a change the public could not read."""

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client

from digitalbilanz.testing import Factory

ATOM = "{http://www.w3.org/2005/Atom}"
SECRET_REASON = "vertraulich: Angebot der Firma Geheim"
SECRET_AMOUNT = "987654"


@pytest.fixture
def town(db):
    cache.clear()
    return Factory.municipality(slug="stadt", name="Stadt")


def save(obj, reason="", **changes):
    for name, value in changes.items():
        setattr(obj, name, value)
    obj._change_reason = reason
    obj.save()


def parse(url):
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{name}") is not None, name
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for name in ("id", "title", "updated", "link"):
            assert entry.find(f"{ATOM}{name}") is not None, name
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids))  # every entry has its own id
    return root, entries, response.content.decode()


def test_measure_feed_is_atom_with_the_public_changes_and_their_reasons(town):
    measure = Factory.measure(town, code="M-1", title="DMS", baseline_cost=Decimal("100"))
    save(measure, "Ausschreibung teurer", baseline_cost=Decimal("250"))
    root, entries, body = parse(f"/stadt/massnahmen/{measure.pk}/aenderungen.atom")
    assert "DMS" in root.findtext(f"{ATOM}title")
    assert len(entries) == 2  # created, changed
    newest = entries[0]
    assert "Ausschreibung teurer" in newest.findtext(f"{ATOM}summary")
    assert "100,00 → 250,00" in newest.findtext(f"{ATOM}summary")
    assert newest.find(f"{ATOM}link").get("href").endswith(f"/stadt/massnahmen/{measure.pk}/aenderungen/")


def test_a_non_public_change_never_appears_in_either_feed(town):
    measure = Factory.measure(town, code="M-1", title="DMS", baseline_cost=Decimal("100"))
    save(measure, SECRET_REASON, visibility="internal")
    save(measure, SECRET_REASON, baseline_cost=Decimal(SECRET_AMOUNT))
    save(measure, "Freigabe", visibility="public")
    hidden = Factory.measure(town, code="M-2", title="Geheimprojekt", visibility="internal")
    save(hidden, SECRET_REASON, baseline_cost=Decimal(SECRET_AMOUNT))
    for url in (f"/stadt/massnahmen/{measure.pk}/aenderungen.atom", "/stadt/aenderungen.atom"):
        _root, entries, body = parse(url)
        assert entries  # the public part is there
        assert SECRET_REASON not in body and "987.654" not in body and SECRET_AMOUNT not in body
        assert "Geheimprojekt" not in body
    assert Client().get(f"/stadt/massnahmen/{hidden.pk}/aenderungen.atom").status_code == 404


def test_municipality_feed_joins_the_public_measures_newest_first(town):
    one = Factory.measure(town, code="M-1", title="Eins")
    two = Factory.measure(town, code="M-2", title="Zwei")
    save(one, "später", title="Eins neu")
    _root, entries, _body = parse("/stadt/aenderungen.atom")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert len(entries) == 3
    assert titles[0].startswith("M-1") and "geändert" in titles[0]
    assert [t for t in titles if t.startswith("M-2")] == [f"M-2: Maßnahme „{two}“ – angelegt"]
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)


def test_portal_pages_link_their_feeds(town):
    measure = Factory.measure(town, code="M-1", title="DMS")
    pages = ("/stadt/", f"/stadt/massnahmen/{measure.pk}/", f"/stadt/massnahmen/{measure.pk}/aenderungen/")
    for url in pages:
        body = Client().get(url).content.decode()
        assert '<link rel="alternate" type="application/atom+xml" href="/stadt/aenderungen.atom"' in body
    for url in (f"/stadt/massnahmen/{measure.pk}/", f"/stadt/massnahmen/{measure.pk}/aenderungen/"):
        body = Client().get(url).content.decode()
        feed = f'href="/stadt/massnahmen/{measure.pk}/aenderungen.atom"'
        assert f'<link rel="alternate" type="application/atom+xml" {feed}' in body
