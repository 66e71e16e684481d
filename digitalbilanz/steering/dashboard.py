"""The steering panel of the app's dashboard: open follow-up reviews and stale measures."""

import datetime as dt

from digitalbilanz.portfolio.queries import visible_measures
from digitalbilanz.steering import calc, periods
from digitalbilanz.steering.models import FollowUpReview, Rating, Rebaseline, Review, SuccessCheck


def steering_panel(dashboard):
    user, m = dashboard.user, dashboard.municipality
    today = dt.date.today()
    overdue = SuccessCheck.objects.visible_to(user, m).filter(result="", due_date__lt=today)
    rebaselines = Rebaseline.objects.visible_to(user, m)
    # One query decides whether the panel shows at all (no ratings, no overdue checks: left out).
    present = (
        Rating.objects.visible_to(user, m)
        .order_by()
        .values_list("pk", flat=True)
        .union(
            overdue.order_by().values_list("pk", flat=True),
            rebaselines.order_by().values_list("pk", flat=True),
        )
    )
    if not list(present[:1]):
        return None
    follow_ups = list(
        FollowUpReview.objects.visible_to(user, m).filter(decision="").select_related("rating__measure")
    )
    ratings = list(Rating.objects.visible_to(user, m))
    overdue_checks = list(overdue.select_related("measure", "benefit"))
    rows = calc.rows(
        visible_measures(user, m).prefetch_related(None),
        ratings,
        Review.objects.visible_to(user, m),
        today,
    )
    # Approved new baselines stay in view with the variance against the original baseline, so a
    # re-baselined milestone does not silently leave the list of delays.
    changed = [
        {
            "r": r,
            "original_variance": (
                (r.milestone.actual_date or r.milestone.forecast_date) - r.original_date
            ).days,
        }
        for r in _latest_per_milestone(rebaselines.select_related("milestone__measure"))
    ]
    return {
        "rebaselines": changed,
        "follow_ups": follow_ups,
        "overdue_checks": overdue_checks,
        "stale": [r for r in rows if r.stale],
        "red": [r for r in rows if r.current and r.current.published == "red"],
        "period": periods.label(periods.period_of(today)),
        "today": today,
    }


def _latest_per_milestone(rebaselines):
    latest = {}
    for r in sorted(rebaselines, key=lambda r: (r.approved_on, r.pk)):
        latest[r.milestone_id] = r
    return sorted(latest.values(), key=lambda r: (r.milestone.measure.code, r.milestone.baseline_date))
