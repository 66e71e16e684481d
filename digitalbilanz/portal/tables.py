"""The open-data tables of the portfolio and finance apps, registered in the portal registry.

Each ``rows`` function filters through the visibility rule with the given levels and prefetches
what its columns read, so a table costs a fixed number of queries however many rows it has.
"""

import datetime as dt

from django.db.models import Max, Min, Prefetch
from django.utils.translation import gettext_lazy as _

from digitalbilanz.finance.models import BudgetFigure
from digitalbilanz.portal.columns import (
    BENEFIT_COLUMNS,
    LINE_COLUMNS,
    MEASURE_COLUMNS,
    MILESTONE_COLUMNS,
    _id,
)
from digitalbilanz.portal.registry import Column, Filter, Table, register_table
from digitalbilanz.portfolio.appraisal import ParameterSet, as_decimal, figures_for
from digitalbilanz.portfolio.choices import LineKind, MeasureStatus
from digitalbilanz.portfolio.models import Benefit, FieldOfAction, Line, Measure, Milestone, Strategy
from digitalbilanz.portfolio.queries import measures_for_levels

C = Column


def measure_queryset(municipality, levels):
    fields = FieldOfAction.objects.with_levels(levels)
    return (
        Measure.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("lead_department")
        .prefetch_related(Prefetch("fields_of_action", queryset=fields))
    )


def _year_span(queryset):
    span = queryset.aggregate(first=Min("year"), last=Max("year"))
    if span["first"] is None:
        return None, None
    return dt.date(span["first"], 1, 1), dt.date(span["last"], 12, 31)


def _measure_span(municipality, levels):
    span = measure_queryset(municipality, levels).aggregate(first=Min("start_date"), last=Max("end_date"))
    return span["first"], span["last"]


def _money(attr):
    return lambda row: as_decimal(getattr(row.figures, attr))


def _npv(attr):
    return lambda row: as_decimal(getattr(row.figures.appraisal, attr)) if row.figures.appraisal else None


FIGURE_COLUMNS = (
    C(
        "measure",
        "integer",
        _("Maßnahme"),
        _("Kennung der Maßnahme (Tabelle measures)."),
        lambda r: r.measure.pk,
    ),
    C("code", "string", _("Nummer"), _("Nummer der Maßnahme."), lambda r: r.measure.code),
    C(
        "investment",
        "number",
        _("Investitionen"),
        _("Summe der einmaligen Kosten (Euro, nominal)."),
        _money("investment"),
        "EUR",
    ),
    C(
        "running_costs",
        "number",
        _("laufende Kosten"),
        _("Summe der laufenden Kosten (Euro, nominal)."),
        _money("running_costs"),
        "EUR",
    ),
    C(
        "cash_savings",
        "number",
        _("Einsparungen"),
        _("Summe des haushaltswirksamen Nutzens (Euro, nominal)."),
        _money("cash_savings"),
        "EUR",
    ),
    C(
        "work_hours",
        "number",
        _("Arbeitsverbesserung"),
        _("Summe der frei werdenden Arbeitsstunden."),
        _money("work_hours"),
        "h",
    ),
    C(
        "npv_kn",
        "number",
        _("Kapitalwert KN"),
        _("Kapitalwert nach WiBe (Barwert Nutzen − Kosten, Euro)."),
        _npv("npv_kn"),
        "EUR",
    ),
    C(
        "npv_kn_h",
        "number",
        _("KN/h"),
        _("Kapitalwert nur haushaltswirksamer Zeilen (Euro)."),
        _npv("npv_kn_h"),
        "EUR",
    ),
    C(
        "npv_kn_nh",
        "number",
        _("KN/nh"),
        _("Kapitalwert nicht haushaltswirksamer Zeilen (Euro)."),
        _npv("npv_kn_nh"),
        "EUR",
    ),
    C("npv_kn_r", "number", _("KN/R"), _("Risikoangepasster Kapitalwert (Euro)."), _npv("npv_kn_r"), "EUR"),
    C(
        "payback_year",
        "integer",
        _("Amortisation"),
        _(
            "Jahr, ab dem der kumulierte Barwert bis zum Ende des Betrachtungszeitraums ≥ 0 bleibt "
            "(leer: keine Amortisation)."
        ),
        lambda r: r.figures.appraisal.payback_year if r.figures.appraisal else None,
    ),
)

