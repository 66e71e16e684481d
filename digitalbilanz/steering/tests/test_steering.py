"""Steering: rating form (reason, period, worse-wins, follow-up), trend, freshness, visibility."""

import datetime as dt

import pytest
import time_machine
from django.test import Client

from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.core.models import Parameter
from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.registry.tables import table
from digitalbilanz.steering import calc
from digitalbilanz.steering.chapters import Steering
from digitalbilanz.steering.models import FollowUpReview, Rating, Rebaseline, Review, SuccessCheck
from digitalbilanz.testing import Factory

D = dt.date
PUBLIC, COUNCIL, INTERNAL = Visibility.PUBLIC, Visibility.COUNCIL, Visibility.INTERNAL
TODAY = dt.datetime(2026, 9, 15, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="stadt")
    measure = Factory.measure(town, code="M-1", title="DMS", status="in_progress")
    return {
        "town": town,
        "measure": measure,
        "editor": Factory.user(town, Role.EDITOR),
        "reader": Factory.user(town, Role.READER),
        "council": Factory.user(town, Role.COUNCIL),
    }


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def post_rating(world, **data):
    payload = {"period": "2026-H2", "owner_rating": "green", "owner_reason": "läuft", "visibility": PUBLIC}
    payload.update(data)
    return client_for(world["editor"]).post(
        f"/app/stadt/steuerung/massnahmen/{world['measure'].pk}/bewerten/", payload
    )


@time_machine.travel(TODAY, tick=False)
def test_rating_without_reason_is_refused_in_german_and_nothing_saved(world):
    response = post_rating(world, owner_reason="  ")
    assert response.status_code == 400
    assert "braucht eine Begründung" in response.content.decode()
    assert not Rating.objects.exists() and not Review.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_rating_for_another_period_is_refused(world):
    response = post_rating(world, period="2026-H1")
    assert response.status_code == 400
    assert "nur der laufende Berichtszeitraum" in response.content.decode()
    assert not Rating.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_computed_red_beats_owner_green_and_triggers_a_follow_up_six_months_later(world):
    Factory.milestone(world["measure"], baseline=D(2026, 3, 31), forecast=D(2026, 12, 31))  # 275 days late
    response = post_rating(world, owner_rating="green", owner_reason="Wir holen auf.")
    assert response.status_code == 302
    rating = Rating.objects.get()
    assert (rating.schedule_days, rating.schedule_rating, rating.computed) == (275, "red", "red")
    assert rating.owner_rating == "green" and rating.published == "red"
    assert "rot über 90 Tage" in rating.thresholds
    assert FollowUpReview.objects.get().due_date == D(2027, 3, 15)
    dashboard = client_for(world["reader"]).get("/app/stadt/").content.decode()
    assert "Folgeprüfung fällig am 15.03.2027" in dashboard


@time_machine.travel(TODAY, tick=False)
def test_owner_red_beats_computed_green(world):
    assert post_rating(world, owner_rating="red", owner_reason="Anbieter insolvent").status_code == 302
    rating = Rating.objects.get()
    assert (rating.computed, rating.published) == ("green", "red")
    assert FollowUpReview.objects.filter(rating=rating).count() == 1


@time_machine.travel(TODAY, tick=False)
def test_amber_rating_has_no_follow_up(world):
    Factory.milestone(world["measure"], baseline=D(2026, 8, 1), forecast=D(2026, 10, 1))  # 61 days
    post_rating(world)
    assert Rating.objects.get().published == "amber"
    assert not FollowUpReview.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_contradicting_thresholds_refuse_the_rating(world):
    Parameter.objects.create(
        municipality=world["town"],
        key="steering_schedule_amber_days",
        value=120,
        source="x",
        as_of=D(2026, 1, 1),
    )
    response = post_rating(world)
    assert response.status_code == 400
    assert "widersprechen sich" in response.content.decode()
    assert not Rating.objects.exists()


def test_trend_across_three_periods_in_page_and_report(world):
    m = world["measure"]
    for day, owner in ((D(2025, 6, 1), "green"), (D(2025, 12, 1), "amber"), (D(2026, 6, 1), "red")):
        calc.rate(m, owner_rating=owner, owner_reason="Stand", today=day, visibility=PUBLIC)
    assert list(Rating.objects.order_by("period").values_list("published", flat=True)) == [
        "green",
        "amber",
        "red",
    ]
    section = Steering().collect(
        {"municipality": world["town"], "audience": "public", "reference_date": "2026-06-30"}
    )
    assert section["measures"][0]["trend"] == "worse"
    text = str(Steering().blocks({"sections": {"steering": section}}))
    assert "grün" in text and "gelb" in text and "rot" in text and "schlechter" in text
    assert [p["kind"] for p in Steering().problems(section)] == ["follow_up"]
    previous = {
        **section,
        "measures": [{**section["measures"][0], "ratings": section["measures"][0]["ratings"][:2]}],
    }
    changes = Steering().changes(previous, section)
    assert changes[0]["data"] == {"before": "amber", "after": "red"}


