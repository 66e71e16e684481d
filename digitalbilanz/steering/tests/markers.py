"""Leak-crawler markers of the steering module (used by portal/tests/test_leak.py)."""

import datetime as dt

from digitalbilanz.core.choices import Visibility
from digitalbilanz.portfolio.models import Benefit, Measure, Milestone
from digitalbilanz.steering.models import FollowUpReview, Rating, Rebaseline, SuccessCheck


def plant(town, markers):
    """Per hidden level: a hidden rating (reason, follow-up, re-baseline) of a public measure."""
    measure = Measure.objects.filter(municipality=town, visibility=Visibility.PUBLIC).first()
    milestone = Milestone.objects.filter(measure=measure, visibility=Visibility.PUBLIC).first()
    for number, (level, marker) in enumerate(markers.items(), start=1):
        rating = Rating.objects.create(
            municipality=town,
            measure=measure,
            visibility=level,
            period=f"203{number}-H1",
            rated_on=dt.date(2030 + number, 3, 1),
            computed="red",
            thresholds=marker,
            owner_rating="red",
            owner_reason=f"{marker} Begründung",
        )
        FollowUpReview.objects.create(
            municipality=town,
            rating=rating,
            visibility=level,
            due_date=dt.date(2031, 1, 1),
            causes=marker,
            option_stop=marker,
        )
        if milestone is not None:
            Rebaseline.objects.create(
                municipality=town,
                milestone=milestone,
                visibility=level,
                original_date=milestone.baseline_date,
                old_date=milestone.baseline_date,
                new_date=milestone.baseline_date,
                reason=f"{marker} Basisplan",
                approval="council",
                resolution=marker,
                approved_on=dt.date(2030, 1, 1),
            )
        benefit = Benefit.objects.filter(measure=measure, visibility=Visibility.PUBLIC).first()
        if benefit is not None and number == 1:
            SuccessCheck.objects.create(
                municipality=town,
                measure=measure,
                benefit=benefit,
                visibility=level,
                benefit_owner=marker,
                go_live=dt.date(2020, 1, 1),
                closure_statement=marker,
                due_date=dt.date(2021, 1, 1),
                reason=marker,
            )
