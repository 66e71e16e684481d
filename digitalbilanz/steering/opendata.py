"""Open-data tables of the steering app (registered in ``steering/register.py``): ratings per
period and follow-up reviews; the API lists them through the same definitions."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.permissions import can_edit
from digitalbilanz.portfolio.opendata import MEASURE_PARENT
from digitalbilanz.registry.tables import Column as C
from digitalbilanz.registry.tables import Filter, Table, Writes, id_column
from digitalbilanz.steering.forms import ApiRatingForm, ApiReviewForm
from digitalbilanz.steering.models import (
    BenefitRebaseline,
    CostRebaseline,
    FollowUpReview,
    Rating,
    Rebaseline,
    Review,
    SuccessCheck,
)


def _may_edit(user, municipality, row):
    """Who may rate a measure or confirm it as reviewed: whoever may edit the measure."""
    return can_edit(user, municipality, row.measure.lead_department)


RATINGS = Table(
    "delivery_confidence",
    _("Lieferzuversicht der Maßnahmen"),
    _(
        "Bewertung je Maßnahme und Halbjahr: berechnet aus Terminverzug, Kostenabweichung und "
        "Nutzenstatus gegen dokumentierte Schwellen, die eigene Einschätzung der Verantwortlichen mit "
        "Begründung und die veröffentlichte (schlechtere) Bewertung."
    ),
    (
        id_column(_("Kennung der Bewertung.")),
        C("measure", "string", _("Maßnahme"), _("Nummer der Maßnahme."), lambda r: r.measure.code),
        C("period", "string", _("Berichtszeitraum"), _("Jahr und Halbjahr, z. B. 2026-H2.")),
        C("rated_on", "date", _("bewertet am"), _("Tag der Bewertung.")),
        C(
            "schedule_days",
            "integer",
            _("Terminverzug"),
            _("Größter Verzug offener Meilensteine in Tagen."),
            unit="d",
        ),
        C("schedule_rating", "string", _("Termin"), _("green, amber oder red.")),
        C(
            "cost_overrun_pct",
            "number",
            _("Kostenabweichung"),
            _("Abweichung vom Planungsstand in %."),
            unit="%",
        ),
        C("cost_rating", "string", _("Kosten"), _("green, amber oder red.")),
        C(
            "benefit_share_pct",
            "number",
            _("Nutzen gefährdet"),
            _("Anteil gefährdeter/verfehlter Nutzen in %."),
            unit="%",
        ),
        C("benefit_rating", "string", _("Nutzen"), _("green, amber oder red.")),
        C("computed", "string", _("berechnet"), _("Schlechteste Dimension.")),
        C("thresholds", "string", _("Schwellen"), _("Die bei der Bewertung angewandten Schwellen.")),
        C("owner_rating", "string", _("eigene Einschätzung"), _("green, amber oder red.")),
        C("owner_reason", "string", _("Begründung"), _("Begründung der eigenen Einschätzung.")),
        C(
            "published",
            "string",
            _("veröffentlicht"),
            _("Die schlechtere von berechneter und eigener Bewertung."),
        ),
    ),
    lambda municipality, levels: (
        Rating.objects.for_municipality(municipality).with_levels(levels).select_related("measure")
    ),
    keywords=("Steuerung", "Lieferzuversicht", "Projektportfolio"),
    order=25,
    filters=(
        Filter("period", "string", "period", _("Berichtszeitraum, z. B. 2026-H2.")),
        Filter(
            "published", "choice", "published", _("veröffentlichte Bewertung."), ("green", "amber", "red")
        ),
    ),
    # The owner's rating of the current period (reason mandatory); the computed part is filled in.
    # Not in the spreadsheet round-trip: a rating is a statement for its period, not sheet data.
    writes=Writes(ApiRatingForm, _may_edit, parent=MEASURE_PARENT, save_with_user=True, roundtrip=False),
)

REVIEWS = Table(
    "reviews",
    _("Prüfvermerke der Maßnahmen"),
    _(
        "Wann eine Maßnahme zuletzt geprüft wurde (bewertet oder „unverändert geprüft“); Grundlage "
        "des Hinweises „nicht aktualisiert“. Ohne Namen der prüfenden Personen."
    ),
    (
        id_column(_("Kennung des Prüfvermerks.")),
        C("measure", "string", _("Maßnahme"), _("Nummer der Maßnahme."), lambda r: r.measure.code),
        C("reviewed_on", "date", _("geprüft am"), _("Tag der Prüfung.")),
        C("note", "string", _("Vermerk"), _("„bewertet“ oder „unverändert geprüft“.")),
    ),
    lambda municipality, levels: (
        Review.objects.for_municipality(municipality).with_levels(levels).select_related("measure")
    ),
    keywords=("Steuerung", "Aktualität"),
    order=29,
    # POST with the measure alone: „unverändert geprüft“ today, recorded in the history.
    writes=Writes(ApiReviewForm, _may_edit, parent=MEASURE_PARENT, save_with_user=True),
)

FOLLOW_UPS = Table(
    "follow_up_reviews",
    _("Folgeprüfungen nach roter Bewertung"),
    _("Je rot bewerteter Maßnahme: Fälligkeit, Ursachen, Optionen mit Kosten und Entscheidung."),
    (
        id_column(_("Kennung der Folgeprüfung.")),
        C("measure", "string", _("Maßnahme"), _("Nummer der Maßnahme."), lambda f: f.rating.measure.code),
        C(
            "period",
            "string",
            _("Berichtszeitraum"),
            _("Zeitraum der roten Bewertung."),
            lambda f: f.rating.period,
        ),
        C("due_date", "date", _("fällig am"), _("Fälligkeit der Folgeprüfung.")),
        C("causes", "string", _("Ursachen"), _("Ursachen laut Optionspapier.")),
        C("option_continue", "string", _("fortführen"), _("Option fortführen, mit Kosten.")),
        C("option_rescope", "string", _("neu zuschneiden"), _("Option neu zuschneiden, mit Kosten.")),
        C("option_stop", "string", _("beenden"), _("Option beenden, mit Kosten.")),
        C("decision", "string", _("Entscheidung"), _("continue, rescope, stop oder leer (offen).")),
        C("decided_on", "date", _("entschieden am"), _("Tag der Entscheidung.")),
    ),
    lambda municipality, levels: (
        FollowUpReview.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("rating__measure")
    ),
    keywords=("Steuerung", "Folgeprüfung"),
    order=26,
)

REBASELINES = Table(
    "rebaselines",
    _("Freigegebene neue Basispläne"),
    _(
        "Jede Änderung des Basisplans eines Meilensteins mit ursprünglichem, bisherigem und neuem "
        "Basisplan, Begründung und Freigabe (Administration oder Ratsbeschluss)."
    ),
    (
        id_column(_("Kennung des neuen Basisplans.")),
        C("measure", "string", _("Maßnahme"), _("Nummer der Maßnahme."), lambda r: r.milestone.measure.code),
        C("milestone", "string", _("Meilenstein"), _("Titel des Meilensteins."), lambda r: r.milestone.title),
        C(
            "original_date",
            "date",
            _("ursprünglicher Basisplan"),
            _("Der erste Basisplan (bleibt erhalten)."),
        ),
        C("old_date", "date", _("bisheriger Basisplan"), _("Basisplan vor dieser Änderung.")),
        C("new_date", "date", _("neuer Basisplan"), _("Basisplan nach dieser Änderung.")),
        C("reason", "string", _("Begründung"), _("Warum der Basisplan geändert wurde.")),
        C("approval", "string", _("Freigabe"), _("reviewer (Administration) oder council (Ratsbeschluss).")),
        C("resolution", "string", _("Ratsbeschluss"), _("Drucksache und Datum des Beschlusses.")),
        C("approved_on", "date", _("freigegeben am"), _("Tag der Freigabe.")),
    ),
    lambda municipality, levels: (
        Rebaseline.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("milestone__measure")
    ),
    keywords=("Steuerung", "Basisplan"),
    order=27,
)

APPROVAL_COLUMNS = (
    C("reason", "string", _("Begründung"), _("Warum der Basisplan geändert wurde.")),
    C("approval", "string", _("Freigabe"), _("reviewer (Administration) oder council (Ratsbeschluss).")),
    C("resolution", "string", _("Ratsbeschluss"), _("Drucksache und Datum des Beschlusses.")),
    C("approved_on", "date", _("freigegeben am"), _("Tag der Freigabe.")),
)

COST_REBASELINES = Table(
    "cost_rebaselines",
    _("Freigegebene neue Kostenpläne"),
    _(
        "Jede Änderung der Kosten laut Planungsstand einer Maßnahme mit ursprünglichem, bisherigem "
        "und neuem Kostenplan, Begründung und Freigabe (Administration oder Ratsbeschluss)."
    ),
    (
        id_column(_("Kennung des neuen Kostenplans.")),
        C("measure", "string", _("Maßnahme"), _("Nummer der Maßnahme."), lambda r: r.measure.code),
        C(
            "original_cost",
            "number",
            _("ursprünglicher Kostenplan"),
            _("Der erste Kostenplan (bleibt erhalten)."),
            unit="EUR",
        ),
        C("old_cost", "number", _("bisheriger Kostenplan"), _("Kostenplan vor dieser Änderung."), unit="EUR"),
        C("new_cost", "number", _("neuer Kostenplan"), _("Kostenplan nach dieser Änderung."), unit="EUR"),
        *APPROVAL_COLUMNS,
    ),
    lambda municipality, levels: (
        CostRebaseline.objects.for_municipality(municipality).with_levels(levels).select_related("measure")
    ),
    keywords=("Steuerung", "Basisplan", "Kosten"),
    order=27,
)

BENEFIT_REBASELINES = Table(
    "benefit_rebaselines",
    _("Freigegebene neue Nutzenziele"),
    _(
        "Jede Änderung des Ziels (Zielwert, Zieldatum) eines Nutzens mit ursprünglichem, bisherigem "
        "und neuem Ziel, Begründung und Freigabe (Administration oder Ratsbeschluss)."
    ),
    (
        id_column(_("Kennung des neuen Nutzenziels.")),
        C("measure", "string", _("Maßnahme"), _("Nummer der Maßnahme."), lambda r: r.benefit.measure.code),
        C("benefit", "string", _("Nutzen"), _("Beschreibung des Nutzens."), lambda r: r.benefit.description),
        C("original_target_value", "number", _("ursprünglicher Zielwert"), _("Der erste Zielwert.")),
        C("original_target_date", "date", _("ursprüngliches Zieldatum"), _("Das erste Zieldatum.")),
        C("old_target_value", "number", _("bisheriger Zielwert"), _("Zielwert vor dieser Änderung.")),
        C("old_target_date", "date", _("bisheriges Zieldatum"), _("Zieldatum vor dieser Änderung.")),
        C("new_target_value", "number", _("neuer Zielwert"), _("Zielwert nach dieser Änderung.")),
        C("new_target_date", "date", _("neues Zieldatum"), _("Zieldatum nach dieser Änderung.")),
        *APPROVAL_COLUMNS,
    ),
    lambda municipality, levels: (
        BenefitRebaseline.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("benefit__measure")
    ),
    keywords=("Steuerung", "Basisplan", "Nutzen"),
    order=27,
)

SUCCESS_CHECKS = Table(
    "success_checks",
    _("Erfolgskontrollen nach Go-live"),
    _(
        "Je Nutzen einer abgeschlossenen Maßnahme: Go-live, Fälligkeit der Erfolgskontrolle, Ziel und "
        "Messwert auf derselben Kennzahl, Ergebnis (erreicht, teilweise, nicht erreicht, nicht messbar) "
        "mit Begründung."
    ),
    (
        id_column(_("Kennung der Erfolgskontrolle.")),
        C("measure", "string", _("Maßnahme"), _("Nummer der Maßnahme."), lambda c: c.measure.code),
        C("benefit", "string", _("Nutzen"), _("Beschreibung des Nutzens."), lambda c: c.benefit.description),
        C("kpi", "string", _("Kennzahl"), _("Messgröße des Nutzens."), lambda c: c.benefit.kpi),
        C("target_value", "number", _("Zielwert"), _("Geplanter Wert."), lambda c: c.benefit.target_value),
        C("measured_value", "number", _("gemessener Wert"), _("Messung nach Go-live.")),
        C("benefit_owner", "string", _("verantwortlich"), _("Verantwortlich für den Nutzen.")),
        C("go_live", "date", _("Go-live"), _("Tag der Inbetriebnahme.")),
        C("due_date", "date", _("fällig am"), _("Fälligkeit der Erfolgskontrolle.")),
        C("checked_on", "date", _("geprüft am"), _("Tag der Erfolgskontrolle.")),
        C("result", "string", _("Ergebnis"), _("achieved, partly, missed, unmeasurable oder leer (offen).")),
        C("reason", "string", _("Begründung"), _("Begründung des Ergebnisses.")),
    ),
    lambda municipality, levels: (
        SuccessCheck.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("measure", "benefit")
    ),
    keywords=("Steuerung", "Erfolgskontrolle", "Nutzen"),
    order=28,
)
