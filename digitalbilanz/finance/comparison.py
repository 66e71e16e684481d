"""The comparison for the budget plan (Gegenüberstellung), built once from the database.

:func:`build_comparison` reads the measures' lines and their assignment to product groups
through the visibility rule and hands plain entries to ``economics.budget_plan``; the page, the
report chapter (through :func:`as_section`) and the workbook (``finance/workbook.py``) all render
the one :class:`BudgetPlanComparison` it returns, so their totals cannot differ.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.economics import budget_plan as bp
from digitalbilanz.finance.choices import BudgetStage
from digitalbilanz.finance.models import BudgetAssignment, BudgetStatus
from digitalbilanz.portfolio.models import Line

COLUMN_FORMATS = {
    "investment": "eur",
    "running_costs": "eur",
    "cash_savings": "eur",
    "work_hours": "hours",
    "work_fte": "fte",
    "work_value": "eur",
    "net_effect": "eur",
}


def column_label(key) -> str:
    labels = {
        "investment": _("Investition (einmalig)"),
        "running_costs": _("laufende Kosten"),
        "cash_savings": _("Einsparungen (haushaltswirksam)"),
        "work_hours": _("Arbeitsverbesserung (Std.)"),
        "work_fte": _("Arbeitsverbesserung (VZÄ)"),
        "work_value": _("Arbeitsverbesserung (€-Wert)"),
        "net_effect": _("Nettoeffekt (haushaltswirksam)"),
    }
    return labels[key]


@dataclass
class BudgetPlanComparison:
    municipality: object
    comparison: bp.Comparison
    hours_per_fte: float
    unassigned_label: str

    @property
    def budget_year(self):
        return self.comparison.budget_year

    @property
    def years(self):
        return self.comparison.years

    def group_label(self, key) -> str:
        return key or self.unassigned_label

    def table(self):
        """Rows for display: (product group, measure, {year: Cell}, unassigned); subtotals per
        group after its measures (measure ""), the grand total last (group None)."""
        rows = []
        groups = self.comparison.groups()
        for group, subtotal in groups.items():
            for key, cells in self.comparison.rows.items():
                if key[0] == group:
                    rows.append((self.group_label(group), key[1], cells, not group))
            rows.append((self.group_label(group), "", subtotal, not group))
        rows.append((None, "", self.comparison.totals, False))
        return rows


def default_budget_year(municipality, levels, today=None) -> int:
    """The budget in preparation on ``today`` (the comparison is made for it), else next year.

    A report edition passes its reference date, so an edition shows the budget of its own time.
    """
    today = today or dt.date.today()
    preparing = (
        BudgetStatus.objects.for_municipality(municipality)
        .with_levels(levels)
        .filter(stage=BudgetStage.PREPARATION, year__lte=today.year + 1)
        .order_by("-year")
        .first()
    )
    return preparing.year if preparing else today.year + 1


FIRST_YEAR, LAST_YEAR = 1990, 2200


def chosen_budget_year(raw, municipality, levels) -> int:
    """The budget year of a ``?jahr=`` choice; empty → the default; else a German ``ValidationError``."""
    from django.core.exceptions import ValidationError

    raw = (raw or "").strip()
    if not raw:
        return default_budget_year(municipality, levels)
    if not (raw.isascii() and raw.isdigit()) or not FIRST_YEAR <= int(raw) <= LAST_YEAR:
        raise ValidationError(
            _("Das Haushaltsjahr muss eine Jahreszahl von %(a)s bis %(b)s sein (angegeben: „%(v)s“).")
            % {"a": FIRST_YEAR, "b": LAST_YEAR, "v": raw[:20]}
        )
    return int(raw)


def build_comparison(municipality, levels, budget_year: int) -> BudgetPlanComparison:
    """The comparison of the budget year and the three planning years for these levels."""
    params = ParameterSet.for_municipality(municipality)
    years = range(budget_year, budget_year + bp.PLANNING_YEARS + 1)
    assignments = list(
        BudgetAssignment.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("product_group")
    )
    by_measure = {}
    for a in assignments:
        by_measure.setdefault(a.measure_id, []).append(a)
    lines = (
        Line.objects.for_municipality(municipality)
        .with_levels(levels)
        .filter(year__in=list(years))
        .select_related("measure")
        .order_by("measure__code", "year", "pk")
    )
    entries = []
    for line in lines:
        group = next(
            (str(a.product_group) for a in by_measure.get(line.measure_id, []) if a.covers(line.year)), ""
        )
        entries.append(
            bp.Entry(
                row=(group, f"{line.measure.code} {line.measure.title}"),
                year=line.year,
                kind=line.kind,
                group=line.group,
                budget_relevant=line.budget_relevant,
                euros=line_euros(line, params),
                hours=line.hours,
                ref=f"line:{line.pk}",
            )
        )
    comparison = bp.compare(entries, budget_year, params.hours_per_fte)
    return BudgetPlanComparison(
        municipality, comparison, params.hours_per_fte, _("ohne Zuordnung zu einer Produktgruppe")
    )


def line_euros(line, params):
    """A line in euros, rounded to cents: the amount, or hours × full hourly cost (methods §1, §3)."""
    if line.amount is not None:
        return bp.cents(line.amount)
    return bp.cents(float(line.hours) * params.hourly_cost(line.career_level))


def as_section(result: BudgetPlanComparison) -> dict:
    """The comparison as JSON for the report snapshot (numbers as floats)."""

    def cells(by_year):
        return {str(y): {k: float(v) for k, v in c.values().items()} for y, c in by_year.items()}

    return {
        "budget_year": result.budget_year,
        "years": result.years,
        "hours_per_fte": result.hours_per_fte,
        "rows": [
            {"group": group, "measure": measure, "cells": cells(by_year), "unassigned": flag}
            for group, measure, by_year, flag in result.table()
        ],
    }


def comparison_context(result: BudgetPlanComparison) -> dict:
    """What the page templates need: the result, the columns with labels and the rows."""
    return {"result": result, "columns": [(c, column_label(c)) for c in bp.COLUMNS], "rows": result.table()}
