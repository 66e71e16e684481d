"""Read access to the portfolio through the single visibility rule.

``visible_measures`` prefetches only the children (lines, milestones, benefits) the reader may
see, so every figure computed from ``measure.lines.all()`` is computed from visible data only.
"""

from django.db.models import Prefetch

from digitalbilanz.core.visibility import levels_for, levels_for_audience
from digitalbilanz.portfolio.models import (
    Benefit,
    BenefitMeasurement,
    Criterion,
    Derivation,
    FieldOfAction,
    Line,
    Measure,
    Milestone,
)


def measures_for_levels(municipality, levels):
    benefits = Benefit.objects.with_levels(levels).prefetch_related("measurements")
    return (
        Measure.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("lead_department")
        .prefetch_related(
            # Only readable fields of action: a public measure may belong to an internal one.
            Prefetch("fields_of_action", queryset=FieldOfAction.objects.with_levels(levels)),
            "partners",
            "criteria",
            Prefetch("lines", queryset=Line.objects.with_levels(levels).select_related("derivation")),
            Prefetch("milestones", queryset=Milestone.objects.with_levels(levels)),
            Prefetch("benefits", queryset=benefits),
        )
    )


def visible_measures(user, municipality):
    return measures_for_levels(municipality, levels_for(user, municipality))


def audience_measures(municipality, audience):
    return measures_for_levels(municipality, levels_for_audience(audience))


CHILD_HISTORIES = (Line, Milestone, Benefit, Criterion, Derivation)


def measure_history_rows(measure) -> list:
    """All history rows of a measure and its children (including deleted ones), the input of
    ``core.history.history_entries``, which decides what an audience may read."""
    rows = list(measure.history.select_related("history_user"))
    for model in CHILD_HISTORIES:
        rows += list(model.history.filter(measure_id=measure.pk).select_related("history_user"))
    benefit_ids = {row.id for row in rows if row.instance_type is Benefit}
    rows += list(BenefitMeasurement.history.filter(benefit_id__in=benefit_ids).select_related("history_user"))
    return rows
