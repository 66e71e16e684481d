"""Reads of council data for one set of visibility levels: the app's pages (the reader's levels),
the portal (public), the measure panels, chapters and tables all use these."""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from .models import AgendaItem, Consultation, Mandate, Meeting, Paper, PaperFile, PaperLink
from .rules import is_deciding, is_overdue


def papers(municipality, levels):
    """Readable, not deleted papers of ``municipality``."""
    return Paper.objects.for_municipality(municipality).with_levels(levels).filter(deleted=False)


def search_papers(municipality, levels, *, query: str = "", category: str = ""):
    rows = papers(municipality, levels)
    if category:
        rows = rows.filter(category=category)
    if query:
        rows = rows.filter(Q(reference__icontains=query) | Q(name__icontains=query))
    return rows


def mandates(municipality, levels):
    return (
        Mandate.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("owner", "paper", "agenda_item__meeting")
    )


@dataclass
class Step:
    """One step of a paper's consultation sequence as a reader may see it."""

    consultation: Consultation
    meeting: Meeting | None
    deciding: bool | None
    items: list = field(default_factory=list)


@dataclass
class PaperView:
    paper: Paper
    steps: list
    related: list
    files: list
    links: list
    mandates: list


def paper_view(paper: Paper, levels) -> PaperView:
    """The paper's readable consultation sequence (with agenda results), related papers, files,
    linked measures and mandates — a fixed number of queries."""
    readable_meetings = {
        m.pk: m
        for m in Meeting.objects.with_levels(levels)
        .filter(consultations__paper=paper, deleted=False)
        .prefetch_related("organizations")
    }
    consultations = (
        Consultation.objects.with_levels(levels)
        .filter(paper=paper, deleted=False)
        .select_related("organization")
        .prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.with_levels(levels).filter(deleted=False),
                to_attr="readable_items",
            )
        )
    )
    steps = []
    for c in consultations:
        body = c.organization if c.organization and c.organization.visibility in levels else None
        meeting = readable_meetings.get(c.meeting_id)
        steps.append(
            Step(
                consultation=c,
                meeting=meeting,
                deciding=is_deciding(c.authoritative, c.role, bool(body and body.kind == "council")),
                items=list(c.readable_items),
            )
        )
    steps.sort(
        key=lambda s: (
            s.meeting.start if s.meeting and s.meeting.start else dt.datetime.max.replace(tzinfo=dt.UTC),
            s.consultation.order,
        )
    )
    related_pool = Paper.objects.with_levels(levels).filter(deleted=False)
    related = list(related_pool.filter(Q(related_from=paper) | Q(related_papers=paper)).distinct())
    files = list(PaperFile.objects.with_levels(levels).filter(paper=paper, deleted=False))
    links = list(PaperLink.objects.with_levels(levels).filter(paper=paper).select_related("measure"))
    mandate_rows = list(
        Mandate.objects.with_levels(levels)
        .filter(Q(paper=paper) | Q(agenda_item__consultation__paper=paper))
        .select_related("owner")
        .distinct()
    )
    mandate_rows.sort(key=_point_order)  # in the resolution's order: Punkt 1, Punkt 2, … Punkt 10
    return PaperView(paper, steps, related, files, links, mandate_rows)


def measure_links(measure, levels):
    """The readable papers and mandates of one measure (the measure panel)."""
    links = list(
        PaperLink.objects.with_levels(levels)
        .filter(measure=measure, paper__deleted=False)
        .select_related("paper")
        .order_by("paper__date")
    )
    mandate_rows = list(
        Mandate.objects.with_levels(levels).filter(measures=measure).select_related("owner", "paper")
    )
    return links, mandate_rows


def readable_measures(levels) -> Prefetch:
    """Prefetch of a mandate's measures the reader may read, as ``mandate.readable_measures``."""
    from digitalbilanz.portfolio.models import Measure

    return Prefetch(
        "measures", queryset=Measure.objects.with_levels(levels).order_by("code"), to_attr="readable_measures"
    )


def measure_paper_links(municipality, levels):
    """Every readable link between a measure and a paper of the municipality (the report)."""
    return (
        PaperLink.objects.for_municipality(municipality)
        .with_levels(levels)
        .filter(paper__deleted=False)
        .select_related("measure", "paper")
        .order_by("measure__code", "paper__date", "pk")
    )


def overdue_mandates(municipality, levels, today: dt.date):
    rows = mandates(municipality, levels).filter(due_date__lt=today, status__in=["open", "in_progress"])
    return [m for m in rows if is_overdue(m.status, m.due_date, today)]


def _point_order(mandate):
    """Sort key of a mandate within its resolution: the numbers in its label, then the label."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", mandate.label))
    return (not numbers, numbers, mandate.label, mandate.pk)