@time_machine.travel(TODAY, tick=False)
def test_freshness_flag_and_one_click_unchanged_review(world):
    m = world["measure"]
    calc.record_review(m, world["editor"], D(2026, 5, 1), "bewertet")  # previous period
    html = client_for(world["reader"]).get("/app/stadt/steuerung/").content.decode()
    assert "<strong>nicht aktualisiert</strong>" in html
    response = client_for(world["editor"]).post(
        f"/app/stadt/steuerung/massnahmen/{m.pk}/geprueft/", {"confirm": "1"}
    )
    assert response.status_code == 302
    latest = Review.objects.order_by("-reviewed_on").first()
    assert latest.reviewed_on == D(2026, 9, 15) and latest.note == "unverändert geprüft"
    assert latest.history.count() == 1  # recorded in the history
    html = client_for(world["reader"]).get("/app/stadt/steuerung/").content.decode()
    assert "<strong>nicht aktualisiert</strong>" not in html


@time_machine.travel(TODAY, tick=False)
def test_reader_may_not_confirm_a_review(world):
    response = client_for(world["reader"]).post(
        f"/app/stadt/steuerung/massnahmen/{world['measure'].pk}/geprueft/"
    )
    assert response.status_code == 404
    assert not Review.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_internal_rating_reasons_stay_out_of_public_table_portal_and_report(world):
    m = world["measure"]
    calc.rate(m, owner_rating="red", owner_reason="GEHEIM-GRUND", visibility=INTERNAL)
    public = levels_for_audience("public")
    assert list(table("delivery_confidence").rows(world["town"], public)) == []
    assert list(table("follow_up_reviews").rows(world["town"], public)) == []
    assert "GEHEIM-GRUND" not in Client().get("/stadt/steuerung/").content.decode()
    assert Steering().collect({"municipality": world["town"], "audience": "council"}) is None
    council_html = (
        client_for(world["council"]).get(f"/app/stadt/steuerung/massnahmen/{m.pk}/").content.decode()
    )
    assert "GEHEIM-GRUND" not in council_html
    editor_html = client_for(world["editor"]).get(f"/app/stadt/steuerung/massnahmen/{m.pk}/").content.decode()
    assert "GEHEIM-GRUND" in editor_html


@time_machine.travel(TODAY, tick=False)
def test_public_rating_of_internal_measure_is_not_published(world):
    hidden = Factory.measure(world["town"], visibility=INTERNAL, code="M-9", title="VERSTECKT")
    calc.rate(hidden, owner_rating="green", owner_reason="x", visibility=PUBLIC)
    assert list(table("delivery_confidence").rows(world["town"], levels_for_audience("public"))) == []
    assert "VERSTECKT" not in Client().get("/stadt/steuerung/").content.decode()


@time_machine.travel(TODAY, tick=False)
def test_measure_page_explains_the_rating(world):
    html = (
        client_for(world["reader"])
        .get(f"/app/stadt/steuerung/massnahmen/{world['measure'].pk}/")
        .content.decode()
    )
    assert "Wie wird bewertet?" in html and "Statens It-råd" in html


def milestone_post(world, milestone, baseline):
    data = {
        "title": milestone.title,
        "baseline_date": baseline,
        "forecast_date": milestone.forecast_date.isoformat(),
        "order": "0",
        "visibility": "public",
        "change_reason": "neuer Plan",
        "lock_version": milestone.lock_version,
    }
    url = f"/app/stadt/massnahmen/{world['measure'].pk}/meilensteine/{milestone.pk}/"
    return client_for(world["editor"]).post(url, data)


def test_direct_edit_of_a_baseline_is_refused(world):
    milestone = Factory.milestone(world["measure"], baseline=D(2021, 3, 31), forecast=D(2021, 9, 30))
    response = milestone_post(world, milestone, "2021-09-30")
    assert response.status_code == 400
    assert "nur über einen freigegebenen neuen Basisplan" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.baseline_date == D(2021, 3, 31)


def rebaseline_post(world, milestone, user, **data):
    payload = {
        "new_date": "2021-09-30",
        "reason": "Beschaffungsrechtliche Fragen",
        "approval": "council",
        "resolution": "Rat 28.06.2021",
        "approved_on": "2021-06-28",
        "visibility": "public",
    }
    payload.update(data)
    url = f"/app/stadt/steuerung/massnahmen/{world['measure'].pk}/meilensteine/{milestone.pk}/basisplan/"
    return client_for(user).post(url, payload)


