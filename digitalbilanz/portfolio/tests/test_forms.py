"""Bad input gets a clear German message and changes nothing."""

import datetime as dt

import pytest
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.portfolio.models import Criterion, ForecastChange, Line, Milestone
from digitalbilanz.testing import Factory


@pytest.fixture
def setup(db):
    town = Factory.municipality()
    client = Client()
    client.force_login(Factory.user(town, Role.EDITOR))
    measure = Factory.measure(town, start_date=dt.date(2024, 1, 1))
    return town, client, measure


def _line_data(**overrides):
    data = {
        "kind": "cost",
        "group": "development",
        "category": "external",
        "budget_relevant": "on",
        "year": "2024",
        "label": "Beratung",
        "amount": "1000",
        "risk_surcharge": "0",
        "visibility": "public",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _post_line(client, town, measure, **overrides):
    return client.post(f"/app/{town.slug}/massnahmen/{measure.pk}/zeilen/neu/", _line_data(**overrides))


def test_a_valid_line_is_saved(setup):
    town, client, measure = setup
    assert _post_line(client, town, measure).status_code == 302
    assert Line.objects.filter(measure=measure).count() == 1


def test_negative_hours_are_rejected(setup):
    town, client, measure = setup
    response = _post_line(client, town, measure, amount=None, hours="-5", career_level="gd")
    assert response.status_code == 400
    assert "größer oder gleich 0" in response.content.decode()
    assert not Line.objects.exists()


def test_a_year_outside_the_horizon_is_rejected(setup):
    town, client, measure = setup
    response = _post_line(client, town, measure, year="2035")
    body = response.content.decode()
    assert response.status_code == 400
    assert "außerhalb des Betrachtungszeitraums 2024–2031" in body
    assert not Line.objects.exists()


def test_amount_and_hours_together_are_rejected(setup):
    town, client, measure = setup
    response = _post_line(client, town, measure, hours="10", career_level="gd")
    assert response.status_code == 400
    assert "entweder einen Betrag" in response.content.decode()


def test_a_range_must_contain_the_likely_value(setup):
    town, client, measure = setup
    response = _post_line(client, town, measure, low="2000", high="3000")
    assert response.status_code == 400
    assert "niedrig ≤ wahrscheinlich ≤ hoch" in response.content.decode()


def test_moving_a_forecast_without_reason_is_rejected_and_nothing_changes(setup):
    town, client, measure = setup
    milestone = Factory.milestone(measure, baseline=dt.date(2024, 6, 30))
    url = f"/app/{town.slug}/massnahmen/{measure.pk}/meilensteine/{milestone.pk}/"
    data = {
        "title": "Zuschlag",
        "baseline_date": "2024-06-30",
        "forecast_date": "2024-09-30",
        "order": "0",
        "visibility": "public",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "braucht eine Begründung" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.forecast_date == dt.date(2024, 6, 30)
    assert not ForecastChange.objects.exists()


def test_moving_a_forecast_with_reason_logs_the_slip(setup):
    town, client, measure = setup
    milestone = Factory.milestone(measure, baseline=dt.date(2024, 6, 30))
    url = f"/app/{town.slug}/massnahmen/{measure.pk}/meilensteine/{milestone.pk}/"
    data = {
        "title": "Zuschlag",
        "baseline_date": "2024-06-30",
        "forecast_date": "2024-09-30",
        "order": "0",
        "visibility": "public",
        "change_reason": "Rüge im Vergabeverfahren",
        "lock_version": milestone.lock_version,
    }
    assert client.post(url, data).status_code == 302
    milestone.refresh_from_db()
    assert milestone.slip_days == 92
    change = ForecastChange.objects.get()
    assert (change.old_date, change.new_date, change.reason) == (
        dt.date(2024, 6, 30),
        dt.date(2024, 9, 30),
        "Rüge im Vergabeverfahren",
    )
    assert milestone.history.first().history_change_reason == "Rüge im Vergabeverfahren"


def _criteria_data(weights, scores=None):
    data = {
        "criteria-TOTAL_FORMS": str(len(weights)),
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    for i, weight in enumerate(weights):
        data.update(
            {
                f"criteria-{i}-module": "Q",
                f"criteria-{i}-label": f"K{i}",
                f"criteria-{i}-weight": str(weight),
                f"criteria-{i}-score": str((scores or [6] * len(weights))[i]),
            }
        )
    return data


def test_weights_not_summing_to_100_are_rejected(setup):
    town, client, measure = setup
    url = f"/app/{town.slug}/massnahmen/{measure.pk}/bewertung/"
    response = client.post(url, _criteria_data([50, 40]))
    assert response.status_code == 400
    assert "ergeben 90,00 % statt 100 %" in response.content.decode()
    assert not Criterion.objects.exists()


def test_weights_summing_to_100_are_saved(setup):
    town, client, measure = setup
    url = f"/app/{town.slug}/massnahmen/{measure.pk}/bewertung/"
    assert client.post(url, _criteria_data([60, 40], [10, 4])).status_code == 302
    assert Criterion.objects.filter(measure=measure).count() == 2


def test_a_score_off_the_scale_is_rejected(setup):
    town, client, measure = setup
    url = f"/app/{town.slug}/massnahmen/{measure.pk}/bewertung/"
    response = client.post(url, _criteria_data([100], [5]))
    assert response.status_code == 400
    assert not Criterion.objects.exists()


def test_a_new_milestone_without_forecast_takes_the_baseline(setup):
    town, client, measure = setup
    url = f"/app/{town.slug}/massnahmen/{measure.pk}/meilensteine/neu/"
    data = {"title": "Pilot", "baseline_date": "2024-06-30", "order": "0", "visibility": "public"}
    assert client.post(url, data).status_code == 302
    assert Milestone.objects.get().forecast_date == dt.date(2024, 6, 30)


def test_discount_rate_at_minus_100_percent_is_rejected(setup):
    town, client, _ = setup
    from digitalbilanz.core.models import Parameter

    client.force_login(Factory.user(town, Role.ADMIN))
    response = client.post(
        f"/app/{town.slug}/parameter/discount_rate/",
        {"value": "-100", "source": "Test", "as_of": "2024-01-01"},
    )
    assert response.status_code == 400
    assert "größer als −100 %" in response.content.decode()
    assert not Parameter.objects.filter(municipality=town).exists()
