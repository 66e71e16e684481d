"""Bridge between the database and ``economics.delivery``: the computed rating of a measure from
the portfolio's own figures (``portfolio.rules``: slip, cost overrun, benefit status), the
thresholds from the parameters, and the consequences of a rating (follow-up review)."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from digitalbilanz import economics as eco
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.economics import delivery
from digitalbilanz.portfolio import rules
from digitalbilanz.portfolio.appraisal import figures_for
from digitalbilanz.portfolio.choices import BenefitCategory, BenefitStatus, MeasureStatus
from digitalbilanz.steering import parameters as p
from digitalbilanz.steering import periods
from digitalbilanz.steering.models import FollowUpReview, Rating, Review

TROUBLED = {BenefitStatus.AT_RISK, BenefitStatus.MISSED}
HUNDRED = Decimal(100)


def thresholds(params: ParameterSet) -> delivery.Thresholds:
    def d(spec):
        return Decimal(str(params.number(spec.key)))

    return delivery.Thresholds(
        schedule_amber_days=d(p.SCHEDULE_AMBER),
        schedule_red_days=d(p.SCHEDULE_RED),
        cost_amber=d(p.COST_AMBER) / HUNDRED,
        cost_red=d(p.COST_RED) / HUNDRED,
        benefit_amber=d(p.BENEFIT_AMBER) / HUNDRED,
        benefit_red=d(p.BENEFIT_RED) / HUNDRED,
    )


def describe(t: delivery.Thresholds) -> str:
    return _(
        "Termin: gelb über %(sa)s Tage, rot über %(sr)s Tage; Kosten: gelb über %(ca)s %%, rot über "
        "%(cr)s %%; Nutzen: gelb über %(ba)s %%, rot über %(br)s %% gefährdet/verfehlt"
    ) % {
        "sa": int(t.schedule_amber_days),
        "sr": int(t.schedule_red_days),
        "ca": f"{t.cost_amber * 100:g}",
        "cr": f"{t.cost_red * 100:g}",
        "ba": f"{t.benefit_amber * 100:g}",
        "br": f"{t.benefit_red * 100:g}",
    }


@dataclass
class Assessment:
    """The computed rating of a measure today, each dimension with its figure."""

    schedule_days: int | None
    cost_overrun_pct: Decimal | None
    benefit_share_pct: Decimal | None
    computed: delivery.Computed
    thresholds: str

    @property
    def overall(self) -> str:
        return self.computed.overall


def assess(measure, params: ParameterSet, today: dt.date) -> Assessment:
    """Figures from ``portfolio.rules`` (the same as the traffic light), rated with the thresholds.

    Raises ``ValidationError`` with a German message if the thresholds contradict each other."""
    t = thresholds(params)
    open_ones = [m for m in measure.milestones.all() if m.actual_date is None]
    slip = max((m.slip_days for m in open_ones), default=None)
    if any(m.is_overdue(today) for m in open_ones):
        # an open milestone whose forecast has passed counts as late since its baseline at least
        slip = max(slip or 0, max((today - m.baseline_date).days for m in open_ones if m.is_overdue(today)))
    if measure.status == MeasureStatus.COMPLETED:
        slip = None
    figures = figures_for(measure, params)
    overrun = rules.cost_overrun(measure, Decimal(str(figures.total_cost)) if figures.total_cost else None)
    benefits = [b for b in measure.benefits.all() if b.category != BenefitCategory.DIS_BENEFIT]
    share = None
    if benefits:
        troubled = sum(1 for b in benefits if rules.benefit_status(b, today) in TROUBLED)
        share = Decimal(troubled) / Decimal(len(benefits))
    try:
        computed = delivery.compute(slip, overrun, share, t)
    except eco.EconomicsError as exc:
        raise ValidationError(exc.message) from None
    return Assessment(
        schedule_days=slip,
        cost_overrun_pct=(overrun * HUNDRED).quantize(Decimal("0.1")) if overrun is not None else None,
        benefit_share_pct=(share * HUNDRED).quantize(Decimal("0.1")) if share is not None else None,
        computed=computed,
        thresholds=describe(t),
    )


def fill(rating: Rating, measure, today: dt.date, params: ParameterSet | None = None) -> Rating:
    """Put today's computed rating (figures, dimensions, thresholds) into ``rating``."""
    params = params or ParameterSet.for_municipality(measure.municipality)
    assessment = assess(measure, params, today)
    rating.measure = measure
    rating.municipality = measure.municipality
    rating.rated_on = today
    rating.schedule_days = assessment.schedule_days
    rating.schedule_rating = assessment.computed.schedule or ""
    rating.cost_overrun_pct = assessment.cost_overrun_pct
    rating.cost_rating = assessment.computed.cost or ""
    rating.benefit_share_pct = assessment.benefit_share_pct
    rating.benefit_rating = assessment.computed.benefits or ""
    rating.computed = assessment.overall
    rating.thresholds = assessment.thresholds
    return rating


