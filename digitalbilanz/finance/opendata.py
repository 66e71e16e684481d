"""The budget's open-data table (registered in ``finance/register.py``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.finance.models import BudgetAssignment, BudgetFigure, BudgetStatus
from digitalbilanz.registry.tables import Column as C
from digitalbilanz.registry.tables import Filter, Table, choice_label, id_column, year_span

BUDGET_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung der Haushaltszahl.")),
    C(
        "product_group",
        "string",
        _("Produktgruppe"),
        _("NKF-Produktgruppe (4 Ziffern)."),
        lambda b: b.product_group.number,
    ),
    C(
        "product_group_name",
        "string",
        _("Produktgruppe (Name)"),
        _("Bezeichnung der Produktgruppe."),
        lambda b: b.product_group.name,
    ),
    C(
        "product_area",
        "string",
        _("Produktbereich"),
        _("NKF-Produktbereich (die ersten 2 Ziffern der Produktgruppe, 01 bis 17)."),
        lambda b: b.product_group.area,
    ),
    C("year", "integer", _("Haushaltsjahr"), _("Haushaltsjahr.")),
    C("kind", "string", _("Art"), _("plan (Ansatz) oder actual (Ergebnis).")),
    C(
        "plan",
        "string",
        _("Teilplan"),
        _("result (Ergebnisplan), finance (Finanzplan) oder leer (Produktgruppe insgesamt)."),
        lambda b: b.plan or None,
    ),
    C("line_number", "integer", _("Zeile"), _("Zeilennummer im Teilergebnis- oder Teilfinanzplan.")),
    C(
        "line_label",
        "string",
        _("Bezeichnung der Zeile"),
        _("Bezeichnung der Planzeile."),
        lambda b: b.line_label or None,
    ),
    C(
        "amount",
        "number",
        _("Betrag"),
        _("Betrag in Euro (negativ: Fehlbetrag/Aufwandsüberschuss)."),
        unit="EUR",
    ),
    C("source", "string", _("Quelle"), _("Quelle der Zahl (Haushaltsplan, Jahresabschluss).")),
)
BUDGET_FILTERS = (
    Filter("year", "integer", "year", _("Haushaltsjahr.")),
    Filter("kind", "choice", "kind", _("plan oder actual."), tuple(BudgetFigure.Kind.values)),
)


def budget_rows(municipality, levels):
    return (
        BudgetFigure.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("product_group")
    )


BUDGET = Table(
    "budget",
    _("Haushalt der Digitalisierung"),
    _("Haushaltsansätze und -ergebnisse der Produktgruppen der Digitalisierung."),
    BUDGET_COLUMNS,
    budget_rows,
    keywords=(_("Haushalt"),),
    temporal=lambda m, levels: year_span(BudgetFigure.objects.for_municipality(m).with_levels(levels)),
    order=80,
    filters=BUDGET_FILTERS,
)


def status_rows(municipality, levels):
    return BudgetStatus.objects.for_municipality(municipality).with_levels(levels)


BUDGET_STATUS = Table(
    "budget_status",
    _("Stand der Haushalte"),
    _(
        "Verfahrensstand je Haushaltsjahr: in Aufstellung, beschlossen, angezeigt, genehmigt, "
        "vorläufige Haushaltsführung."
    ),
    (
        id_column(_("Eindeutige, dauerhafte Kennung.")),
        C("year", "integer", _("Haushaltsjahr"), _("Haushaltsjahr.")),
        C("stage", "string", _("Stand"), _("preparation, adopted, submitted, approved oder provisional.")),
        C("stage_label", "string", _("Stand (Text)"), _("Stand als Text."), choice_label("stage")),
        C(
            "adopted_on",
            "date",
            _("Beschluss des Rates"),
            _("Datum des Ratsbeschlusses zur Haushaltssatzung."),
        ),
        C("submitted_on", "date", _("Anzeige"), _("Datum der Anzeige bei der Aufsichtsbehörde.")),
        C("approved_on", "date", _("Genehmigung"), _("Datum der Genehmigung.")),
        C("source", "string", _("Quelle"), _("Quelle der Angaben.")),
    ),
    status_rows,
    keywords=(_("Haushalt"),),
    order=81,
    filters=(Filter("year", "integer", "year", _("Haushaltsjahr.")),),
)


def assignment_rows(municipality, levels):
    return (
        BudgetAssignment.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("measure", "product_group")
    )


BUDGET_ASSIGNMENTS = Table(
    "budget_assignments",
    _("Zuordnung der Maßnahmen zu Produktgruppen"),
    _(
        "In welcher Produktgruppe die Kosten und Nutzen einer Maßnahme ab welchem Haushaltsjahr "
        "veranschlagt sind; mit den Kosten-/Nutzenzeilen ergibt sich daraus die Gegenüberstellung "
        "für den Haushaltsplan."
    ),
    (
        id_column(_("Eindeutige, dauerhafte Kennung.")),
        C("measure", "string", _("Maßnahme"), _("Nummer der Maßnahme."), lambda a: a.measure.code),
        C(
            "product_group",
            "string",
            _("Produktgruppe"),
            _("NKF-Produktgruppe."),
            lambda a: a.product_group.number,
        ),
        C("first_year", "integer", _("ab Haushaltsjahr"), _("Erstes Haushaltsjahr der Zuordnung.")),
        C("last_year", "integer", _("bis Haushaltsjahr"), _("Letztes Haushaltsjahr (leer: unbefristet).")),
    ),
    assignment_rows,
    keywords=(_("Haushalt"),),
    order=82,
)
