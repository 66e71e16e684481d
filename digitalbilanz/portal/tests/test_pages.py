"""Every portal page renders for anonymous visitors; bad input gives 404/400, never 500."""

import re

import pytest
from django.test import Client

from digitalbilanz.core.choices import Visibility
from digitalbilanz.portfolio.models import FieldOfAction, Measure


def portal_urls(town):
    base = f"/{town.slug}"
    measure = Measure.objects.filter(municipality=town, visibility=Visibility.PUBLIC).first()
    return [
        f"{base}/",
        f"{base}/strategie/",
        f"{base}/massnahmen/",
        f"{base}/massnahmen/?q=Akte",
        f"{base}/massnahmen/?status=in_progress",
        f"{base}/massnahmen/{measure.pk}/",
        f"{base}/massnahmen/{measure.pk}/aenderungen/",
        f"{base}/haushalt/",
        f"{base}/arbeitsplaetze/",
        f"{base}/vertraege/",
        f"{base}/finanzen/",
        f"{base}/kennzahlen/",
        f"{base}/online-dienste/",
        f"{base}/berichte/",
        f"{base}/quellen/",
        f"{base}/steuerung/",
        f"{base}/daten/",
        f"{base}/daten/spalten/",
        f"{base}/barrierefreiheit/",
        f"{base}/barrierefreiheit/rueckmeldung/",
        f"{base}/leichte-sprache/",
        f"{base}/gebaerdensprache/",
        f"{base}/impressum/",
        f"{base}/datenschutz/",
    ]


def test_every_portal_page_renders_without_login(town):
    client = Client()
    for url in portal_urls(town):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b'lang="de"' in response.content and b'href="#inhalt"' in response.content, url


def test_it_returns_404_for_unknown_municipality_and_non_public_measure(town):
    client = Client()
    hidden = Measure.objects.filter(municipality=town).exclude(visibility=Visibility.PUBLIC).first()
    assert client.get("/gibt-es-nicht/").status_code == 404
    assert client.get("/leverkusen/massnahmen/999999/").status_code == 404
    assert client.get(f"/leverkusen/massnahmen/{hidden.pk}/").status_code == 404
    assert client.get(f"/leverkusen/massnahmen/{hidden.pk}/aenderungen/").status_code == 404
    assert client.get("/leverkusen/daten/unbekannt.csv").status_code == 404
    assert client.get("/leverkusen/daten/measures.pdf").status_code == 404


def test_malformed_filters_give_a_clear_400_page(town):
    client = Client()
    for query in ("status=foo", "handlungsfeld=abc", "fb=999999", "seite=-1"):
        response = client.get(f"/leverkusen/massnahmen/?{query}")
        assert response.status_code == 400, query
        assert "ungültige Werte" in response.content.decode()


def test_search_finds_measures_by_word_prefix(town):
    html = Client().get("/leverkusen/massnahmen/?q=Dokumentenmanage").content.decode()
    assert "Dokumentenmanagement" in html or "DMS" in html
    empty = Client().get("/leverkusen/massnahmen/?q=Quxwelt").content.decode()
    assert "Keine Maßnahmen gefunden" in empty


def test_filter_by_field_of_action_lists_only_its_measures(town):
    field = FieldOfAction.objects.filter(municipality=town, visibility=Visibility.PUBLIC).first()
    html = Client().get(f"/leverkusen/massnahmen/?handlungsfeld={field.pk}").content.decode()
    expected = Measure.objects.for_audience(town, "public").filter(fields_of_action=field)
    for measure in expected:
        assert measure.title in html


@pytest.mark.parametrize("path", ["/leverkusen/", "/leverkusen/massnahmen/", "/api/v1/docs/"])
def test_pages_send_a_strict_csp_and_load_nothing_from_third_parties(town, path):
    response = Client().get(path)
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    html = response.content.decode()
    assert "<script" not in html
    for attr in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not attr.startswith(("http://", "https://", "//")) or _allowed_link(attr), attr


def _allowed_link(url):
    # Plain links to the municipality's site or the licence are navigation, not loaded resources.
    return url.startswith(("https://www.leverkusen.de", "http://dcat-ap.de/", "http://testserver/"))


def test_portal_settings_are_created_with_defaults_and_demo_values(town):
    html = Client().get("/leverkusen/barrierefreiheit/").content.decode()
    assert "barrierefreiheit@stadt.leverkusen.de" in html
    assert "Ombudsstelle" in html
