"""The steering panel of the app's dashboard: open follow-up reviews and stale measures."""

import datetime as dt

from digitalbilanz.portfolio.queries import visible_measures
from digitalbilanz.steering import calc, periods
from digitalbilanz.steering.models import FollowUpReview, Rating, Review, SuccessCheck


def steering_panel(dashboard):
    user, m = dashboard.user, dashboard.municipality
    today = dt.date.today()
    overdue = SuccessCheck.objects.visible_to(user, m).filter(result="", due_date__lt=today)
    # One query decides whether the panel shows at all (no ratings, no overdue checks: left out).
    present = (
        Rating.objects.visible_to(user, m)
        .order_by()
        .values_list("pk", flat=True)
        .union(overdue.order_by().values_list("pk", flat=True))
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
    return {
        "follow_ups": follow_ups,
        "overdue_checks": overdue_checks,
        "stale": [r for r in rows if r.stale],
        "red": [r for r in rows if r.current and r.current.published == "red"],
        "period": periods.label(periods.period_of(today)),
        "today": today,
    }
