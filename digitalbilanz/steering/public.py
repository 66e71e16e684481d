"""The public steering page (a portal section): published delivery confidence per measure and
half-year with its trend and freshness, and the approved new baselines with the original — only
public measures and public records."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.portfolio.queries import audience_measures
from digitalbilanz.registry.portal import Page, Section
from digitalbilanz.steering import calc, chapters, periods
from digitalbilanz.steering.models import FollowUpReview, Rating, Review


def steering(request, municipality):
    today = dt.date.today()
    rows = calc.rows(
        audience_measures(municipality, "public").prefetch_related(None),
        Rating.objects.for_audience(municipality, "public"),
        Review.objects.for_audience(municipality, "public"),
        today,
    )
    follow_ups = (
        FollowUpReview.objects.for_audience(municipality, "public")
        .filter(decision="")
        .select_related("rating__measure")
    )
    return Page(
        "steering/public.html",
        {
            "rows": [r for r in rows if r.ratings],
            "follow_ups": follow_ups,
            "rebaselines": [
                {
                    "name": r["name"],
                    "original": chapters.baseline_text(r, "original"),
                    "old": chapters.baseline_text(r, "old"),
                    "new": chapters.baseline_text(r, "new"),
                    "reason": r["reason"],
                    "approved_on": dt.date.fromisoformat(r["approved_on"]),
                }
                for r in chapters.approved_rebaselines(municipality, levels_for_audience("public"), today)
            ],
            "period": periods.label(periods.period_of(today)),
            "today": today,
        },
    )


SECTION = Section("steering", _("Steuerung"), order=58, path="steuerung/", view=steering)
