"""Editions frozen in an older snapshot schema still render and still serve as "previous".

``assets/editions_schema1.json`` holds two public editions (2024-H1, 2024-H2) of a small
municipality as the first report version stored them (schema 1): the portfolio's data at the top
level and the changes as one dict of lists. Between them a milestone slipped by 91 days with a
logged reason and measure M-3 was added; M-1 has costs without a benefit statement (confirmed).
"""

import json
from pathlib import Path

import pytest

from digitalbilanz.reports.changes import compare, entries_of
from digitalbilanz.reports.snapshot import SCHEMA, upgrade
from digitalbilanz.reports.tests.test_editions import texts

ASSETS = Path(__file__).parent / "assets"


@pytest.fixture
def frozen():
    editions = json.loads((ASSETS / "editions_schema1.json").read_text(encoding="utf-8"))
    assert editions["second"]["schema"] == 1
    return editions


def test_schema_1_edition_renders_its_changes_problems_and_budget_in_every_format(frozen):
    for fmt, text in texts(frozen["second"]).items():
        text = " ".join(text.split())
        assert "Neue Maßnahme Drei" in text, fmt
        assert "Einspruch im Vergabeverfahren" in text, fmt
        assert "Offene Punkte" in text, fmt
        assert ("1500000" if fmt == "xlsx" else "1,5 Mio. €") in text, fmt
    assert "Verglichen wird mit der Ausgabe 1. Halbjahr 2024" in texts(frozen["second"])["html"]


def test_upgrade_moves_portfolio_budget_and_problems_into_sections(frozen):
    snapshot = upgrade(frozen["second"])
    assert snapshot["schema"] == SCHEMA and "measures" not in snapshot
    portfolio = snapshot["sections"]["portfolio"]
    assert [m["code"] for m in portfolio["measures"]] == ["M-1", "M-2", "M-3"]
    assert portfolio["totals"] == frozen["second"]["portfolio"]
    assert snapshot["sections"]["budget"] == frozen["second"]["budget"]
    [problem] = snapshot["confirmed_problems"]
    assert (problem["section"], problem["ref"], problem["kind"]) == ("portfolio", "M-1", "no_benefit")
    assert upgrade(snapshot) is snapshot


def test_schema_1_edition_is_compared_through_the_chapter_hooks(frozen):
    changes = compare(frozen["first"], frozen["second"])
    [slip] = entries_of(changes, "portfolio", "milestones")
    assert slip["data"]["shift_days"] == 91 and slip["data"]["reasons"] == ["Einspruch im Vergabeverfahren"]
    assert slip["text"].startswith("M-1: Meilenstein „Ausschreibung“ verschoben")
    assert [e["ref"] for e in entries_of(changes, "portfolio", "new_measures")] == ["M-3"]
    assert changes["previous"]["period"] == "2024-H1"
