"""The portfolio's open-data tables (registered in ``portfolio/register.py``).

Each ``rows`` function filters through the visibility rule with the given levels and prefetches
what its columns read, so a table costs a fixed number of queries however many rows it has.
Measures, lines and milestones are writable through the API with the web UI's forms.
"""

from django.db.models import Max, Min, Prefetch
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.models import Membership
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.permissions import can_edit, can_edit_any
from digitalbilanz.portfolio import forms
from digitalbilanz.portfolio.appraisal import figures_for
from digitalbilanz.portfolio.choices import LineKind, MeasureStatus
from digitalbilanz.portfolio.columns import (
    BENEFIT_COLUMNS,
    FIELD_COLUMNS,
    FIGURE_COLUMNS,
    LINE_COLUMNS,
    MEASURE_COLUMNS,
    MILESTONE_COLUMNS,
    STRATEGY_COLUMNS,
)
from digitalbilanz.portfolio.models import Benefit, FieldOfAction, Line, Measure, Milestone, Strategy
from digitalbilanz.portfolio.queries import measures_for_levels
from digitalbilanz.portfolio.search import search_measures
from digitalbilanz.registry.tables import Filter, Parent, Table, Writes, year_span

MEASURE_FILTER = Filter("measure", "integer", "measure_id", _("Nur Einträge dieser Maßnahme (Kennung)."))
MEASURE_FILTERS = (
    Filter("status", "choice", "status", _("Status der Maßnahme."), tuple(MeasureStatus.values)),
    Filter("field_of_action", "integer", "fields_of_action__pk", _("Kennung eines Handlungsfelds.")),
    Filter("department", "string", "lead_department__code", _("Kürzel der federführenden Einheit.")),
    Filter("updated_since", "date", "updated_at__date__gte", _("Nur seit diesem Datum geänderte Maßnahmen.")),
)
LINE_FILTERS = (
    MEASURE_FILTER,
    Filter("year", "integer", "year", _("Jahr der Zeile.")),
    Filter("kind", "choice", "kind", _("cost oder benefit."), tuple(LineKind.values)),
)


def measure_queryset(municipality, levels):
    fields = FieldOfAction.objects.with_levels(levels)
    return (
        Measure.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("lead_department")
        .prefetch_related(Prefetch("fields_of_action", queryset=fields))
    )


def _measure_span(municipality, levels):
    span = measure_queryset(municipality, levels).aggregate(first=Min("start_date"), last=Max("end_date"))
    return span["first"], span["last"]


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


def children(model, *related):
    """``rows`` of a table whose records carry ``municipality`` and the visibility paths."""

    def rows(municipality, levels):
        return model.objects.for_municipality(municipality).with_levels(levels).select_related(*related)

    return rows


def _benefits(municipality, levels):
    return children(Benefit)(municipality, levels).prefetch_related("measurements")


# Writes through the API: who may store what (``core.permissions``), and the measure as parent.


def _may_edit_measure(user, municipality, measure):
    return can_edit(user, municipality, measure.lead_department)


def _may_edit_child(user, municipality, row):
    return can_edit(user, municipality, row.measure.lead_department)


def _measure_form_kwargs(user, municipality):
    membership = Membership.of(user, municipality)
    return {"allowed_units": list(membership.org_units.all()) if membership else []}


MEASURE_PARENT = Parent(
    "measure",
    _("Maßnahme"),
    lambda principal, municipality: Measure.objects.visible_to(principal, municipality).select_related(
        "lead_department"
    ),
)


def _child_writes(form, **options):
    return Writes(form, _may_edit_child, parent=MEASURE_PARENT, **options)


line_rows = children(Line)

MEASURES = Table(
    "measures",
    _("Digitalisierungsmaßnahmen"),
    _("Maßnahmen und Projekte der Digitalisierung mit Status, Zeitraum und Federführung."),
    MEASURE_COLUMNS,
    measure_queryset,
    keywords=(_("Digitalisierung"), _("E-Government")),
    temporal=_measure_span,
    order=10,
    filters=MEASURE_FILTERS,
    search=search_measures,
    writes=Writes(
        forms.MeasureForm,
        _may_edit_measure,
        may_create=can_edit_any,
        form_kwargs=_measure_form_kwargs,
        lookups=(("lead_department", "code"),),
    ),
)
LINES = Table(
    "lines",
    _("Kosten und Nutzen der Digitalisierungsmaßnahmen"),
    _("Kosten- und Nutzenzeilen je Maßnahme und Jahr (WiBe-Systematik)."),
    LINE_COLUMNS,
    line_rows,
    keywords=(_("Kosten"), _("Wirtschaftlichkeit")),
    temporal=lambda m, levels: year_span(line_rows(m, levels)),
    order=20,
    filters=LINE_FILTERS,
    writes=_child_writes(forms.LineForm),
    keyset=True,
)
MILESTONES = Table(
    "milestones",
    _("Meilensteine der Digitalisierungsmaßnahmen"),
    _("Meilensteine mit Basisplan, Prognose und Ist-Datum."),
    MILESTONE_COLUMNS,
    children(Milestone),
    keywords=(_("Zeitplan"),),
    order=30,
    filters=(MEASURE_FILTER,),
    writes=_child_writes(forms.MilestoneForm, save_with_user=True),
)
BENEFITS = Table(
    "benefits",
    _("Nutzenregister der Digitalisierungsmaßnahmen"),
    _("Nutzen mit Kennzahl, Ausgangs-, Ziel- und Messwert."),
    BENEFIT_COLUMNS,
    _benefits,
    keywords=(_("Nutzen"),),
    order=40,
    filters=(MEASURE_FILTER,),
)
FIGURES = Table(
    "figures",
    _("Wirtschaftlichkeitskennzahlen der Digitalisierungsmaßnahmen"),
    _("Berechnete Summen und Kapitalwerte je Maßnahme aus den öffentlichen Kosten- und Nutzenzeilen."),
    FIGURE_COLUMNS,
    _figures,
    keywords=(_("Kapitalwert"), _("WiBe")),
    order=50,
)
STRATEGIES = Table(
    "strategies",
    _("Digitalisierungsstrategien"),
    _("Strategien mit Beschluss und Fassung."),
    STRATEGY_COLUMNS,
    _strategies,
    keywords=(_("Strategie"),),
    order=60,
)
FIELDS_OF_ACTION = Table(
    "fields_of_action",
    _("Handlungsfelder der Digitalisierung"),
    _("Handlungsfelder der Strategien."),
    FIELD_COLUMNS,
    _fields,
    keywords=(_("Strategie"),),
    order=70,
)
