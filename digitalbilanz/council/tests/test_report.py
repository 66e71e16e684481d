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
