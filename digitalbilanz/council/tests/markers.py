"""Leak-crawler markers of the council module (used by portal/tests/test_leak.py).

Per hidden level, on a public paper and meeting of the demo: a non-public agenda item and
consultation (their level from ``council.rules`` for the council level), a hidden paper with a
file and a consultation, a hidden file of the public paper, a public link from a public measure
to the hidden paper, a hidden mandate on a public measure, and *public* mandates hanging on the
hidden paper and on the hidden agenda item (readable only where those are) — each carrying the
marker.
"""

import datetime as dt

from digitalbilanz.core.choices import Visibility
from digitalbilanz.council.models import (
    AgendaItem,
    Consultation,
    Mandate,
    Meeting,
    Paper,
    PaperFile,
    PaperLink,
)
from digitalbilanz.council.rules import visibility_for_public_flag
from digitalbilanz.portfolio.models import Measure

PUBLIC = Visibility.PUBLIC.value


def _level(level, public_flag):
    """Council level straight from the rule (non-public flag); internal set as it is."""
    if level == Visibility.COUNCIL:
        return visibility_for_public_flag(public_flag)
    return level


def plant(town, markers):
    paper = Paper.objects.filter(municipality=town, visibility=PUBLIC).order_by("pk").first()
    if paper is None:  # a town without council data gets its own public paper
        paper = Paper.objects.create(municipality=town, name="Öffentliche Vorlage", visibility=PUBLIC)
    meeting = Meeting.objects.filter(municipality=town, visibility=PUBLIC).order_by("pk").first()
    if meeting is None:
        meeting = Meeting.objects.create(municipality=town, name="Öffentliche Sitzung", visibility=PUBLIC)
    measure = Measure.objects.filter(municipality=town, visibility=PUBLIC).order_by("pk").first()
    for level, marker in markers.items():
        consultation = Consultation.objects.create(
            municipality=town,
            paper=paper,
            meeting=meeting,
            role=f"{marker} Rolle",
            visibility=_level(level, False),
        )
        item = AgendaItem.objects.create(
            municipality=town,
            meeting=meeting,
            consultation=consultation,
            number=f"N {marker[-4:]}",
            order=900,
            name=f"{marker} Vergabe",
            public=False if level == Visibility.COUNCIL else None,
            result=f"{marker} Zuschlag",
            resolution_text=marker,
            visibility=_level(level, False if level == Visibility.COUNCIL else None),
        )
        # A non-public agenda item on a *public* consultation of the public paper.
        public_step = Consultation.objects.create(
            municipality=town, paper=paper, meeting=meeting, role="Beratung", visibility=PUBLIC
        )
        AgendaItem.objects.create(
            municipality=town,
            meeting=meeting,
            consultation=public_step,
            name=f"{marker} TOP",
            result=f"{marker} Ergebnis",
            public=None,
            visibility=_level(level, None),
        )
        hidden = Paper.objects.create(
            municipality=town,
            reference=f"{marker}/1",
            name=f"{marker} Vorlage",
            originators=marker,
            lead_department=marker,
            visibility=level,
        )
        hidden.related_papers.add(paper)
        paper.related_papers.add(hidden)
        PaperFile.objects.create(
            municipality=town,
            paper=hidden,
            name=f"{marker} Datei",
            access_url=f"https://ris.example.org/{marker}.pdf",
            visibility=PUBLIC,
        )
        PaperFile.objects.create(
            municipality=town,
            paper=paper,
            name=f"{marker} Anlage",
            access_url=f"https://ris.example.org/{marker}-anlage.pdf",
            visibility=level,
        )
        Consultation.objects.create(
            municipality=town, paper=hidden, meeting=meeting, role=f"{marker} Beratung", visibility=PUBLIC
        )
        if measure is not None:
            PaperLink.objects.create(
                municipality=town, measure=measure, paper=hidden, role="basis", note=marker, visibility=PUBLIC
            )
            PaperLink.objects.create(
                municipality=town,
                measure=measure,
                paper=paper,
                role="other" if level == Visibility.COUNCIL else "report",
                note=marker,
                visibility=level,
            )
        secret = Mandate.objects.create(
            municipality=town,
            paper=paper,
            label=f"{marker} Punkt",
            text=marker,
            owner_text=marker,
            due_date=dt.date(2020, 1, 1),
            visibility=level,
        )
        for mandate_kwargs in ({"paper": hidden}, {"agenda_item": item}):
            public_mandate = Mandate.objects.create(
                municipality=town,
                label=f"{marker} öffentlich",
                text=marker,
                due_date=dt.date(2020, 1, 1),
                visibility=PUBLIC,
                **mandate_kwargs,
            )
            if measure is not None:
                public_mandate.measures.add(measure)
        if measure is not None:
            secret.measures.add(measure)