STRATEGY_COLUMNS = (
    _id(_("Eindeutige, dauerhafte Kennung der Strategie.")),
    C(
        "parent",
        "integer",
        _("übergeordnete Strategie"),
        _("Kennung der übergeordneten Strategie (leer: oberste Ebene)."),
        lambda s: s.public_parent_id,
    ),
    C("title", "string", _("Titel"), _("Titel der Strategie.")),
    C("kind", "string", _("Art"), _("egov, digital, it oder smartcity.")),
    C("version", "string", _("Version"), _("Fassung der Strategie.")),
    C("adopted_on", "date", _("beschlossen am"), _("Datum des Beschlusses.")),
    C("adopting_decision", "string", _("Beschluss"), _("Beschluss (Gremium, Vorlagennummer).")),
    C("summary", "string", _("Zusammenfassung"), _("Zusammenfassung der Strategie.")),
)

FIELD_COLUMNS = (
    _id(_("Eindeutige, dauerhafte Kennung des Handlungsfelds.")),
    C(
        "strategy",
        "integer",
        _("Strategie"),
        _("Kennung der Strategie (Tabelle strategies)."),
        lambda f: f.public_strategy_id,
    ),
    C("code", "string", _("Nummer"), _("Nummer des Handlungsfelds.")),
    C("title", "string", _("Titel"), _("Titel des Handlungsfelds.")),
    C("description", "string", _("Beschreibung"), _("Beschreibung des Handlungsfelds.")),
)

BUDGET_COLUMNS = (
    _id(_("Eindeutige, dauerhafte Kennung der Haushaltszahl.")),
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
    C("year", "integer", _("Haushaltsjahr"), _("Haushaltsjahr.")),
    C("kind", "string", _("Art"), _("plan (Ansatz) oder actual (Ergebnis).")),
    C("amount", "number", _("Betrag"), _("Betrag in Euro."), unit="EUR"),
    C("source", "string", _("Quelle"), _("Quelle der Zahl (Haushaltsplan, Jahresabschluss).")),
)


_MEASURE_FILTER = Filter("measure", "integer", "measure_id", _("Nur Einträge dieser Maßnahme (Kennung)."))
MEASURE_FILTERS = (
    Filter("status", "choice", "status", _("Status der Maßnahme."), tuple(MeasureStatus.values)),
    Filter("field_of_action", "integer", "fields_of_action__pk", _("Kennung eines Handlungsfelds.")),
    Filter("department", "string", "lead_department__code", _("Kürzel der federführenden Einheit.")),
    Filter("updated_since", "date", "updated_at__date__gte", _("Nur seit diesem Datum geänderte Maßnahmen.")),
)
LINE_FILTERS = (
    _MEASURE_FILTER,
    Filter("year", "integer", "year", _("Jahr der Zeile.")),
    Filter("kind", "choice", "kind", _("cost oder benefit."), tuple(LineKind.values)),
)
BUDGET_FILTERS = (
    Filter("year", "integer", "year", _("Haushaltsjahr.")),
    Filter("kind", "choice", "kind", _("plan oder actual."), ("plan", "actual")),
)


class FigureRow:
    def __init__(self, measure, figures):
        self.measure, self.figures = measure, figures


def _figures(municipality, levels):
    params = ParameterSet.for_municipality(municipality)
    return [FigureRow(m, figures_for(m, params)) for m in measures_for_levels(municipality, levels)]


