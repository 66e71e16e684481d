"""The council chapter in the report: decisions and mandates, overdue ones as open problems,
council-level mandates only in council editions."""

import pytest

from digitalbilanz.council.models import Mandate
from digitalbilanz.reports import service

pytestmark = pytest.mark.django_db


def test_overdue_mandate_is_an_open_problem(demo_town):
    snapshot = service.create_draft(demo_town, "2024-H1", "public").snapshot
    section = snapshot["sections"]["council"]
    labels = {m["label"] for m in section["mandates"]}
    assert {"Punkt 1", "Punkt 2", "Punkt 3"} <= labels
    point3 = Mandate.objects.get(municipality=demo_town, label="Punkt 3")
    problems = [p for p in snapshot["problems"] if p.get("kind") == "overdue_mandate"]
    assert [p["ref"] for p in problems] == [str(point3.pk)]
    assert "30.11.2023" in problems[0]["text"]


def test_council_level_mandate_only_in_council_edition(demo_town):
    secret = Mandate.objects.get(municipality=demo_town, visibility="council")
    public = service.create_draft(demo_town, "2024-H1", "public").snapshot["sections"]["council"]
    council = service.create_draft(demo_town, "2024-H1", "council").snapshot["sections"]["council"]
    assert secret.pk not in {m["id"] for m in public["mandates"]}
    assert secret.pk in {m["id"] for m in council["mandates"]}


def test_links_between_measures_and_papers_are_in_the_report_for_their_audience(demo_town):
    public = service.create_draft(demo_town, "2024-H1", "public").snapshot["sections"]["council"]
    council = service.create_draft(demo_town, "2024-H1", "council").snapshot["sections"]["council"]
    public_links = {(x["measure"], x["paper"], x["role"]) for x in public["links"]}
    assert ("M-01", "2023/2362", "Grundlage") in public_links
    assert not any(x["paper_name"].startswith("Absichtserklärung") for x in public["links"])
    assert any(x["paper_name"].startswith("Absichtserklärung") for x in council["links"])
    point3 = next(m for m in public["mandates"] if m["label"] == "Punkt 3")
    assert point3["measures"] == ["M-01"]


def test_a_mandate_never_names_a_measure_its_reader_may_not_see(demo_town):
    from digitalbilanz.portfolio.models import Measure

    internal = Measure.objects.filter(municipality=demo_town, visibility="internal").first()
    point3 = Mandate.objects.get(municipality=demo_town, label="Punkt 3")
    point3.measures.add(internal)
    public = service.create_draft(demo_town, "2024-H1", "public").snapshot["sections"]["council"]
    names = next(m for m in public["mandates"] if m["label"] == "Punkt 3")["measures"]
    assert internal.code not in names and names == ["M-01"]
