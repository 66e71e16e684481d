"""Error pages are German and keep the layout of the area; the API keeps its JSON error shape."""

import copy

import pytest
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.testing import Factory

LANDMARK = '<main id="inhalt"'
PORTAL_BODY = '<body class="portal">'


@pytest.fixture(autouse=True)
def _production_errors(settings):
    settings.DEBUG = False  # Django shows its technical pages instead when DEBUG is on


@pytest.fixture
def town(db):
    return Factory.municipality(name="Musterstadt")


def _text(response):
    return response.content.decode()


def test_unknown_portal_page_is_a_german_404_in_the_portal_layout(town):
    response = Client().get(f"/{town.slug}/gibt-es-nicht/")
    html = _text(response)
    assert response.status_code == 404
    assert "Seite nicht gefunden" in html
    assert LANDMARK in html and PORTAL_BODY in html
    assert f'href="/{town.slug}/"' in html and "Musterstadt" in html


def test_unknown_measure_in_the_portal_is_a_404_in_the_portal_layout(town):
    response = Client().get(f"/{town.slug}/massnahmen/999999/")
    assert response.status_code == 404
    assert PORTAL_BODY in _text(response) and "Seite nicht gefunden" in _text(response)


def test_unknown_municipality_is_a_404_in_the_site_layout(db):
    response = Client().get("/gibt-es-nicht/")
    html = _text(response)
    assert response.status_code == 404
    assert "Seite nicht gefunden" in html and LANDMARK in html
    assert PORTAL_BODY not in html
    assert 'href="/"' in html


def test_app_404_for_an_outsider_does_not_reveal_the_municipality(town):
    client = Client()
    client.force_login(Factory.user(Factory.municipality(), Role.ADMIN))
    response = client.get(f"/app/{town.slug}/")
    html = _text(response)
    assert response.status_code == 404
    assert "Seite nicht gefunden" in html and LANDMARK in html
    assert "Musterstadt" not in html and PORTAL_BODY not in html


@pytest.mark.parametrize("path", ["/api/", "/api/v2/massnahmen/", "/api/v1/gibt/es/nicht/"])
def test_a_404_under_api_answers_in_the_api_error_shape(db, path):
    response = Client().get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.urls("digitalbilanz.tests.failing_urls")
def test_forbidden_is_a_german_403_in_the_layout_of_the_area(town):
    app = Client().get(f"/app/{town.slug}/verboten/")
    assert app.status_code == 403
    assert "Zugriff nicht erlaubt" in _text(app) and LANDMARK in _text(app)
    assert PORTAL_BODY not in _text(app)
    portal = Client().get(f"/{town.slug}/verboten/")
    assert portal.status_code == 403
    assert "Zugriff nicht erlaubt" in _text(portal) and PORTAL_BODY in _text(portal)


def test_a_form_without_csrf_token_gets_a_plain_language_403(db):
    response = Client(enforce_csrf_checks=True).post("/anmelden/", {"username": "x", "password": "y"})
    html = _text(response)
    assert response.status_code == 403
    assert "Das Formular konnte nicht gesendet werden" in html
    assert "Ihre Eingaben wurden nicht gespeichert" in html
    assert LANDMARK in html


def test_csrf_failure_on_a_portal_address_keeps_the_portal_layout(town):
    response = Client(enforce_csrf_checks=True).post(f"/{town.slug}/")
    assert response.status_code == 403
    assert PORTAL_BODY in _text(response) and "Das Formular konnte nicht gesendet werden" in _text(response)


# No `db` fixture below: any database access during the request would raise.


@pytest.mark.urls("digitalbilanz.tests.failing_urls")
@pytest.mark.parametrize("path", ["/app/musterstadt/kaputt/", "/musterstadt/kaputt/"])
def test_server_error_is_a_german_500_in_the_site_layout_without_database(path):
    response = Client(raise_request_exception=False).get(path)
    html = _text(response)
    assert response.status_code == 500
    assert "Ein Fehler ist aufgetreten" in html and "nichts davon gespeichert" in html
    assert LANDMARK in html and 'class="brand"' in html


@pytest.mark.urls("digitalbilanz.tests.failing_urls")
def test_server_error_page_does_not_use_context_processors(settings):
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["context_processors"].append(
        "digitalbilanz.tests.failing_urls.broken_context_processor"
    )
    settings.TEMPLATES = templates
    response = Client(raise_request_exception=False).get("/app/musterstadt/kaputt/")
    assert response.status_code == 500
    assert LANDMARK in _text(response) and "Ein Fehler ist aufgetreten" in _text(response)


@pytest.mark.urls("digitalbilanz.tests.failing_urls")
def test_server_error_under_api_answers_in_the_api_error_shape():
    response = Client(raise_request_exception=False).get("/api/kaputt/")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error"