def after_rating(rating: Rating, user, today: dt.date):
    """Consequences of a stored rating: follow-up review if red, the measure counts as reviewed."""
    follow_up_for(rating, ParameterSet.for_municipality(rating.municipality))
    record_review(rating.measure, user, today, _("bewertet"))


def rate(measure, *, owner_rating, owner_reason, user=None, today=None, visibility=None, reason=None):
    """Store the rating of the current period (for scripts and the demo; pages use the form).

    All or nothing: a refused rating leaves no row behind."""
    today = today or dt.date.today()
    period = periods.period_of(today)
    with transaction.atomic():
        rating = Rating.objects.filter(measure=measure, period=period).first() or Rating(period=period)
        fill(rating, measure, today)
        rating.visibility = visibility or rating.visibility or measure.visibility
        rating.owner_rating = owner_rating
        rating.owner_reason = (owner_reason or "").strip()
        rating.rated_by = user if user is not None and user.is_authenticated else None
        rating.full_clean()
        rating._change_reason = reason or _("Lieferzuversicht bewertet")
        rating.save()
        after_rating(rating, user, today)
    return rating


def follow_up_for(rating: Rating, params: ParameterSet):
    """A red rating gets its follow-up review (one per rating), due some months after the period."""
    if delivery.worse(rating.computed, rating.owner_rating) != delivery.RED:
        return None
    existing = FollowUpReview.objects.filter(rating=rating).first()
    if existing:
        return existing
    months = int(params.number(p.FOLLOW_UP_MONTHS.key))
    return FollowUpReview.objects.create(
        rating=rating,
        municipality=rating.municipality,
        visibility=rating.visibility,
        due_date=periods.add_months(rating.rated_on, months),
    )


def record_review(measure, user, today, note):
    return Review.objects.create(
        measure=measure,
        municipality=measure.municipality,
        visibility=measure.visibility,
        reviewed_on=today,
        reviewed_by=user if user is not None and user.is_authenticated else None,
        note=note,
    )


def is_stale(last_review_on, today: dt.date) -> bool:
    """Not reviewed within the current report period: „nicht aktualisiert“."""
    start, _end = periods.bounds(periods.period_of(today))
    return last_review_on is None or last_review_on < start


@dataclass
class Row:
    """One measure on the steering pages: its ratings by period, trend, freshness."""

    measure: object
    ratings: list
    last_review: object
    stale: bool

    @property
    def current(self):
        return self.ratings[-1] if self.ratings else None

    @property
    def trend(self) -> str:
        return delivery.trend([r.published for r in self.ratings])


def rows(measures, ratings, reviews, today: dt.date) -> list[Row]:
    """Rows for already visibility-filtered measures, ratings and reviews."""
    by_measure: dict[int, list] = {}
    for r in sorted(ratings, key=lambda r: r.period):
        by_measure.setdefault(r.measure_id, []).append(r)
    last: dict[int, object] = {}
    for v in reviews:
        if v.measure_id not in last or (v.reviewed_on, v.pk) > (
            last[v.measure_id].reviewed_on,
            last[v.measure_id].pk,
        ):
            last[v.measure_id] = v
    result = []
    for m in measures:
        if m.status in (MeasureStatus.IDEA, MeasureStatus.CANCELLED):
            continue
        review = last.get(m.pk)
        result.append(
            Row(m, by_measure.get(m.pk, []), review, is_stale(review.reviewed_on if review else None, today))
        )
    return result


def original_baselines(milestones, rebaselines) -> dict:
    """Milestone id → its original baseline (the first re-baseline's original, else the current)."""
    first = {}
    for r in sorted(rebaselines, key=lambda r: (r.approved_on, r.pk)):
        first.setdefault(r.milestone_id, r.original_date)
    return {m.pk: first.get(m.pk, m.baseline_date) for m in milestones}


