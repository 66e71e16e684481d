"""Bridge from the database to the pure economics package: build inputs, appraise, explain.

The economics package knows nothing of Django; this module turns measures, lines and the
municipality's parameters into its plain dataclasses and keeps the conversion traceable
(hours × wage rate × overhead is written into each line's label and the explanation). The
municipality's parameters come from ``core.parameters.ParameterSet``.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from digitalbilanz import economics as eco
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.templatetags.dbformat import de_number
from digitalbilanz.portfolio.choices import LineGroup, LineKind


def to_eco_line(line, params: ParameterSet) -> eco.Line:
    """One database line as an economics line in euros."""
    if line.hours is not None:
        rate = params.hourly_cost(line.career_level)
        factor = rate
        label = _("%(label)s (%(hours)s h × %(rate)s €/h inkl. Gemeinkosten)") % {
            "label": line.label,
            "hours": de_number(line.hours, 1),
            "rate": de_number(rate, 2),
        }
        amount = float(line.hours) * rate
    else:
        factor, label, amount = 1.0, line.label, float(line.amount)
    if line.derivation_id is not None:
        label = _("%(label)s [berechnet aus „%(source)s“]") % {
            "label": label,
            "source": line.derivation.source_label,
        }
    return eco.Line(
        year=line.year,
        kind=line.kind,
        budget_relevant=line.budget_relevant,
        amount=amount,
        low=float(line.low) * factor if line.low is not None else None,
        high=float(line.high) * factor if line.high is not None else None,
        risk_surcharge=float(line.risk_surcharge) / 100,
        label=label,
        group=line.group,
        ref=f"line:{line.pk}",
    )


def measure_parameters(measure, params: ParameterSet, lines) -> eco.Parameters:
    start = (
        measure.start_date.year
        if measure.start_date
        else min((line.year for line in lines), default=measure.first_year)
    )
    levels = {line.career_level for line in lines if line.hours is not None}
    return params.economics_parameters(start, levels)


@dataclass
class MeasureFigures:
    """What the UI shows for a measure: appraisal plus plain totals."""

    appraisal: eco.Appraisal | None
    error: str = ""
    investment: float = 0.0
    running_costs: float = 0.0
    cash_savings: float = 0.0
    work_hours: float = 0.0
    work_hours_peak: float = 0.0
    total_cost: float = 0.0
    hours_by_year: dict[int, float] = field(default_factory=dict)

    @property
    def unappraisable(self) -> bool:
        """The lines could not be appraised (e.g. a line outside the appraisal period that an old
        import or a changed horizon left behind): the measure is flagged with ``error`` and left
        out of every portfolio total instead of taking the page down."""
        return bool(self.error)


def figures_for(measure, params: ParameterSet, lines=None) -> MeasureFigures:
    """Appraise one measure from the given (already visibility-filtered) lines."""
    lines = list(measure.lines.all() if lines is None else lines)
    figures = MeasureFigures(appraisal=None)
    for line in lines:
        _add_totals(figures, line, params)
    if figures.hours_by_year:
        figures.work_hours_peak = max(figures.hours_by_year.values())
    if not lines:
        return figures
    try:
        eco_lines = [to_eco_line(line, params) for line in lines]
        figures.appraisal = eco.appraise(eco_lines, measure_parameters(measure, params, lines))
    except eco.EconomicsError as exc:
        figures.error = str(exc)
    return figures


def _add_totals(figures: MeasureFigures, line, params: ParameterSet):
    euros = (
        float(line.amount)
        if line.amount is not None
        else float(line.hours) * params.hourly_cost(line.career_level)
    )
    if line.kind == LineKind.COST:
        figures.total_cost += euros
        if line.group == LineGroup.DEVELOPMENT:
            figures.investment += euros
        else:
            figures.running_costs += euros
    elif line.budget_relevant:
        figures.cash_savings += euros
    else:
        figures.work_hours += float(line.hours or 0)
        if line.hours:
            figures.hours_by_year[line.year] = figures.hours_by_year.get(line.year, 0) + float(line.hours)


def eco_inputs(measures, params: ParameterSet, lines_by_measure):
    """Lines and parameters for many measures, keyed by measure code (skips measures that cannot
    be appraised, so that one inconsistent record never stops the simulation of the others)."""
    lines, parameters = {}, {}
    for measure in measures:
        own = lines_by_measure.get(measure.pk, [])
        if not own:
            continue
        try:
            eco_lines = [to_eco_line(line, params) for line in own]
            measure_params = measure_parameters(measure, params, own)
            eco.validate_lines(eco_lines, measure_params)
        except eco.EconomicsError:
            continue
        lines[measure.code], parameters[measure.code] = eco_lines, measure_params
    return lines, parameters


def as_decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 2)))


def criteria_scores(measure) -> dict:
    """Q and E utility scores of a measure's criteria (WiBe): per module the criteria, the score
    (None while weights or scores are missing) and a German error for invalid input."""
    result = {}
    for module in ("Q", "E"):
        items = [c for c in measure.criteria.all() if c.module == module]
        if not items or any(c.score is None for c in items):
            result[module] = {"items": items, "score": None, "error": ""}
            continue
        try:
            score = eco.score(
                [
                    eco.Criterion(key=str(c.pk), label=c.label, weight=float(c.weight) / 100, score=c.score)
                    for c in items
                ]
            )
            result[module] = {"items": items, "score": score, "error": ""}
        except eco.EconomicsError as exc:
            result[module] = {"items": items, "score": None, "error": str(exc)}
    return result
