"""Hostile input to pages and forms: a German page with the right status, never 500."""

import pytest
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.portfolio.models import Measure
from digitalbilanz.testing import Factory


@pytest.fixture
def editor(db):
    town = Factory.municipality(slug="musterstadt")
    client = Client(raise_request_exception=False)
    client.force_login(Factory.user(town, Role.ADMIN))
    return town, client


@pytest.mark.parametrize("megabytes", [5, 30])
def test_an_oversized_form_is_refused_with_413_in_german(editor, megabytes):
    _town, client = editor
    body = "code=M-1&title=" + "x" * megabytes * 1_000_000
    response = client.post(
        "/app/musterstadt/massnahmen/neu/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert "Inhalt zu groß" in response.content.decode() and "nichts gespeichert" in response.content.decode()
    assert not Measure.objects.exists()


def test_an_oversized_body_below_the_api_answers_in_its_error_shape(db):
    response = Client(raise_request_exception=False).post(
        "/api/v1/", "x" * 3_000_000, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (405, 413)
    assert response.json()["error"]["code"] in ("method_not_allowed", "too_large")


def test_too_many_fields_are_refused_with_400(editor):
    _town, client = editor
    body = "&".join(f"f{n}=1" for n in range(1500))
    response = client.post(
        "/app/musterstadt/massnahmen/neu/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400 and "zu viele Felder" in response.content.decode()


@pytest.mark.parametrize("path", ["/app/musterstadt/massnahmen/?q=a%00b", "/musterstadt/?x%00=1"])
def test_a_nul_character_in_the_query_string_is_refused_with_400(editor, path):
    _town, client = editor
    response = client.get(path)
    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()


def test_a_nul_character_in_a_form_field_is_a_form_error(editor):
    _town, client = editor
    data = {"code": "M-1", "title": "a\x00b", "status": "planned", "visibility": "public"}
    response = client.post("/app/musterstadt/massnahmen/neu/", data)
    assert response.status_code == 400 and "Nullzeichen sind nicht erlaubt." in response.content.decode()
    assert not Measure.objects.exists()


def test_an_id_beyond_any_database_is_no_valid_choice_in_a_form(editor):
    _town, client = editor
    data = {
        "code": "M-1",
        "title": "Neu",
        "status": "planned",
        "visibility": "public",
        "fields_of_action": ["1" + "0" * 25],
        "lead_department": "9" * 30,
    }
    response = client.post("/app/musterstadt/massnahmen/neu/", data)
    assert response.status_code == 400  # the form again, with its errors
    # each of the two fields: once beside the field, once in the error summary
    assert response.content.decode().count("Keine gültige Auswahl.") == 4
    assert not Measure.objects.exists()
