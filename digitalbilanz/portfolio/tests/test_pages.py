"""Every page of the logged-in UI renders for every role that may see it."""

import pytest
from django.test import Client

from digitalbilanz.portfolio.models import (
    Benefit,
    FieldOfAction,
    Line,
    Measure,
    Milestone,
    Strategy,
)


@pytest.fixture
def town(demo_town):
    return demo_town


def _client(username):
    client = Client()
    assert client.login(username=username, password="demo-digitalbilanz")
    return client


def _read_urls(town):
    base = f"/app/{town.slug}"
    measure = Measure.objects.get(municipality=town, code="M-03")
    strategy = Strategy.objects.filter(municipality=town).first()
    return [
        f"{base}/",
        f"{base}/massnahmen/",
        f"{base}/massnahmen/{measure.pk}/",
        f"{base}/massnahmen/{measure.pk}/historie/",
        f"{base}/strategien/",
        f"{base}/strategien/{strategy.pk}/",
        f"{base}/parameter/",
        f"{base}/massnahmen/?status=in_progress&ampel=red&ohne_nutzen=1&q=DMS",
    ]


def _edit_urls(town):
    base = f"/app/{town.slug}"
    m = Measure.objects.get(municipality=town, code="M-03")
    return [
        f"{base}/massnahmen/neu/",
        f"{base}/massnahmen/{m.pk}/bearbeiten/",
        f"{base}/massnahmen/{m.pk}/bewertung/",
        f"{base}/massnahmen/{m.pk}/meilensteine/neu/",
        f"{base}/massnahmen/{m.pk}/meilensteine/{Milestone.objects.filter(measure=m).first().pk}/",
        f"{base}/massnahmen/{m.pk}/zeilen/neu/",
        f"{base}/massnahmen/{m.pk}/zeilen/{Line.objects.filter(measure=m).first().pk}/",
        f"{base}/massnahmen/{m.pk}/nutzen/neu/",
        f"{base}/massnahmen/{m.pk}/nutzen/{Benefit.objects.filter(measure=m).first().pk}/",
        f"{base}/strategien/neu/",
        f"{base}/handlungsfelder/neu/",
        f"{base}/handlungsfelder/{FieldOfAction.objects.filter(municipality=town).first().pk}/",
    ]


@pytest.mark.parametrize("username", ["admin", "redaktion", "rat", "lesen", "fb11"])
def test_read_pages_render(town, username):
    client = _client(username)
    for url in _read_urls(town):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b'lang="de"' in response.content


def test_edit_pages_render_for_the_editor(town):
    client = _client("redaktion")
    for url in _edit_urls(town):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("username", ["rat", "lesen"])
def test_edit_pages_are_hidden_from_readers(town, username):
    client = _client(username)
    for url in _edit_urls(town):
        assert client.get(url).status_code == 404, url


def test_department_editor_edits_own_measure_only(town):
    client = _client("fb11")
    dms = Measure.objects.get(municipality=town, code="M-03")  # led by FB 11
    ozg = Measure.objects.get(municipality=town, code="M-04")  # led by FB 04
    assert client.get(f"/app/leverkusen/massnahmen/{dms.pk}/bearbeiten/").status_code == 200
    assert client.get(f"/app/leverkusen/massnahmen/{ozg.pk}/bearbeiten/").status_code == 404
    assert client.get("/app/leverkusen/strategien/neu/").status_code == 404


def test_council_member_sees_council_measure_but_not_internal_one(town):
    body = _client("rat").get("/app/leverkusen/massnahmen/").content.decode()
    assert "Informationssicherheitsmanagement" in body
    assert "Doppellizenzen" not in body


def test_creating_a_measure_through_the_form(town):
    client = _client("redaktion")
    response = client.post(
        "/app/leverkusen/massnahmen/neu/",
        {
            "code": "M-99",
            "title": "E-Rechnung",
            "status": "planned",
            "visibility": "internal",
        },
    )
    assert response.status_code == 302
    measure = Measure.objects.get(municipality=town, code="M-99")
    assert measure.history.first().history_user.username == "redaktion"


def test_duplicate_measure_number_is_rejected(town):
    client = _client("redaktion")
    count = Measure.objects.count()
    response = client.post(
        "/app/leverkusen/massnahmen/neu/",
        {
            "code": "M-03",
            "title": "Doppelt",
            "status": "planned",
            "visibility": "internal",
        },
    )
    assert response.status_code == 400
    assert "bereits vergeben" in response.content.decode()
    assert Measure.objects.count() == count


def test_unknown_municipality_is_404(town):
    assert _client("admin").get("/app/gibtsnicht/").status_code == 404


def test_visitors_start_page_links_the_public_portals(town):
    response = Client().get("/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'href="/leverkusen/"' in body
    assert "/anmelden/" in body


def test_measure_lists_never_run_the_monte_carlo(town, monkeypatch):
    from digitalbilanz import economics

    def refuse(*args, **kwargs):
        raise AssertionError("a list ran the Monte Carlo")

    monkeypatch.setattr(economics, "monte_carlo", refuse)
    assert _client("admin").get(f"/app/{town.slug}/massnahmen/").status_code == 200
    assert Client().get(f"/{town.slug}/massnahmen/").status_code == 200
    with pytest.raises(AssertionError, match="ran the Monte Carlo"):
        _client("admin").get(f"/app/{town.slug}/")  # the dashboard shows the range: it runs it
