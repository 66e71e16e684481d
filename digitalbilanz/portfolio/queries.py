"""Read access to the portfolio through the single visibility rule.

``visible_measures`` prefetches only the children (lines, milestones, benefits) the reader may
see, so every figure computed from ``measure.lines.all()`` is computed from visible data only.
"""

from django.db.models import Prefetch

from digitalbilanz.core.visibility import LEVEL_ORDER, levels_for, levels_for_audience
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

ALL_LEVELS = [level.value for level in LEVEL_ORDER]


def measures_for_levels(municipality, levels):
    """Measures readable at ``levels`` with their readable children; ``withheld_lines`` holds the
    lines of each measure the reader may *not* see, used only by ``appraisal.figures_for`` to
    count them (the notice) or fold them into per-year totals — never shown one by one."""
    benefits = Benefit.objects.with_levels(levels).prefetch_related("measurements")
    readable_lines = Line.objects.with_levels(levels)
    withheld = Line.objects.with_levels(ALL_LEVELS).exclude(pk__in=readable_lines.values("pk"))
    if set(ALL_LEVELS) <= set(levels):
        withheld = withheld.none()
    return (
        Measure.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("lead_department", "municipality")
        .prefetch_related(
            # Only readable fields of action: a public measure may belong to an internal one.
            Prefetch("fields_of_action", queryset=FieldOfAction.objects.with_levels(levels)),
            "partners",
            "criteria",
            Prefetch("lines", queryset=readable_lines.select_related("derivation")),
            Prefetch("lines", queryset=withheld, to_attr="withheld_lines"),
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
