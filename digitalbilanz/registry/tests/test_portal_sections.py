"""A module brings a whole portal page as a section: its URL, the layout and the navigation."""

import importlib
import itertools
import re
from importlib import import_module

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import Client
from django.urls import clear_url_caches, reverse

from digitalbilanz.portal import urls as portal_urls
from digitalbilanz.registry.portal import Page, Route, Section, register_section, unregister_section
from digitalbilanz.testing import Factory

calls = itertools.count()


def notes(request, municipality):
    next(calls)
    return Page("testing_app/portal_notes.html", {"note": f"Notizen von {municipality.name}"})


def note_file(request, municipality, name):
    next(calls)
    return HttpResponse(f"{municipality.slug}/{name}", content_type="text/plain")


NOTES = Section(
    "notes",
    "Notizen",
    order=85,
    path="notizen/",
    view=notes,
    routes=(Route("notizen/<slug:name>.txt", note_file, "note_file", cache=False),),
)


def reload_portal_urls():
    """The portal's URL patterns are built from the registry when its URLconf is imported; the
    root URLconf is reloaded too, as its ``include()`` keeps the patterns it has read."""
    importlib.reload(portal_urls)
    importlib.reload(import_module(settings.ROOT_URLCONF))
    clear_url_caches()


@pytest.fixture
def town(db):
    return Factory.municipality(slug="musterstadt", name="Musterstadt")


@pytest.fixture
def with_notes():
    register_section(NOTES)
    reload_portal_urls()
    yield NOTES
    unregister_section(NOTES.key)
    reload_portal_urls()


def navigation(html):
    nav = re.search(r'<nav aria-label="Hauptnavigation">(.*?)</nav>', html, re.S).group(1)
    return re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', nav)


def test_a_sections_page_is_served_below_the_municipality_in_the_portal_layout(town, with_notes):
    response = Client().get("/musterstadt/notizen/")
    html = response.content.decode()
    assert (
        response.status_code == 200
        and reverse("portal:notes", args=["musterstadt"]) == "/musterstadt/notizen/"
    )
    assert '<p class="note">Notizen von Musterstadt</p>' in html
    assert "<title>Notizen – Musterstadt – Digitalbilanz</title>" in html
    assert 'href="/musterstadt/impressum/"' in html  # the portal's footer
    assert "Content-Security-Policy" in response
    assert ("/musterstadt/notizen/", ' aria-current="page"', "Notizen") in navigation(html)


def test_the_section_appears_in_the_navigation_of_every_portal_page_in_its_order(town, with_notes):
    links = navigation(Client().get("/musterstadt/").content.decode())
    titles = [title for _url, _current, title in links]
    assert titles.index("Notizen") == titles.index("Berichte") + 1 == titles.index("Offene Daten") - 1
    assert ("/musterstadt/notizen/", "", "Notizen") in links


def test_a_further_route_of_the_section_gets_the_municipality_and_its_arguments(town, with_notes):
    response = Client().get("/musterstadt/notizen/protokoll.txt")
    assert response.status_code == 200 and response.content == b"musterstadt/protokoll"
    assert (
        reverse("portal:note_file", args=["musterstadt", "protokoll"]) == "/musterstadt/notizen/protokoll.txt"
    )


def test_unknown_municipalities_answer_404_without_calling_the_view(db, with_notes):
    before = next(calls)
    assert Client().get("/gibt-es-nicht/notizen/").status_code == 404
    assert Client().get("/gibt-es-nicht/notizen/protokoll.txt").status_code == 404
    assert next(calls) == before + 1


def test_anonymous_reads_of_the_page_come_from_the_cache_unless_the_route_opts_out(town, with_notes):
    client = Client()
    client.get("/musterstadt/notizen/")  # built once; cached (storing the portal settings is invisible)
    before = next(calls)
    for _ in range(2):
        assert client.get("/musterstadt/notizen/").status_code == 200
        assert client.get("/musterstadt/notizen/protokoll.txt").status_code == 200
    assert next(calls) == before + 1 + 2  # the page comes from the cache, the file is built twice


def test_an_unregistered_section_has_neither_page_nor_navigation_entry(town, with_notes):
    unregister_section(NOTES.key)
    reload_portal_urls()
    assert Client().get("/musterstadt/notizen/").status_code == 404
    titles = [title for _url, _current, title in navigation(Client().get("/musterstadt/").content.decode())]
    assert "Notizen" not in titles and "Berichte" in titles


def test_a_section_may_not_take_a_url_name_of_the_portal(db):
    register_section(Section("imprint", "Impressum doppelt", path="impressum-2/", view=notes))
    try:
        with pytest.raises(ImproperlyConfigured, match="'imprint'"):
            reload_portal_urls()
    finally:
        unregister_section("imprint")
        reload_portal_urls()


def test_a_section_needs_a_url_name_or_a_view():
    with pytest.raises(ValueError):
        Section("leer", "Leer")
