"""`digitalbilanz appraise`: text and JSON output for one measure or the whole portfolio."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from digitalbilanz.testing import Factory


@pytest.fixture
def town(db):
    municipality = Factory.municipality()
    saving = Factory.measure(municipality, code="M-01", title="Spart Geld")
    Factory.line(saving, year=2024, kind="cost", amount="1000")
    Factory.line(saving, year=2025, kind="benefit", amount="5000")
    Factory.measure(municipality, code="M-02", title="Ohne Zahlen")
    return municipality


def _appraise(*args):
    out = StringIO()
    call_command("appraise", *args, stdout=out)
    return out.getvalue()


def test_portfolio_json_lists_every_measure_and_the_totals(town):
    data = json.loads(_appraise("--municipality", town.slug, "--draws", "50", "--json"))
    by_code = {m["code"]: m for m in data["measures"]}
    assert set(by_code) == {"M-01", "M-02"}
    assert by_code["M-01"]["npv_kn"] > 3000
    assert by_code["M-02"]["npv_kn"] is None and by_code["M-02"]["payback_year"] is None
    assert data["portfolio"]["npv_kn"] == pytest.approx(by_code["M-01"]["npv_kn"])


def test_one_measure_as_json_and_the_portfolio_as_text(town):
    one = json.loads(_appraise("--municipality", town.slug, "--measure", "M-01", "--json"))
    assert one["npv_kn"] > 3000 and one["method"]
    text = _appraise("--municipality", town.slug, "--draws", "50")
    assert "M-01" in text and "Portfolio KN" in text
