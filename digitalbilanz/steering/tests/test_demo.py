"""The DMS measure's steering story in the Leverkusen demo, and the reports that show it."""

import datetime as dt

import pytest

from digitalbilanz.demo import leverkusen
from digitalbilanz.reports.models import Edition
from digitalbilanz.steering.models import FollowUpReview, Rating


@pytest.fixture
def town(demo_town):
    return demo_town


def test_dms_ratings_per_half_year_with_follow_up(town):
    ratings = Rating.objects.filter(municipality=town, measure__code="M-03").order_by("period")
    assert [(r.period, r.computed, r.owner_rating, r.published) for r in ratings] == [
        ("2021-H1", "red", "amber", "red"),
        ("2021-H2", "red", "amber", "red"),
    ]
    assert ratings[0].schedule_days == 91 and ratings[1].schedule_days == 183
    first, second = FollowUpReview.objects.filter(municipality=town).order_by("due_date")
    assert first.decision == "continue" and not second.decision


def test_editions_show_only_their_periods_and_the_open_follow_up(town):
    editions = {e.period: e for e in Edition.objects.filter(municipality=town, audience="public")}
    first = editions["2021-H1"].snapshot["sections"]["steering"]
    second = editions["2021-H2"].snapshot["sections"]["steering"]
    dms = next(m for m in first["measures"] if m["name"].startswith("M-03"))
    assert [r["period"] for r in dms["ratings"]] == ["2021-H1"]
    dms = next(m for m in second["measures"] if m["name"].startswith("M-03"))
    assert [r["period"] for r in dms["ratings"]] == ["2021-H1", "2021-H2"]
    assert [f["decision"] for f in second["follow_ups"]] == ["continue", ""]


def test_an_open_follow_up_past_its_due_date_is_marked_overdue_on_the_portal(town):
    from django.test import Client

    open_review = FollowUpReview.objects.get(municipality=town, decision="")
    assert open_review.due_date < dt.date.today()  # due 30.06.2022, undecided
    page = Client().get(f"/{town.slug}/steuerung/").content.decode()
    due = open_review.due_date.strftime("%d.%m.%Y")
    assert f"Folgeprüfung fällig am {due} <strong>(überfällig)</strong>" in page


def test_reload_with_reset(town):
    municipality, created = leverkusen.load(reset=True)
    assert created
    assert Rating.objects.filter(municipality=municipality).count() == 2


def test_completed_pilot_has_its_success_check(town):
    from digitalbilanz.steering.models import SuccessCheck

    check = SuccessCheck.objects.get(municipality=town, measure__code="M-02")
    assert (check.go_live, check.due_date, check.result) == (
        dt.date(2023, 9, 13),
        dt.date(2024, 9, 13),
        "achieved",
    )


def test_dms_tender_carries_one_approved_rebaseline_with_its_reason(town):
    from digitalbilanz.steering.models import Rebaseline

    rebaseline = Rebaseline.objects.get(municipality=town, milestone__measure__code="M-03")
    assert (rebaseline.original_date, rebaseline.old_date, rebaseline.new_date) == (
        dt.date(2021, 3, 31),
        dt.date(2021, 3, 31),
        dt.date(2021, 9, 30),
    )
    assert "beschaffungsrechtlicher" in rebaseline.reason and rebaseline.approved_by.username == "admin"
    assert rebaseline.milestone.baseline_date == dt.date(2021, 9, 30)
    # the published editions keep what they showed: the tender on its original baseline
    second = Edition.objects.get(municipality=town, audience="public", period="2021-H2")
    dms = next(m for m in second.snapshot["sections"]["portfolio"]["measures"] if m["code"] == "M-03")
    tender = next(ms for ms in dms["milestones"] if ms["title"].startswith("Europaweite"))
    assert tender["baseline"] == "2021-03-31"
