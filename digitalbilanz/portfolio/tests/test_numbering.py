"""Public numbering: what an audience sees has no gap that would reveal a hidden measure."""

import csv
import io
import re

import pytest
from django.test import Client

from digitalbilanz.core.choices import Visibility
from digitalbilanz.portfolio.forms import MeasureForm
from digitalbilanz.portfolio.models import Measure
from digitalbilanz.portfolio.numbering import audience_gaps, gaps
from digitalbilanz.reports import service
from digitalbilanz.testing import Factory

PUBLIC, COUNCIL, INTERNAL = Visibility.PUBLIC, Visibility.COUNCIL, Visibility.INTERNAL


def test_gaps_per_prefix_with_the_width_of_the_numbers():
    assert gaps(["M-01", "M-02", "M-05", "X-1", "X-3", "frei", ""]) == ["M-03", "M-04", "X-2"]
    assert gaps(["M-01", "M-02"]) == []


@pytest.fixture
def town(db):
    town = Factory.municipality(slug="stadt")
    for number, level in enumerate((PUBLIC, PUBLIC, COUNCIL, INTERNAL), start=1):
        Factory.measure(town, visibility=level, code=f"M-{number:02d}")
    return town


def form(town, instance=None, **changes):
    values = {"code": "M-05", "title": "Neu", "status": "planned", "visibility": PUBLIC, "change_reason": "x"}
    if instance is not None:
        values.update(code=instance.code, title=instance.title, status=instance.status)
        values.update(visibility=instance.visibility, lock_version=instance.lock_version)
    values.update(changes)
    return MeasureForm(values, instance=instance, municipality=town)


def test_a_public_number_after_hidden_ones_is_refused(town):
    refused = form(town, code="M-05", visibility=PUBLIC)
    assert not refused.is_valid()
    assert "Die öffentliche Nummerierung hätte eine Lücke bei M-03, M-04;" in refused.errors["code"][0]
    assert form(town, code="M-05", visibility=INTERNAL).is_valid()


def test_hiding_a_measure_from_the_middle_needs_an_explicit_confirmation(town):
    first = Measure.objects.get(municipality=town, code="M-01")
    hidden = form(town, first, visibility=COUNCIL)
    assert not hidden.is_valid() and "Lücke bei M-01;" in hidden.errors["code"][0]
    assert form(town, first, visibility=COUNCIL, accept_gap="on").is_valid()
    # publishing the council measure M-03 closes the sequence: allowed
    third = Measure.objects.get(municipality=town, code="M-03")
    assert form(town, third, visibility=PUBLIC).is_valid()


def test_demo_public_and_council_numbering_has_no_gaps_anywhere(demo_town):
    assert audience_gaps(demo_town, "public") == []
    assert audience_gaps(demo_town, "council") == []
    client = Client()
    listed = re.findall(r"\bM-\d\d\b", client.get("/leverkusen/massnahmen/").content.decode())
    assert listed and gaps(listed) == []
    rows = list(csv.DictReader(io.StringIO(client.get("/leverkusen/daten/measures.csv").content.decode())))
    assert gaps([r["code"] for r in rows]) == [] and len(rows) == len(set(listed))
    api = client.get("/api/v1/leverkusen/measures/").json()["results"]
    assert gaps([r["code"] for r in api]) == []
    edition = service.create_draft(demo_town, "2024-H1", "public")
    codes = [m["code"] for m in edition.snapshot["sections"]["portfolio"]["measures"]]
    assert codes == [f"M-{n:02d}" for n in range(1, len(codes) + 1)]
