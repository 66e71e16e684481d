"""Open-data tables of the council app (registered in ``council/register.py``): papers,
consultations with their agenda results, and mandates — each read through the visibility rule."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from digitalbilanz.registry.tables import Column as C
from digitalbilanz.registry.tables import Filter, Table, id_column

from .choices import MandateStatus, PaperCategory
from .models import AgendaItem, Consultation, Meeting, Organization, Paper
from .queries import mandates


def _public_codes(measures):
    return ", ".join(m.code for m in measures if m.visibility == "public")


def paper_rows(municipality, levels):
    return Paper.objects.for_municipality(municipality).with_levels(levels).filter(deleted=False)


PAPERS = Table(
    "council_papers",
    _("Ratsvorlagen"),
    _("Vorlagen des Rates und seiner Ausschüsse (Anträge, Anfragen, Beschlussvorlagen, Stellungnahmen)."),
    (
        id_column(_("Eindeutige, dauerhafte Kennung der Vorlage.")),
        C("reference", "string", _("Nummer"), _("Drucksachennummer, z. B. 2023/2362 (nicht eindeutig).")),
        C("name", "string", _("Titel"), _("Betreff der Vorlage.")),
        C("date", "date", _("Datum"), _("Datum der Vorlage.")),
        C(
            "category",
            "string",
            _("Art"),
            _("motion, inquiry, proposal, communication, statement, answer, amendment oder other."),
        ),
        C("paper_type_raw", "string", _("Vorlagenart"), _("Art laut Ratsinformationssystem.")),
        C("originators", "string", _("Urheber"), _("Antragsteller oder einbringende Stelle.")),
        C("lead_department", "string", _("federführend"), _("Federführende Organisationseinheit.")),
        C(
            "oparl_id",
            "string",
            _("OParl-ID"),
            _("Kennung im Ratsinformationssystem (leer: nicht importiert)."),
        ),
    ),
    paper_rows,
    keywords=(_("Rat"), _("Vorlagen"), _("Beschlüsse")),
    order=90,
    filters=(Filter("category", "choice", "category", _("Art der Vorlage."), tuple(PaperCategory.values)),),
)


def consultation_rows(municipality, levels):
    """Consultations with their meeting, body and agenda items only where those are readable too."""
    return (
        Consultation.objects.for_municipality(municipality)
        .with_levels(levels)
        .filter(deleted=False)
        .select_related("paper")
        .prefetch_related(
            Prefetch("meeting", queryset=Meeting.objects.with_levels(levels)),
            Prefetch("organization", queryset=Organization.objects.with_levels(levels)),
            Prefetch(
                "agenda_items", queryset=AgendaItem.objects.with_levels(levels), to_attr="readable_items"
            ),
        )
    )


def _results(consultation):
    return "; ".join(i.result for i in consultation.readable_items if i.result)


CONSULTATIONS = Table(
    "council_consultations",
    _("Beratungsfolge der Ratsvorlagen"),
    _("Welches Gremium eine Vorlage wann beraten oder entschieden hat, mit Ergebnis."),
    (
        id_column(_("Eindeutige, dauerhafte Kennung der Beratung.")),
        C(
            "paper",
            "integer",
            _("Vorlage"),
            _("Kennung der Vorlage (Tabelle council_papers)."),
            lambda c: c.paper_id,
        ),
        C(
            "paper_reference",
            "string",
            _("Nummer"),
            _("Drucksachennummer der Vorlage."),
            lambda c: c.paper.reference,
        ),
        C(
            "organization",
            "string",
            _("Gremium"),
            _("Beratendes Gremium."),
            lambda c: c.organization.name if c.organization else "",
        ),
        C(
            "meeting_date",
            "date",
            _("Sitzung"),
            _("Tag der Sitzung."),
            lambda c: c.meeting.start if c.meeting else None,
        ),
        C(
            "role",
            "string",
            _("Zuständigkeit"),
            _("Rolle laut Ratsinformationssystem (Beratung, Entscheidung, …)."),
        ),
        C(
            "authoritative",
            "boolean",
            _("entscheidend"),
            _("Wahr: hier fällt die Entscheidung; leer: unbekannt."),
        ),
        C(
            "result",
            "string",
            _("Ergebnis"),
            _("Ergebnis der Tagesordnungspunkte, z. B. „zur Kenntnis genommen“."),
            _results,
        ),
    ),
    consultation_rows,
    keywords=(_("Rat"), _("Beratungsfolge")),
    order=91,
)


def mandate_rows(municipality, levels):
    return mandates(municipality, levels).prefetch_related("measures")


MANDATES = Table(
    "council_mandates",
    _("Aufträge aus Ratsbeschlüssen"),
    _("Was Beschlüsse des Rates von der Verwaltung verlangen: zuständig, fällig, Stand, Maßnahmen."),
    (
        id_column(_("Eindeutige, dauerhafte Kennung des Auftrags.")),
        C(
            "paper_reference",
            "string",
            _("Vorlage"),
            _("Nummer der Vorlage."),
            lambda m: m.paper.reference if m.paper else "",
        ),
        C("label", "string", _("Punkt"), _("z. B. „Punkt 3“.")),
        C("text", "string", _("Auftrag"), _("Was die Verwaltung tun soll.")),
        C(
            "owner",
            "string",
            _("zuständig"),
            _("Zuständige Organisationseinheit."),
            lambda m: m.owner_display,
        ),
        C("due_date", "date", _("fällig am"), _("Frist des Auftrags.")),
        C("status", "string", _("Stand"), _("open, in_progress, done oder dropped.")),
        C(
            "measures",
            "string",
            _("Maßnahmen"),
            _("Nummern der verbundenen öffentlichen Maßnahmen."),
            lambda m: _public_codes(m.measures.all()),
        ),
    ),
    mandate_rows,
    keywords=(_("Rat"), _("Beschlüsse"), _("Aufträge")),
    order=92,
    filters=(Filter("status", "choice", "status", _("Stand des Auftrags."), tuple(MandateStatus.values)),),
)