@pytest.mark.parametrize(
    "data, message",
    [
        ({"reason": ""}, "braucht eine Begründung"),
        ({"resolution": ""}, "Bitte den Ratsbeschluss angeben"),
        ({"approval": "reviewer"}, "Nur die Administration kann"),
        ({"new_date": "2021-03-31"}, "derselbe wie der bisherige"),
    ],
)
def test_rebaseline_without_reason_or_approval_is_refused(world, data, message):
    milestone = Factory.milestone(world["measure"], baseline=D(2021, 3, 31), forecast=D(2021, 9, 30))
    response = rebaseline_post(world, milestone, world["editor"], **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.baseline_date == D(2021, 3, 31)
    assert not Rebaseline.objects.exists()


def test_approved_rebaselines_keep_the_original_and_variance_against_it(world):
    milestone = Factory.milestone(world["measure"], baseline=D(2021, 3, 31), forecast=D(2021, 9, 30))
    assert rebaseline_post(world, milestone, world["editor"]).status_code == 302
    admin = Factory.user(world["town"], Role.ADMIN)
    response = rebaseline_post(
        world, milestone, admin, new_date="2021-10-31", approval="reviewer", resolution="", reason="Nachtrag"
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.baseline_date == D(2021, 10, 31)
    first, second = Rebaseline.objects.order_by("pk")
    assert (first.original_date, first.old_date, first.new_date) == (
        D(2021, 3, 31),
        D(2021, 3, 31),
        D(2021, 9, 30),
    )
    assert (second.original_date, second.old_date, second.approved_by) == (
        D(2021, 3, 31),
        D(2021, 9, 30),
        admin,
    )
    html = (
        client_for(world["reader"])
        .get(f"/app/stadt/steuerung/massnahmen/{world['measure'].pk}/")
        .content.decode()
    )
    assert "31.03.2021" in html and "31.10.2021" in html
    assert "183 Tage" in html  # 30.09.2021 against the original 31.03.2021
    rows = list(table("rebaselines").rows(world["town"], levels_for_audience("public")))
    assert len(rows) == 2


def benefit(measure, number=1, **kwargs):
    from digitalbilanz.portfolio.models import Benefit

    values = dict(
        category="non_cash",
        description=f"Nutzen {number}",
        owner="Frau A.",
        kpi="Minuten je Vorgang",
        unit="min",
        data_source="Statistik",
        baseline_value=10,
        baseline_date=D(2022, 1, 1),
        target_value=5,
        target_date=D(2024, 12, 31),
        visibility=PUBLIC,
    )
    values.update(kwargs)
    return Benefit.objects.create(municipality=measure.municipality, measure=measure, number=number, **values)


def check_post(world, b, **data):
    payload = {
        "benefit": b.pk,
        "benefit_owner": "Frau A. (Sachgebiet Registratur)",
        "go_live": "2025-03-31",
        "closure_statement": "Eingeführt in allen Fachbereichen.",
        "checked_on": "",
        "measured_value": "",
        "result": "",
        "reason": "",
        "visibility": "public",
    }
    payload.update(data)
    url = f"/app/stadt/steuerung/massnahmen/{world['measure'].pk}/erfolgskontrolle/"
    return client_for(world["editor"]).post(url, payload)


@time_machine.travel(TODAY, tick=False)
def test_success_check_due_twelve_months_after_go_live_and_overdue_on_dashboard(world):
    b = benefit(world["measure"])
    assert check_post(world, b).status_code == 302
    check = SuccessCheck.objects.get()
    assert check.due_date == D(2026, 3, 31)
    assert check.is_overdue(D(2026, 9, 15)) and not check.is_overdue(D(2026, 3, 31))
    html = client_for(world["reader"]).get("/app/stadt/").content.decode()
    assert "Überfällige Erfolgskontrollen" in html and "fällig seit 31.03.2026" in html


@time_machine.travel(TODAY, tick=False)
@pytest.mark.parametrize(
    "data, message",
    [
        ({"closure_statement": ""}, "braucht eine Abschlusserklärung"),
        (
            {"checked_on": "2025-01-01", "result": "achieved", "measured_value": "5", "reason": "x"},
            "vor dem Go-live",
        ),
        (
            {"checked_on": "2026-04-01", "result": "achieved", "measured_value": "5"},
            "braucht eine Begründung",
        ),
        ({"checked_on": "2026-04-01", "result": "partly", "reason": "x"}, "gemessenen Wert"),
        ({"benefit_owner": "FB 11"}, "nicht die federführende Stelle"),
    ],
)
def test_bad_success_checks_are_refused(world, data, message):
    lead = Factory.unit(world["town"], code="FB 11")
    world["measure"].lead_department = lead
    world["measure"].save()
    b = benefit(world["measure"])
    response = check_post(world, b, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SuccessCheck.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_success_checks_roll_up_in_the_report(world):
    results = [("achieved", "5"), ("partly", "7"), ("missed", "10"), ("unmeasurable", "")]
    for number, (result, value) in enumerate(results, start=1):
        b = benefit(world["measure"], number=number)
        reply = check_post(
            world, b, checked_on="2026-04-15", result=result, measured_value=value, reason="gemessen"
        )
        assert reply.status_code == 302
    section = Steering().collect(
        {"municipality": world["town"], "audience": "public", "reference_date": "2026-12-31"}
    )
    assert [c["result"] for c in section["success_checks"]] == [r for r, _v in results]
    text = str(Steering().blocks({"sections": {"steering": section}}))
    assert "Nutzenrealisierung des Portfolios: 50 %" in text
    assert len(list(table("success_checks").rows(world["town"], levels_for_audience("public")))) == 4
