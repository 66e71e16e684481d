"""A record that cannot be appraised is flagged with its reason; every other figure still shows.

The inconsistent line is written past the forms (``update()``), as an old import or a changed
appraisal horizon would leave it: before, the dashboard, both measure pages and the report
answered 500 because the Monte Carlo simulation raised on it.
"""

import csv
import io

import pytest
from django.test import Client

from digitalbilanz.portfolio.models import Line
from digitalbilanz.reports import service
from digitalbilanz.testing import Factory

REASON = "Das Jahr 2090 liegt außerhalb des Betrachtungszeitraums"


@pytest.fixture
def town(db):
    town = Factory.municipality()
    good = Factory.measure(town, code="M-GUT", title="Bewertbar")
    Factory.line(good, amount="1000")
    Factory.line(good, year=2025, kind="benefit", amount="4000", budget_relevant=True)
    bad = Factory.measure(town, code="M-ALT", title="Altimport")
    Factory.line(bad, amount="777000")
    Line.objects.filter(measure=bad).update(year=2090)
    return town


def _editor(town):
    client = Client()
    client.force_login(Factory.user(town, "admin"))
    return client


def test_dashboard_flags_the_measure_and_still_shows_the_totals(town):
    response = _editor(town).get(f"/app/{town.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "in den folgenden Summen nicht enthalten" in html
    assert "Altimport" in html and REASON in html
    assert "1.000" in html  # the appraisable measure's investment
    assert "777.000" not in html  # the flagged measure is left out of the totals


def test_app_measure_page_names_the_reason(town):
    from digitalbilanz.portfolio.models import Measure

    bad = Measure.objects.get(municipality=town, code="M-ALT")
    response = _editor(town).get(f"/app/{town.slug}/massnahmen/{bad.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "kann nicht bewertet werden" in html and REASON in html


def test_portal_measure_page_and_overview_name_the_reason(town):
    from digitalbilanz.portfolio.models import Measure

    bad = Measure.objects.get(municipality=town, code="M-ALT")
    page = Client().get(f"/{town.slug}/massnahmen/{bad.pk}/")
    assert page.status_code == 200
    assert REASON in page.content.decode()
    overview = Client().get(f"/{town.slug}/")
    assert overview.status_code == 200
    html = overview.content.decode()
    assert "in den Summen nicht enthalten" in html and "Altimport" in html


def test_open_data_figures_leave_the_flagged_measure_empty_with_its_reason(town):
    response = Client().get(f"/{town.slug}/daten/figures.csv")
    assert response.status_code == 200
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(response.content.decode()))}
    assert rows["M-ALT"]["investment"] == "" and rows["M-ALT"]["npv_kn"] == ""
    assert REASON in rows["M-ALT"]["problem"]
    assert float(rows["M-GUT"]["investment"]) == 1000 and rows["M-GUT"]["problem"] == ""


def test_report_lists_the_measure_as_open_problem_and_leaves_it_out_of_the_totals(town):
    edition = service.create_draft(town, "2024-H2", "public")
    problems = [p for p in edition.snapshot["problems"] if p["kind"] == "economics"]
    assert len(problems) == 1 and REASON in problems[0]["text"]
    assert "in den Summen nicht enthalten" in problems[0]["text"]
    totals = edition.snapshot["sections"]["portfolio"]["totals"]
    assert totals["investment"] == 1000 and totals["excluded"] == ["M-ALT"]
    html = service.render_edition(edition, "html").decode()
    assert "Nicht in diesen Summen enthalten" in html and "M-ALT" in html
