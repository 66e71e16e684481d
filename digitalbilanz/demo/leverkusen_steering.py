"""Steering signals in the Leverkusen demo: the DMS measure (M-03) rated per half-year.

[S1]: the tender planned for the beginning of 2021 was delayed by questions of procurement law;
Letter of Intent of the ivl in the council on 28.06.2021; Europe-wide tender in Q3/2021; award
Q1/2022. The figures of each rating are those of the portfolio rule on the rating day (the
tender milestone: baseline 31.03.2021, open; forecast 30.09.2021 from the slip). The owner's
ratings, their reasons beyond [S1], the options' wording and the review dates are "Demo-Annahme".

The completed pilot M-02 gets its success check: the service agreement on mobile work is in force
since 13.09.2023 at the latest [S3] (go-live); the check a year later measures the same indicator
(agreement in force = 1). Owner and check date are "Demo-Annahme".

After the two report editions, the tender milestone gets its one approved new baseline: Q3/2021
instead of the beginning of 2021, for the reason in [S1]; the original baseline (31.03.2021) is
kept and the variance against it stays visible. Approval by the administration and its date are
"Demo-Annahme" (the council papers name no resolution on the schedule).
"""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

from digitalbilanz.core.choices import Visibility
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portfolio.models import Benefit, Measure
from digitalbilanz.steering import calc
from digitalbilanz.steering.models import (
    Approval,
    BenefitRebaseline,
    CostRebaseline,
    FollowUpReview,
    Rating,
    Rebaseline,
    Review,
    SuccessCheck,
)

REASON = "Demo-Daten: Leverkusen laut Ratsunterlagen 2021–2023"


# period, rating day, slip of the tender milestone (days), owner rating, owner reason
RATINGS = [
    (
        "2021-H1",
        dt.date(2021, 6, 30),
        91,  # baseline 31.03.2021 passed, not reached
        "amber",
        "Ausschreibung verzögert durch beschaffungsrechtliche Fragen; Letter of Intent der ivl im Rat am "
        "28.06.2021, europaweite Ausschreibung im Q3/2021 [S1]. Einschätzung gelb: Demo-Annahme.",
    ),
    (
        "2021-H2",
        dt.date(2021, 12, 31),
        183,  # forecast 30.09.2021 against the baseline 31.03.2021
        "amber",
        "Beauftragung eines Anbieters für Q1/2022 geplant, Pilotierung bis Ende Q2/2022 [S1]. "
        "Einschätzung gelb: Demo-Annahme.",
    ),
]
FOLLOW_UP = {
    "causes": "Klärung beschaffungsrechtlicher Fragestellungen vor der Ausschreibung [S1].",
    "option_continue": "Ausschreibung durch die ivl im Q3/2021, Beauftragung Q1/2022 [S1]; "
    "Mehrkosten nicht beziffert (Demo-Annahme).",
    "option_rescope": "Demo-Annahme: zunächst nur E-Akte in den Pilot-Fachbereichen; Kosten der "
    "Einführung etwa die Hälfte der geplanten 450.000 €.",
    "option_stop": "Demo-Annahme: papiergebundene Ablage bleibt; keine Einführungskosten, der "
    "geplante Nutzen (Ablagezeit) entfällt.",
}


def load(municipality):
    dms = Measure.objects.get(municipality=municipality, code="M-03")
    editor = get_user_model().objects.filter(username="fb11").first()
    thresholds = calc.describe(calc.thresholds(ParameterSet.for_municipality(municipality)))
    months = int(ParameterSet.for_municipality(municipality).number("steering_follow_up_months"))
    for period, day, slip, owner, reason in RATINGS:
        rating = Rating(
            municipality=municipality,
            measure=dms,
            period=period,
            rated_on=day,
            schedule_days=slip,
            schedule_rating="red",
            computed="red",
            thresholds=thresholds,
            owner_rating=owner,
            owner_reason=reason,
            rated_by=editor,
            visibility=Visibility.PUBLIC,
        )
        rating.full_clean()
        rating._change_reason = REASON
        rating.save()
        follow_up = FollowUpReview(
            municipality=municipality,
            rating=rating,
            visibility=Visibility.PUBLIC,
            due_date=calc.periods.add_months(day, months),
            **FOLLOW_UP,
        )
        if period == "2021-H1":  # the council's Letter of Intent decided to continue [S1]
            follow_up.decision, follow_up.decided_on = "continue", dt.date(2021, 6, 28)
        follow_up._change_reason = REASON
        follow_up.save()
        Review.objects.create(
            municipality=municipality,
            measure=dms,
            reviewed_on=day,
            reviewed_by=editor,
            note="bewertet",
            visibility=Visibility.PUBLIC,
        )
    _success_check(municipality)


def _success_check(municipality):
    pilot = Measure.objects.get(municipality=municipality, code="M-02")
    benefit = Benefit.objects.get(measure=pilot, number=1)
    months = int(ParameterSet.for_municipality(municipality).number("steering_success_check_months"))
    go_live = dt.date(2023, 9, 13)
    check = SuccessCheck(
        municipality=municipality,
        measure=pilot,
        benefit=benefit,
        visibility=Visibility.PUBLIC,
        benefit_owner="Leitung Personalservice FB 11 (Demo-Annahme)",
        go_live=go_live,
        closure_statement="Testläufe im FB 40 abgeschlossen [S1]; Dienstvereinbarung „Mobile Arbeit“ "
        "abgeschlossen und in Kraft [S3].",
        due_date=calc.periods.add_months(go_live, months),
        checked_on=dt.date(2024, 9, 30),
        measured_value=Decimal("1"),
        result="achieved",
        reason="Dienstvereinbarung gilt für alle Fachbereiche (Stellungnahme vom 13.09.2023 [S3]); "
        "Prüfdatum: Demo-Annahme.",
    )
    check.full_clean()
    check._change_reason = REASON
    check.save()


def rebaseline(municipality):
    """The tender's approved new baseline (after the editions, which keep what they showed)."""
    dms = Measure.objects.get(municipality=municipality, code="M-03")
    tender = dms.milestones.get(title__startswith="Europaweite Ausschreibung")
    approver = get_user_model().objects.filter(username="admin").first()
    calc.rebaseline(
        tender,
        new_date=dt.date(2021, 9, 30),
        reason="Die für den Beginn des Jahres 2021 geplante Ausschreibung hat sich wegen "
        "beschaffungsrechtlicher Fragen verzögert; Letter of Intent der ivl im Rat am 28.06.2021, "
        "europaweite Ausschreibung im Q3/2021, Beauftragung Q1/2022 [S1]. Freigabe durch die "
        "Administration und Datum: Demo-Annahme.",
        approval=Approval.REVIEWER,
        approved_by=approver,
        approved_on=dt.date(2022, 1, 14),
        visibility=Visibility.PUBLIC,
    )


def delete(municipality):
    steering = (SuccessCheck, FollowUpReview, Rating, Review, Rebaseline, CostRebaseline, BenefitRebaseline)
    for model in steering:
        model.objects.filter(municipality=municipality).delete()
