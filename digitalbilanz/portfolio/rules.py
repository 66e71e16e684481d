"""Business rules of the portfolio that do not need the database (documented in docs/methods.md).

RAG rule for a measure (only for measures that are planned, in progress or on hold):

* red   – an open milestone is late by more than 90 days against its baseline, or its forecast
          date has passed without it being reached, or costs exceed the planned cost by > 20 %;
* amber – an open milestone is late by more than 30 days, or costs exceed the plan by > 10 %;
* green – otherwise.
Completed measures are green, ideas and cancelled measures are not rated.
"""

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext as _

from digitalbilanz.portfolio.choices import (
    DEFAULT_PROGRESS,
    BenefitStatus,
    LineKind,
    MeasureStatus,
    Rag,
)

RED_SLIP_DAYS = 90
AMBER_SLIP_DAYS = 30
RED_OVERRUN = Decimal("0.20")
AMBER_OVERRUN = Decimal("0.10")
# A benefit is "at risk" when its realised share falls this far behind the straight-line path.
BENEFIT_TOLERANCE = Decimal("0.8")


def effective_progress(status: str, progress: int | None) -> int | None:
    if progress is not None:
        return progress
    return DEFAULT_PROGRESS.get(MeasureStatus(status))


def cost_overrun(measure, total_cost: Decimal | None) -> Decimal | None:
    """Relative overrun of the current total cost against the planned cost, or None."""
    if not measure.baseline_cost or total_cost is None:
        return None
    return (Decimal(total_cost) - measure.baseline_cost) / measure.baseline_cost


def rag(measure, total_cost: Decimal | None = None, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    if measure.status in (MeasureStatus.IDEA, MeasureStatus.CANCELLED):
        return Rag.NONE
    if measure.status == MeasureStatus.COMPLETED:
        return Rag.GREEN
    open_milestones = [m for m in measure.milestones.all() if m.actual_date is None]
    slip = max((m.slip_days for m in open_milestones), default=0)
    overdue = any(m.forecast_date < today for m in open_milestones)
    overrun = cost_overrun(measure, total_cost) or Decimal("0")
    if slip > RED_SLIP_DAYS or overdue or overrun > RED_OVERRUN:
        return Rag.RED
    if slip > AMBER_SLIP_DAYS or overrun > AMBER_OVERRUN:
        return Rag.AMBER
    return Rag.GREEN


def line_errors(line) -> dict:
    """Validation of a cost/benefit line; German messages keyed by field."""
    errors = {}
    has_amount = line.amount is not None
    has_hours = line.hours is not None
    if has_amount == has_hours:
        errors["amount"] = _("Bitte entweder einen Betrag in € oder Stunden angeben (genau eins).")
    if has_hours and not line.career_level:
        errors["career_level"] = _("Für Stunden wird die Laufbahngruppe (Lohnsatz) benötigt.")
    if has_hours and line.hours is not None and line.hours < 0:
        errors["hours"] = _("Stunden dürfen nicht negativ sein.")
    value = line.amount if has_amount else line.hours
    if value is not None and (line.low is not None or line.high is not None):
        if line.low is None or line.high is None:
            errors["low"] = _("Für eine Spanne bitte niedrige und hohe Schätzung angeben.")
        elif not (line.low <= value <= line.high):
            errors["low"] = _("Es muss gelten: niedrig ≤ wahrscheinlich ≤ hoch.")
    if line.year is not None and not (1990 <= line.year <= 2100):
        errors["year"] = _("Das Jahr muss zwischen 1990 und 2100 liegen.")
    if line.kind == LineKind.BENEFIT and line.risk_surcharge and line.risk_surcharge > 100:
        errors["risk_surcharge"] = _("Ein Risikoabschlag auf Nutzen kann höchstens 100 % betragen.")
    return errors


def benefit_status(benefit, today: dt.date) -> str:
    """On track / at risk / missed / realised, from measurements, target and milestone."""
    latest = benefit.latest_measurement
    current = latest.value if latest else benefit.baseline_value
    span = benefit.target_value - benefit.baseline_value
    reached = (current - benefit.baseline_value) / span if span else Decimal("1")
    if reached >= 1:
        return BenefitStatus.REALISED
    if today > benefit.target_date:
        # Without any measurement nobody knows whether it was missed: say so.
        return BenefitStatus.MISSED if latest else BenefitStatus.NOT_MEASURED
    if benefit.milestone_slipped:
        return BenefitStatus.AT_RISK
    total_days = (benefit.target_date - benefit.baseline_date).days or 1
    elapsed = Decimal(max(0, ((latest.measured_on if latest else today) - benefit.baseline_date).days))
    expected = min(Decimal(1), elapsed / total_days)
    if latest and reached < expected * BENEFIT_TOLERANCE:
        return BenefitStatus.AT_RISK
    return BenefitStatus.ON_TRACK


def dependency_conflicts(milestones) -> dict:
    """Milestones dated before the milestone they depend on ("after"), each mapped to that
    predecessor. Only the given milestones count: pass the ones the reader may read, so a
    hidden predecessor is never named. A warning, not an error: moving a predecessor must not
    require editing every milestone after it first."""
    milestones = list(milestones)
    by_pk = {m.pk: m for m in milestones}
    out = {}
    for milestone in milestones:
        before = by_pk.get(milestone.after_id)
        if before is not None and milestone.date < before.date:
            out[milestone.pk] = before
    return out
