"""The Leverkusen demo's council data: papers, consultation sequence, results, mandates, links."""

import datetime as dt

import pytest

from digitalbilanz.core.choices import Visibility
from digitalbilanz.council.models import AgendaItem, Consultation, Mandate, Paper, PaperLink

pytestmark = pytest.mark.django_db


def test_motion_statement_and_consultation_sequence(demo_town):
    papers = Paper.objects.for_audience(demo_town, "public")
    motion = papers.get(reference="2023/2362", category="motion")
    statement = papers.get(reference="2023/2362", category="statement")
    assert motion.date == dt.date(2023, 8, 2) and statement.date == dt.date(2023, 9, 13)
    assert list(statement.related_papers.all()) == [motion]
    steps = [
        (c.organization.short_name, c.meeting.start.date(), c.authoritative)
        for c in motion.consultations.order_by("order")
    ]
    assert steps == [("FinDA", dt.date(2023, 9, 18), False), ("Rat", dt.date(2023, 9, 25), True)]


def test_status_report_taken_note_of(demo_town):
    item = AgendaItem.objects.for_audience(demo_town, "public").get(
        name__startswith="Sachstand Digitalisierung"
    )
    assert item.result == "zur Kenntnis genommen"
    assert item.meeting.start.date().year == 2021 and item.meeting.start.month == 6


def test_non_public_item_is_council_level(demo_town):
    item = AgendaItem.objects.filter(municipality=demo_town, public=False).get()
    assert item.visibility == Visibility.COUNCIL
    assert not AgendaItem.objects.for_audience(demo_town, "public").filter(pk=item.pk).exists()
    assert AgendaItem.objects.for_audience(demo_town, "council").filter(pk=item.pk).exists()
    assert not Consultation.objects.for_audience(demo_town, "public").filter(agenda_items=item).exists()


def test_point_three_mandate_is_overdue_and_linked(demo_town):
    mandate = Mandate.objects.for_audience(demo_town, "public").get(label="Punkt 3")
    assert mandate.paper.reference == "2023/2362"
    assert "HH-Plan 2024" in mandate.text
    assert mandate.owner.code == "FB 04" and mandate.due_date is not None
    assert mandate.is_overdue(dt.date.today())
    assert [m.code for m in mandate.measures.all()] == ["M-01"]


def test_measures_linked_to_papers(demo_town):
    public = PaperLink.objects.for_audience(demo_town, "public")
    assert set(public.filter(measure__code="M-01").values_list("paper__category", flat=True)) == {
        "motion",
        "statement",
    }
    # The letter of intent is council-level: its link is readable only where the paper is.
    assert not public.filter(role="decision").exists()
    assert PaperLink.objects.for_audience(demo_town, "council").filter(role="decision").count() == 1
