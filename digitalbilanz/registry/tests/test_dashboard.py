"""Dashboard panels: registered panels render in order, may stay away, and share one summary."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from digitalbilanz.core.choices import Role
from digitalbilanz.registry.dashboard import Panel, register_panel, unregister_panel
from digitalbilanz.testing import Factory


@pytest.fixture
def town(db):
    return Factory.municipality(slug="musterstadt")


@pytest.fixture
def panel_template(settings, tmp_path):
    (tmp_path / "test_panel.html").write_text(
        '<section id="{{ key }}"><h2>Arbeitsplätze</h2><p>{{ municipality.name }}: {{ count }}</p></section>'
    )
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [dict(engine, DIRS=[*engine["DIRS"], tmp_path])]
    return "test_panel.html"


@pytest.fixture
def panels(panel_template):
    added = []

    def add(key, order, context, width="full"):
        added.append(register_panel(Panel(key, panel_template, context, order, width)))

    yield add
    for panel in added:
        unregister_panel(panel.key)


def _dashboard(town, role=Role.READER):
    client = Client()
    client.force_login(Factory.user(town, role))
    response = client.get("/app/musterstadt/")
    assert response.status_code == 200
    return response.content.decode()


def _order(html):
    return re.findall(r'<section (?:aria-labelledby|id)="([^"]+)"', html)


def test_the_portfolio_and_budget_panels_render_in_their_order(town):
    expected = ["kennzahlen", "status", "budget", "ohne-nutzen", "nutzenreg", "verzug"]
    assert _order(_dashboard(town)) == expected


def test_a_registered_panel_appears_at_its_place_with_its_context(town, panels):
    panels("workplaces", 55, lambda dashboard: {"key": "workplaces", "count": 42})
    html = _dashboard(town)
    assert _order(html) == [
        "kennzahlen",
        "status",
        "budget",
        "ohne-nutzen",
        "workplaces",
        "nutzenreg",
        "verzug",
    ]
    assert f"<p>{town.name}: 42</p>" in html


def test_a_panel_without_content_is_left_out(town, panels):
    panels("empty", 15, lambda dashboard: None)
    assert "empty" not in _order(_dashboard(town))


def test_two_half_panels_in_a_row_stand_side_by_side(town, panels):
    panels("aa_half", 35, lambda dashboard: {"key": "aa_half", "count": 1}, "half")
    html = _dashboard(town)
    rows = re.findall(r'<div class="two">(.*?)</div>\s*(?=<section|$)', html, re.S)
    assert [_order(row) for row in rows] == [["status", "aa_half"]]
    assert "budget" in _order(html)  # the third half panel stands alone


def test_panels_share_one_computation_per_page(town, panels):
    calls = []

    def counted(dashboard):
        return {"key": dashboard.once("test.count", lambda: calls.append(1) or len(calls)), "count": 0}

    panels("one", 91, counted)
    panels("two", 92, counted)
    _dashboard(town)
    assert calls == [1]


def _grow(town, count):
    unit = Factory.unit(town)
    for _ in range(count):
        measure = Factory.measure(town, lead_department=unit)
        Factory.line(measure, year=2024)
        Factory.line(measure, year=2025, kind="benefit")
        Factory.milestone(measure)


def _queries(client):
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/app/musterstadt/").status_code == 200
    return len(ctx)


def test_dashboard_query_count_does_not_grow_with_the_number_of_measures(town):
    client = Client()
    client.force_login(Factory.user(town, Role.ADMIN))
    _grow(town, 3)
    client.get("/app/musterstadt/")
    small = _queries(client)
    _grow(town, 20)
    assert _queries(client) == small
    # 22 reads (session, user, municipality, membership and its units, parameters, the measures
    # with 6 prefetches, one or two per panel reading its own data — council: overdue mandates),
    # the session's save and the request's savepoint: counted on 2026-12-01, 27.
    assert small <= 27