def rebaseline(
    milestone,
    *,
    new_date,
    reason,
    approval,
    resolution="",
    approved_by=None,
    approved_on=None,
    visibility=None,
):
    """Apply an approved re-baseline: the milestone gets the new baseline, the original is kept.

    All or nothing; refused (``ValidationError``, German) without reason or approval."""
    from digitalbilanz.steering.models import Rebaseline

    earlier = Rebaseline.objects.filter(milestone=milestone).order_by("approved_on", "pk").first()
    record = Rebaseline(
        milestone=milestone,
        municipality=milestone.municipality,
        visibility=visibility or milestone.visibility,
        original_date=earlier.original_date if earlier else milestone.baseline_date,
        old_date=milestone.baseline_date,
        new_date=new_date,
        reason=(reason or "").strip(),
        approval=approval,
        resolution=(resolution or "").strip(),
        approved_by=approved_by if approved_by is not None and approved_by.is_authenticated else None,
        approved_on=approved_on or dt.date.today(),
    )
    with transaction.atomic():
        record.full_clean()
        record._change_reason = record.reason
        record.save()
        milestone.baseline_date = new_date
        milestone._change_reason = _("Neuer Basisplan freigegeben: %(r)s") % {"r": record.reason}
        milestone.save()
    return record


def _approved(record, target, values, reason_text):
    """Store an approved change and apply ``values`` to ``target`` in one transaction (all or
    nothing; the target is only touched once the change is valid)."""
    with transaction.atomic():
        record.full_clean()
        record._change_reason = record.reason
        record.save()
        for name, value in values.items():
            setattr(target, name, value)
        target._change_reason = reason_text % {"r": record.reason}
        target.save()
    return record


def _approval(approved_by, approved_on, reason, resolution):
    return {
        "reason": (reason or "").strip(),
        "resolution": (resolution or "").strip(),
        "approved_by": approved_by if approved_by is not None and approved_by.is_authenticated else None,
        "approved_on": approved_on or dt.date.today(),
    }


def rebaseline_cost(
    measure, *, new_cost, reason, approval, resolution="", approved_by=None, approved_on=None, visibility=None
):
    """Apply an approved new cost baseline of a measure; the original cost baseline is kept.

    Refused (``ValidationError``, German) without reason or approval, or without a first cost
    baseline to change (that one is entered with the measure)."""
    from digitalbilanz.steering.models import CostRebaseline

    if measure.baseline_cost is None:
        raise ValidationError(
            {"new_cost": _("Die Maßnahme hat noch keinen Kostenplan; er wird bei der Maßnahme erfasst.")}
        )
    earlier = CostRebaseline.objects.filter(measure=measure).order_by("approved_on", "pk").first()
    record = CostRebaseline(
        measure=measure,
        municipality=measure.municipality,
        visibility=visibility or measure.visibility,
        original_cost=earlier.original_cost if earlier else measure.baseline_cost,
        old_cost=measure.baseline_cost,
        new_cost=new_cost,
        approval=approval,
        **_approval(approved_by, approved_on, reason, resolution),
    )
    return _approved(record, measure, {"baseline_cost": new_cost}, _("Neuer Kostenplan freigegeben: %(r)s"))


def rebaseline_benefit(
    benefit,
    *,
    new_target_value=None,
    new_target_date=None,
    reason,
    approval,
    resolution="",
    approved_by=None,
    approved_on=None,
    visibility=None,
):
    """Apply an approved new target (value and/or date) of a benefit; the original is kept."""
    from digitalbilanz.steering.models import BenefitRebaseline

    earlier = BenefitRebaseline.objects.filter(benefit=benefit).order_by("approved_on", "pk").first()
    value = benefit.target_value if new_target_value is None else new_target_value
    date = benefit.target_date if new_target_date is None else new_target_date
    record = BenefitRebaseline(
        benefit=benefit,
        municipality=benefit.municipality,
        visibility=visibility or benefit.visibility,
        original_target_value=earlier.original_target_value if earlier else benefit.target_value,
        original_target_date=earlier.original_target_date if earlier else benefit.target_date,
        old_target_value=benefit.target_value,
        old_target_date=benefit.target_date,
        new_target_value=value,
        new_target_date=date,
        approval=approval,
        **_approval(approved_by, approved_on, reason, resolution),
    )
    values = {"target_value": value, "target_date": date}
    return _approved(record, benefit, values, _("Neues Nutzenziel freigegeben: %(r)s"))


def original_costs(measure, cost_rebaselines) -> object:
    """The measure's original cost baseline (the first re-baseline's original, else the current)."""
    first = sorted(cost_rebaselines, key=lambda r: (r.approved_on, r.pk))
    return first[0].original_cost if first else measure.baseline_cost


def original_targets(benefits, benefit_rebaselines) -> dict:
    """Benefit id → (original target value, original target date)."""
    first = {}
    for r in sorted(benefit_rebaselines, key=lambda r: (r.approved_on, r.pk)):
        first.setdefault(r.benefit_id, (r.original_target_value, r.original_target_date))
    return {b.pk: first.get(b.pk, (b.target_value, b.target_date)) for b in benefits}
