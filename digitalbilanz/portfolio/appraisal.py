"""Bridge from the database to the pure economics package: build inputs, appraise, explain.

The economics package knows nothing of Django; this module turns measures, lines and the
municipality's parameters into its plain dataclasses and keeps the conversion traceable
(hours × wage rate × overhead is written into each line's label and the explanation). The
municipality's parameters come from ``core.parameters.ParameterSet``.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from digitalbilanz import economics as eco
from digitalbilanz.core.choices import PublicFigures
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.templatetags.dbformat import de_number
from digitalbilanz.portfolio.choices import LineGroup, LineKind

# Folding needs at least this many non-public lines in the same year, kind and budget relevance:
# a single folded line could be read off by subtracting the public lines from the total.
MIN_FOLDED = 2


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


def line_euros(line, params: ParameterSet) -> float:
    return (
        float(line.amount)
        if line.amount is not None
        else float(line.hours) * params.hourly_cost(line.career_level)
    )


def start_year(measure, lines) -> int:
    """Year 0 of the appraisal: the measure's start date, else the first year of *all* its
    lines (readable or not), so that hiding a line never moves year 0 of a public figure."""
    if measure.start_date:
        return measure.start_date.year
    years = [line.year for line in lines] + [line.year for line in getattr(measure, "withheld_lines", ())]
    return min(years, default=measure.first_year)


def measure_parameters(measure, params: ParameterSet, lines) -> eco.Parameters:
    levels = {line.career_level for line in lines if line.hours is not None}
    return params.economics_parameters(start_year(measure, lines), levels)


@dataclass
class PublicLines:
    """The lines a figure is computed from: the readable ones plus folded groups of the others."""

    lines: list  # readable database lines
    folded: list  # eco.Line per (year, kind, budget relevance) of at least MIN_FOLDED withheld lines
    folded_count: int = 0  # withheld lines inside the folded groups
    omitted_count: int = 0  # withheld lines left out of the figures (the notice)


def public_lines(measure, params: ParameterSet, lines=None) -> PublicLines:
    """The one rule for figures shown to readers who may not see every line (page, card, report,
    open data, API): lines the reader may not see (``measure.withheld_lines``, prefetched by
    ``queries.measures_for_levels``) are left out and counted, or — where the municipality chose
    folding, or an editor marked the line „Betrag vertraulich, in Summen enthalten“ — folded into
    one "nicht einzeln veröffentlichte Positionen" line per year, kind and budget relevance, but
    only where at least ``MIN_FOLDED`` such lines fall together (a lone line is never folded)."""
    lines = list(measure.lines.all() if lines is None else lines)
    withheld = list(getattr(measure, "withheld_lines", ()))
    result = PublicLines(lines=lines, folded=[])
    if not withheld:
        return result
    mode = measure.municipality.public_figures
    groups: dict[tuple, list] = {}
    for line in withheld:
        if (line.public_totals or mode) == PublicFigures.FOLD:
            groups.setdefault((line.year, line.kind, line.budget_relevant), []).append(line)
        else:
            result.omitted_count += 1
    for (year, kind, budget_relevant), members in sorted(groups.items()):
        if len(members) < MIN_FOLDED:
            result.omitted_count += len(members)
            continue
        result.folded_count += len(members)
        result.folded.append(_folded_line(year, kind, budget_relevant, members, params))
    return result


def _folded_line(year, kind, budget_relevant, members, params) -> eco.Line:
    amounts = [line_euros(line, params) for line in members]
    total = sum(amounts)
    rates = [float(line.risk_surcharge) / 100 for line in members]
    if kind == LineKind.COST:  # KN/R: Σ a(1 + r) = A(1 + r̄)
        adjusted = sum(a * (1 + r) for a, r in zip(amounts, rates, strict=True))
        risk = adjusted / total - 1 if total else 0.0
    else:  # Σ a·max(0, 1 − r) = A(1 − r̄)
        adjusted = sum(a * max(0.0, 1 - r) for a, r in zip(amounts, rates, strict=True))
        risk = 1 - adjusted / total if total else 0.0
    return eco.Line(
        year=year,
        kind=kind,
        budget_relevant=budget_relevant,
        amount=total,
        risk_surcharge=risk,
        label=_("nicht einzeln veröffentlichte Positionen (%(n)s Zeilen)") % {"n": len(members)},
        ref=f"folded:{year}:{kind}:{'h' if budget_relevant else 'nh'}",
    )


@dataclass
class MeasureFigures:
    """What the UI shows for a measure: appraisal plus plain totals."""

    appraisal: eco.Appraisal | None
    error: str = ""
    investment: float = 0.0
    running_costs: float = 0.0
    cash_savings: float = 0.0
    noncash_benefits: float = 0.0  # benefit not in the budget, in euros (hours converted)
    work_hours: float = 0.0
    work_hours_peak: float = 0.0
    total_cost: float = 0.0
    hours_by_year: dict[int, float] = field(default_factory=dict)
    withheld_costs: float = 0.0  # folded non-public costs (nominal), never split by group
    withheld_benefits: float = 0.0
    folded_count: int = 0
    omitted_count: int = 0

    @property
    def notice(self) -> str:
        """The notice every partial figure carries ("" when the figure is complete)."""
        if not self.omitted_count:
            return ""
        return ngettext(
            "berechnet ohne %(n)s nicht öffentliche Zeile",
            "berechnet ohne %(n)s nicht öffentliche Zeilen",
            self.omitted_count,
        ) % {"n": self.omitted_count}

    @property
    def folded_notice(self) -> str:
        if not self.folded_count:
            return ""
        return ngettext(
            "enthält %(n)s nicht einzeln veröffentlichte Zeile, je Jahr und Art zusammengefasst",
            "enthält %(n)s nicht einzeln veröffentlichte Zeilen, je Jahr und Art zusammengefasst "
            "(nur wo mindestens zwei zusammenfallen)",
            self.folded_count,
        ) % {"n": self.folded_count}

    @property
    def unappraisable(self) -> bool:
        """The lines could not be appraised (e.g. a line outside the appraisal period that an old
        import or a changed horizon left behind): the measure is flagged with ``error`` and left
        out of every portfolio total instead of taking the page down."""
        return bool(self.error)


def figures_for(measure, params: ParameterSet, lines=None) -> MeasureFigures:
    """Appraise one measure from the given (already visibility-filtered) lines."""
    chosen = public_lines(measure, params, lines)
    lines = chosen.lines
    figures = MeasureFigures(
        appraisal=None, folded_count=chosen.folded_count, omitted_count=chosen.omitted_count
    )
    for line in lines:
        _add_totals(figures, line, params)
    for line in chosen.folded:
        if line.kind == LineKind.COST:
            figures.withheld_costs += line.amount
            figures.total_cost += line.amount
        else:
            figures.withheld_benefits += line.amount
    if figures.hours_by_year:
        figures.work_hours_peak = max(figures.hours_by_year.values())
    if not lines and not chosen.folded:
        return figures
    try:
        eco_lines = [to_eco_line(line, params) for line in lines] + chosen.folded
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
        figures.noncash_benefits += euros
        figures.work_hours += float(line.hours or 0)
        if line.hours:
            figures.hours_by_year[line.year] = figures.hours_by_year.get(line.year, 0) + float(line.hours)


def eco_inputs(measures, params: ParameterSet):
    """Lines and parameters for many measures, keyed by measure code (skips measures that cannot
    be appraised, so that one inconsistent record never stops the simulation of the others).
    The same lines as ``figures_for`` (``public_lines``); folded groups are fixed amounts."""
    lines, parameters = {}, {}
    for measure in measures:
        chosen = public_lines(measure, params)
        own = chosen.lines
        if not own and not chosen.folded:
            continue
        try:
            eco_lines = [to_eco_line(line, params) for line in own] + chosen.folded
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
