"""Steering writes through the API (table registry): the owner's rating with its reason and
„unverändert geprüft“ — good input stored with its consequences, bad input refused in the API's
one error shape with nothing saved."""

import datetime as dt
import json

import pytest
import time_machine
from django.test import Client

from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.choices import Role
from digitalbilanz.steering.models import FollowUpReview, Rating, Review
from digitalbilanz.testing import Factory

D = dt.date
TODAY = dt.datetime(2026, 9, 15, 12, 0, tzinfo=dt.UTC)
RATING = {"measure": "M-04", "period": "2026-H2", "owner_rating": "amber", "owner_reason": "Verzug"}


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.DIGITALBILANZ_API_ANON_RATE = 0


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="musterstadt")
    fb04, fb11 = Factory.unit(town, "FB 04"), Factory.unit(town, "FB 11")
    ours = Factory.measure(town, code="M-04", lead_department=fb04, status="in_progress")
    theirs = Factory.measure(town, code="M-11", lead_department=fb11, status="in_progress")
    editor = Factory.user(town, Role.EDITOR, units=[fb04])
    key, secret = ApiKey.issue(town, editor, "fachverfahren", read_write=True)
    _ro, read_secret = ApiKey.issue(town, editor, "lesen", read_write=False)
    return {
        "town": town,
        "ours": ours,
        "theirs": theirs,
        "editor": editor,
        "client": Client(HTTP_AUTHORIZATION=f"Bearer {secret}"),
        "reader": Client(HTTP_AUTHORIZATION=f"Bearer {read_secret}"),
    }


def send(client, method, url, data):
    return getattr(client, method)(url, json.dumps(data), content_type="application/json")


def assert_error_shape(response, status, code):
    assert response.status_code == status, response.content
    error = response.json()["error"]
    assert error["code"] == code and error["message"]
    assert all(set(d) >= {"field", "message"} for d in error["details"])
    return error


@time_machine.travel(TODAY, tick=False)
def test_owner_rating_through_the_api_is_stored_with_computed_part_and_consequences(world):
    Factory.milestone(world["ours"], baseline=D(2026, 3, 31), forecast=D(2026, 12, 31))  # 275 days
    response = send(world["client"], "post", "/api/v1/musterstadt/delivery_confidence/", RATING)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["computed"], body["owner_rating"], body["published"]) == ("red", "amber", "red")
    rating = Rating.objects.get(pk=body["id"])
    assert rating.rated_by == world["editor"] and rating.schedule_days == 275
    assert rating.history.first().history_user == world["editor"]
    assert FollowUpReview.objects.get(rating=rating).due_date == D(2027, 3, 15)
    assert Review.objects.get(measure=world["ours"]).note == "bewertet"
    # the owner changes the rating of the same period: PATCH with the version read
    url = f"/api/v1/musterstadt/delivery_confidence/{rating.pk}/"
    changed = send(
        world["client"], "patch", url, {"owner_rating": "red", "owner_reason": "rot", "lock_version": 0}
    )
    assert changed.status_code == 200, changed.content
    assert Rating.objects.get(pk=rating.pk).owner_reason == "rot"


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"owner_reason": "  "}, "owner_reason", "braucht eine Begründung"),
        ({"owner_reason": None}, "owner_reason", "braucht eine Begründung"),
        ({"period": "2026-H1"}, "period", "nur der laufende Berichtszeitraum"),
        ({"owner_rating": "purple"}, "owner_rating", "keine gültige Auswahl"),
        ({"unknown": 1}, "unknown", "Unbekanntes Feld"),
    ],
)
@time_machine.travel(TODAY, tick=False)
def test_bad_ratings_are_refused_in_the_one_error_shape_and_nothing_saved(world, data, field, message):
    payload = {**RATING, **data}
    response = send(world["client"], "post", "/api/v1/musterstadt/delivery_confidence/", payload)
    error = assert_error_shape(response, 400, "invalid")
    assert any(d["field"] == field and message in d["message"] for d in error["details"]), error
    assert not Rating.objects.exists() and not Review.objects.exists() and not FollowUpReview.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_ratings_of_other_departments_and_without_write_key_are_refused(world):
    theirs = send(
        world["client"], "post", "/api/v1/musterstadt/delivery_confidence/", {**RATING, "measure": "M-11"}
    )
    assert_error_shape(theirs, 403, "forbidden")
    read_only = send(world["reader"], "post", "/api/v1/musterstadt/delivery_confidence/", RATING)
    assert_error_shape(read_only, 403, "forbidden")
    anonymous = send(Client(), "post", "/api/v1/musterstadt/delivery_confidence/", RATING)
    assert_error_shape(anonymous, 401, "authentication_required")
    assert not Rating.objects.exists()


@time_machine.travel(TODAY, tick=False)
def test_unchanged_review_through_the_api_is_recorded_in_the_history(world):
    response = send(world["client"], "post", "/api/v1/musterstadt/reviews/", {"measure": "M-04"})
    assert response.status_code == 201, response.content
    assert response.json()["note"] == "unverändert geprüft"
    assert response.json()["reviewed_on"] == "2026-09-15"
    review = Review.objects.get(pk=response.json()["id"])
    assert (review.measure, review.reviewed_by) == (world["ours"], world["editor"])
    row = review.history.get()
    assert row.history_user == world["editor"] and row.history_change_reason == "unverändert geprüft"
    # a review is not changed afterwards; nothing is saved
    url = f"/api/v1/musterstadt/reviews/{review.pk}/"
    patched = send(world["client"], "patch", url, {"lock_version": 0})
    assert_error_shape(patched, 400, "invalid")
    assert review.history.count() == 1


@time_machine.travel(TODAY, tick=False)
def test_bad_reviews_are_refused_and_nothing_saved(world):
    for payload, status, code in (
        ({"measure": "M-11"}, 403, "forbidden"),
        ({"measure": "M-99"}, 404, "not_found"),
        ({}, 400, "invalid"),
        ({"measure": "M-04", "reviewed_on": "2020-01-01"}, 400, "invalid"),
    ):
        response = send(world["client"], "post", "/api/v1/musterstadt/reviews/", payload)
        assert_error_shape(response, status, code)
    assert not Review.objects.exists()
