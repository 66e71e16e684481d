"""Portfolio figures for the dashboard (and later the report): totals, counts, flags."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings

from digitalbilanz import economics as eco
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portfolio.appraisal import MeasureFigures, eco_inputs, figures_for
from digitalbilanz.portfolio.choices import BenefitStatus, MeasureStatus, Rag

# The Monte Carlo's seed: every simulation of the product uses it, so every published range can be
# redrawn (published with the draws in the ``parameters`` open-data table).
MC_SEED = 20231231
# Draws of the public overview (fewer if the setting is lower): ``public_mc_draws()``.
OVERVIEW_DRAWS = 500


def public_mc_draws() -> int:
    return min(OVERVIEW_DRAWS, settings.DIGITALBILANZ_MC_DRAWS)


@dataclass
class MeasureRow:
    measure: object
    figures: MeasureFigures
    rag: str


@dataclass
class PortfolioSummary:
    rows: list[MeasureRow]
    params: ParameterSet
    investment: float = 0.0
    running_costs: float = 0.0
    cash_savings: float = 0.0
    noncash_benefits: float = 0.0
    work_hours: float = 0.0
    work_hours_peak: float = 0.0
    npv_kn: float = 0.0
    npv_kn_h: float = 0.0
    npv_kn_nh: float = 0.0
    npv_kn_r: float = 0.0
    by_status: list = field(default_factory=list)
    by_rag: dict = field(default_factory=dict)
    slipped: list = field(default_factory=list)
    lacking_benefit: list = field(default_factory=list)
    unappraisable: list = field(default_factory=list)  # rows left out of every total, with reason
    benefits: list = field(default_factory=list)
    benefits_by_status: dict = field(default_factory=dict)
    monte_carlo: object = None
    yearly: dict = field(default_factory=dict)
    omitted_count: int = 0  # non-public lines left out of the figures, over all measures
    folded_count: int = 0

    @property
    def notice(self) -> str:
        """Same notice as ``MeasureFigures.notice``, for the portfolio totals."""
        return MeasureFigures(appraisal=None, omitted_count=self.omitted_count).notice

    @property
    def mc_prob_positive_pct(self) -> float | None:
        if self.monte_carlo is None:
            return None
        return self.monte_carlo.portfolio.npv_nonnegative_probability * 100

    @property
    def fte_peak(self) -> float:
        return self.work_hours_peak / self.params.hours_per_fte if self.work_hours_peak else 0.0


def summarise(
    measures, params: ParameterSet, today: dt.date | None = None, draws=None, monte_carlo=True
) -> PortfolioSummary:
    """Totals over the given measures (already visibility-filtered, see ``queries``)."""
    today = today or dt.date.today()
    measures = list(measures)
    summary = PortfolioSummary(rows=[], params=params)
    hours_by_year: dict[int, float] = {}
    for measure in measures:
        figures = figures_for(measure, params)
        row = MeasureRow(measure, figures, measure.rag(figures.total_cost, today))
        summary.rows.append(row)
        summary.omitted_count += figures.omitted_count
        summary.folded_count += figures.folded_count
        if figures.unappraisable:
            summary.unappraisable.append(row)
        else:
            _accumulate(summary, figures, hours_by_year)
        if measure.lacks_benefit:
            summary.lacking_benefit.append(measure)
        summary.benefits.extend((measure, b, b.status(today)) for b in measure.benefits.all())
        summary.slipped.extend(
            (measure, m)
            for m in measure.milestones.all()
            if m.actual_date is None and m.delay_days(today) > 0  # moved, or past its forecast
        )
    summary.work_hours_peak = max(hours_by_year.values(), default=0.0)
    counts = Counter(m.status for m in measures)
    summary.by_status = [(s.label, counts.get(s.value, 0)) for s in MeasureStatus]
    rags = Counter(row.rag for row in summary.rows)
    summary.by_rag = {r.value: rags.get(r.value, 0) for r in Rag}
    summary.slipped.sort(key=lambda pair: -pair[1].delay_days(today))
    statuses = Counter(status for _, _, status in summary.benefits)
    summary.benefits_by_status = {s.value: statuses.get(s.value, 0) for s in BenefitStatus}
    # Lists show no ranges: they leave the simulation out (``monte_carlo=False``).
    summary.monte_carlo = _monte_carlo(measures, params, draws) if monte_carlo else None
    return summary


def _accumulate(summary, figures, hours_by_year):
    summary.investment += figures.investment
    summary.running_costs += figures.running_costs
    summary.cash_savings += figures.cash_savings
    summary.noncash_benefits += figures.noncash_benefits
    summary.work_hours += figures.work_hours
    for year, hours in figures.hours_by_year.items():
        hours_by_year[year] = hours_by_year.get(year, 0.0) + hours
    appraisal = figures.appraisal
    if appraisal is None:
        return
    summary.npv_kn += appraisal.npv_kn
    summary.npv_kn_h += appraisal.npv_kn_h
    summary.npv_kn_nh += appraisal.npv_kn_nh
    summary.npv_kn_r += appraisal.npv_kn_r
    for row in appraisal.yearly:
        if row.costs or row.benefits:  # years of the horizon without any flow are left out
            summary.yearly[row.year] = summary.yearly.get(row.year, 0.0) + row.balance


def _monte_carlo(measures, params, draws):
    lines, parameters = eco_inputs(measures, params)
    if not lines:
        return None
    try:
        return eco.monte_carlo(
            lines, parameters, draws=draws or settings.DIGITALBILANZ_MC_DRAWS, seed=MC_SEED
        )
    except eco.EconomicsError:  # e.g. not finite: the totals stand, the range is left out
        return None