def _strategies(municipality, levels):
    rows = list(Strategy.objects.for_municipality(municipality).with_levels(levels))
    ids = {s.pk for s in rows}
    for s in rows:
        s.public_parent_id = s.parent_id if s.parent_id in ids else None
    return rows


def _fields(municipality, levels):
    ids = set(
        Strategy.objects.for_municipality(municipality).with_levels(levels).values_list("pk", flat=True)
    )
    rows = list(FieldOfAction.objects.for_municipality(municipality).with_levels(levels))
    for f in rows:
        f.public_strategy_id = f.strategy_id if f.strategy_id in ids else None
    return rows


def _children(model, *related):
    def rows(municipality, levels):
        return model.objects.for_municipality(municipality).with_levels(levels).select_related(*related)

    return rows


def _benefits(municipality, levels):
    return _children(Benefit)(municipality, levels).prefetch_related("measurements")


def register_all():
    line_rows = _children(Line)
    register_table(
        Table(
            "measures",
            _("Digitalisierungsmaßnahmen"),
            _("Maßnahmen und Projekte der Digitalisierung mit Status, Zeitraum und Federführung."),
            MEASURE_COLUMNS,
            measure_queryset,
            (_("Digitalisierung"), _("E-Government")),
            _measure_span,
            10,
            MEASURE_FILTERS,
        )
    )
    register_table(
        Table(
            "lines",
            _("Kosten und Nutzen der Digitalisierungsmaßnahmen"),
            _("Kosten- und Nutzenzeilen je Maßnahme und Jahr (WiBe-Systematik)."),
            LINE_COLUMNS,
            line_rows,
            (_("Kosten"), _("Wirtschaftlichkeit")),
            lambda m, lv: _year_span(line_rows(m, lv)),
            20,
            LINE_FILTERS,
        )
    )
    register_table(
        Table(
            "milestones",
            _("Meilensteine der Digitalisierungsmaßnahmen"),
            _("Meilensteine mit Basisplan, Prognose und Ist-Datum."),
            MILESTONE_COLUMNS,
            _children(Milestone),
            (_("Zeitplan"),),
            None,
            30,
            (_MEASURE_FILTER,),
        )
    )
    register_table(
        Table(
            "benefits",
            _("Nutzenregister der Digitalisierungsmaßnahmen"),
            _("Nutzen mit Kennzahl, Ausgangs-, Ziel- und Messwert."),
            BENEFIT_COLUMNS,
            _benefits,
            (_("Nutzen"),),
            None,
            40,
            (_MEASURE_FILTER,),
        )
    )
    register_table(
        Table(
            "figures",
            _("Wirtschaftlichkeitskennzahlen der Digitalisierungsmaßnahmen"),
            _(
                "Berechnete Summen und Kapitalwerte je Maßnahme aus den öffentlichen "
                "Kosten- und Nutzenzeilen."
            ),
            FIGURE_COLUMNS,
            _figures,
            (_("Kapitalwert"), _("WiBe")),
            None,
            50,
        )
    )
    register_table(
        Table(
            "strategies",
            _("Digitalisierungsstrategien"),
            _("Strategien mit Beschluss und Fassung."),
            STRATEGY_COLUMNS,
            _strategies,
            (_("Strategie"),),
            None,
            60,
        )
    )
    register_table(
        Table(
            "fields_of_action",
            _("Handlungsfelder der Digitalisierung"),
            _("Handlungsfelder der Strategien."),
            FIELD_COLUMNS,
            _fields,
            (_("Strategie"),),
            None,
            70,
        )
    )
    register_table(
        Table(
            "budget",
            _("Haushalt der Digitalisierung"),
            _("Haushaltsansätze und -ergebnisse der Produktgruppen der Digitalisierung."),
            BUDGET_COLUMNS,
            _children(BudgetFigure, "product_group"),
            (_("Haushalt"),),
            lambda m, lv: _year_span(_children(BudgetFigure)(m, lv)),
            80,
            BUDGET_FILTERS,
        )
    )
