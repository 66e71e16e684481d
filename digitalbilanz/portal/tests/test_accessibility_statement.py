"""The accessibility statement as data: the state's law and enforcement body, the editable list
of known barriers prefilled from the product, scope, method, review date, the feedback form, and
the pages in Leichte Sprache and Deutsche Gebärdensprache linked from every public page."""

import datetime as dt
import re

import pytest
from django.test import Client

from digitalbilanz.portal.accessibility import PRODUCT_BARRIERS, legal_basis
from digitalbilanz.portal.defaults import ensure_portal_settings
from digitalbilanz.portal.models import AccessibilityFeedback, KnownBarrier
from digitalbilanz.testing import Factory


def _statement(town):
    response = Client().get(f"/{town.slug}/barrierefreiheit/")
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_an_nrw_municipality_names_the_state_law_and_the_ombudsstelle_with_contact_and_procedure(db):
    town = Factory.municipality(state="Nordrhein-Westfalen")
    html = _statement(town)
    assert "BGG NRW" in html and "BITV NRW" in html
    assert "BITV 2.0" not in html
    assert "Ombudsstelle für barrierefreie Informationstechnik" in html
    assert 'href="https://www.lbbp.nrw.de/ombudsstelle"' in html
    assert 'href="mailto:ombudsstelle-barrierefreie-it@mags.nrw.de"' in html
    assert "Ombudsverfahren beantragen" in html


def test_other_states_and_federal_bodies_come_from_the_table(db):
    assert "BayBGG" in _statement(Factory.municipality(state="Bayern"))
    federal = _statement(Factory.municipality(state=""))
    assert "Schlichtungsstelle nach § 16 BGG" in federal and "030 18 527-2805" in federal
    for state in ("Sachsen", "Hessen", "Berlin", "Thüringen"):
        assert legal_basis(state) is not legal_basis("")


def test_the_settings_override_the_body_of_the_table(db):
    town = Factory.municipality(state="Hessen")
    settings = ensure_portal_settings(town)
    settings.enforcement_body = "Durchsetzungsstelle Musterstadt, Hauptstraße 1"
    settings.save()
    assert "Durchsetzungsstelle Musterstadt" in _statement(town)


def test_known_barriers_are_prefilled_once_and_can_be_edited(db):
    town = Factory.municipality(state="Nordrhein-Westfalen")
    html = _statement(town)
    for barrier in PRODUCT_BARRIERS:
        assert barrier["title"] in html
    assert KnownBarrier.objects.filter(municipality=town).count() == len(PRODUCT_BARRIERS)
    KnownBarrier.objects.filter(municipality=town, title="Diagramme").delete()
    KnownBarrier.objects.create(
        municipality=town, area="portal", title="Stadtplan", description="Karte ohne Textalternative"
    )
    html = _statement(town)
    assert "Stadtplan" in html and "WCAG-Kriterium 1.1.1" not in html.split("Stadtplan")[0][-300:]
    assert ">Diagramme<" not in html
    assert KnownBarrier.objects.filter(municipality=town).count() == len(PRODUCT_BARRIERS)


def test_scope_method_and_review_date_are_stated(db):
    town = Factory.municipality(state="Nordrhein-Westfalen")
    settings = ensure_portal_settings(town)
    settings.reviewed_on = dt.date(2026, 11, 30)
    settings.save()
    html = _statement(town)
    assert "Zuletzt überprüft am" in html and "30.11.2026" in html
    assert f"/app/{town.slug}/" in html and "PDF" in html
    assert "Selbstbewertung" in html


def test_feedback_is_stored_and_never_shown_publicly(db):
    town = Factory.municipality(state="Nordrhein-Westfalen")
    client = Client(enforce_csrf_checks=False)
    url = f"/{town.slug}/barrierefreiheit/rueckmeldung/"
    response = client.post(url, {"message": "GEHEIM-RUECKMELDUNG Tabelle unlesbar", "page": "/x/"})
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.get(municipality=town).page == "/x/"
    assert "Vielen Dank" in client.get(response["Location"]).content.decode()
    for page in ("", "barrierefreiheit/", "leichte-sprache/", "daten/"):
        assert "GEHEIM-RUECKMELDUNG" not in client.get(f"/{town.slug}/{page}").content.decode()


def test_an_empty_feedback_is_refused_with_a_linked_error(db):
    town = Factory.municipality()
    response = Client().post(f"/{town.slug}/barrierefreiheit/rueckmeldung/", {"message": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_message"' in html and 'id="id_message_error"' in html
    assert re.search(r"<title>Fehler: ", html)
    assert not AccessibilityFeedback.objects.exists()


@pytest.mark.parametrize("path", ["leichte-sprache/", "gebaerdensprache/"])
def test_easy_language_and_sign_language_pages_are_linked_from_every_public_page(db, path):
    from digitalbilanz.demo import leverkusen
    from digitalbilanz.portal.tests.test_pages import portal_urls

    town = leverkusen.load()[0]
    client = Client()
    assert client.get(f"/{town.slug}/{path}").status_code == 200
    for url in portal_urls(town):
        assert f'href="/{town.slug}/{path}"' in client.get(url).content.decode(), url


def test_the_sign_language_page_offers_the_video_once_it_is_set(db):
    town = Factory.municipality()
    html = Client().get(f"/{town.slug}/gebaerdensprache/").content.decode()
    assert "in Vorbereitung" in html
    settings = ensure_portal_settings(town)
    settings.dgs_video_url = "https://www.example.org/dgs.mp4"
    settings.save()
    assert (
        'href="https://www.example.org/dgs.mp4"'
        in Client().get(f"/{town.slug}/gebaerdensprache/").content.decode()
    )
