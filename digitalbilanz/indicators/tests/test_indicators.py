"""Indicators: the committee's figures reproduced exactly, bad input refused in German with
nothing saved, derived values never more public than their inputs, pages and tables."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.test import Client

from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.core.visibility import levels_for, levels_for_audience
from digitalbilanz.demo import leverkusen_indicators
from digitalbilanz.economics.indicators import rounded
from digitalbilanz.indicators.choices import Formula, LimitKind, Unit
from digitalbilanz.indicators.models import Indicator, Limit, Observation
from digitalbilanz.indicators.series import indicator_values
from digitalbilanz.registry.tables import table
from digitalbilanz.testing import Factory

PUBLIC, INTERNAL = Visibility.PUBLIC, Visibility.INTERNAL
MIO = D("1000000")


@pytest.fixture
def town(db):
    municipality = Factory.municipality()
    leverkusen_indicators.load(municipality)
    return municipality


def values(town, levels=None):
    return {v.indicator.key: v for v in indicator_values(town, levels or levels_for_audience("public"))}


def test_derived_finance_indicators_reproduce_the_committee_figures(town):
    v = values(town)
    assert v["cash_credits"].latest.value == D("251.6") * MIO
    assert v["cash_credits_change"].latest.value == D("-12.2") * MIO
    assert v["cash_credits_change"].display() == "−12,2 Mio. €"
    assert rounded(v["cash_credits_utilisation"].latest.value, 1) == D("71.9")
    assert v["cash_credits_utilisation"].display() == "71,9 %"
    assert v["cash_credits"].ceiling.value == D("350") * MIO
    assert v["covid_net_2020"].latest.value == D("51") * MIO
    assert v["result_2020_without_isolation"].latest.value == D("-35.6") * MIO
    assert v["result_2020_vs_plan"].latest.value == D("14.0") * MIO
    assert v["trade_tax_2021"].status == "ok" and v["trade_tax_2021"].target.value == D("145") * MIO
    assert v["cash_credits_utilisation"].status == "ok"


def test_share_of_staff_able_to_work_mobile(town):
    share = values(town)["staff_mobile_share"]
    assert rounded(share.latest.value, 1) == D("51.0") and share.display() == "51,0 %"


def test_utilisation_follows_the_ceiling_valid_on_each_date(town):
    credits = Indicator.objects.get(municipality=town, key="cash_credits")
    Limit.objects.create(
        municipality=town,
        visibility=PUBLIC,
        indicator=credits,
        kind=LimitKind.CEILING,
        value=D("1200") * MIO,
        valid_from=dt.date(2024, 12, 30),
        resolution="Nachtragshaushalt 2024",
    )
    Observation.objects.create(
        municipality=town,
        visibility=PUBLIC,
        indicator=credits,
        date=dt.date(2025, 6, 27),
        value=D("909.3") * MIO,
        unit=Unit.EUR,
        source="Test",
    )
    points = values(town)["cash_credits_utilisation"].points
    assert [(p.date, rounded(p.value, 1)) for p in points] == [
        (dt.date(2021, 6, 18), D("71.9")),  # against 350 M€
        (dt.date(2025, 6, 27), D("75.8")),  # 909.3 / 1,200 against the new ceiling
    ]


def test_a_derived_value_is_never_more_public_than_its_inputs(town):
    Indicator.objects.filter(municipality=town, key="staff_total").update(visibility=INTERNAL)
    public = values(town)
    assert "staff_total" not in public
    assert public["staff_mobile_share"].latest is None  # the denominator is not public
    inside = values(town, levels_for(Factory.user(town, Role.READER), town))
    assert inside["staff_mobile_share"].latest is not None


def test_a_value_in_the_wrong_unit_is_refused_in_german(town):
    credits = Indicator.objects.get(municipality=town, key="cash_credits")
    wrong = Observation(
        municipality=town,
        indicator=credits,
        date=dt.date(2022, 1, 1),
        value=D("70"),
        unit=Unit.PERCENT,
        source="x",
    )
    with pytest.raises(ValidationError) as error:
        wrong.full_clean()
    assert "nicht in „Prozent“" in error.value.message_dict["unit"][0]


def test_a_ceiling_of_zero_is_refused(town):
    credits = Indicator.objects.get(municipality=town, key="cash_credits")
    zero = Limit(
        municipality=town,
        indicator=credits,
        kind=LimitKind.CEILING,
        value=D("0"),
        valid_from=dt.date(2022, 1, 1),
        resolution="x",
    )
    with pytest.raises(ValidationError) as error:
        zero.full_clean()
    assert error.value.message_dict["value"] == ["Eine Obergrenze muss größer als 0 sein."]


def test_derived_indicators_need_their_inputs_and_the_right_unit(town):
    staff = Indicator.objects.get(municipality=town, key="staff_total")
    ratio = Indicator(
        municipality=town,
        key="x",
        name="x",
        topic="digital",
        unit=Unit.COUNT,
        formula=Formula.RATIO,
        input_a=staff,
    )
    with pytest.raises(ValidationError) as error:
        ratio.full_clean()
    assert set(error.value.message_dict) == {"input_b", "unit"}


@pytest.fixture
def editor(town):
    client = Client()
    client.force_login(Factory.user(town, Role.EDITOR))
    return client


def test_the_form_refuses_a_wrong_unit_and_saves_nothing(town, editor):
    credits = Indicator.objects.get(municipality=town, key="cash_credits")
    before = Observation.objects.count()
    response = editor.post(
        f"/app/{town.slug}/kennzahlen/{credits.pk}/wert/neu/",
        {"date": "2022-06-18", "value": "71,9", "unit": "percent", "source": "Test", "visibility": "public"},
    )
    assert response.status_code == 400
    assert "wird in „Euro“ geführt" in response.content.decode()
    assert Observation.objects.count() == before


def test_the_form_refuses_a_ceiling_of_zero_and_saves_nothing(town, editor):
    credits = Indicator.objects.get(municipality=town, key="cash_credits")
    before = Limit.objects.count()
    response = editor.post(
        f"/app/{town.slug}/kennzahlen/{credits.pk}/grenze/neu/",
        {
            "kind": "ceiling",
            "value": "0",
            "valid_from": "2022-01-01",
            "resolution": "x",
            "visibility": "public",
        },
    )
    assert response.status_code == 400 and "größer als 0" in response.content.decode()
    assert Limit.objects.count() == before


def test_the_form_saves_a_value_with_its_reason(town, editor):
    credits = Indicator.objects.get(municipality=town, key="cash_credits")
    response = editor.post(
        f"/app/{town.slug}/kennzahlen/{credits.pk}/wert/neu/",
        {
            "date": "2022-06-18",
            "value": "240000000",
            "unit": "EUR",
            "source": "Bericht",
            "visibility": "public",
            "change_reason": "Quartalsbericht",
        },
    )
    assert response.status_code == 302
    saved = Observation.objects.get(indicator=credits, date=dt.date(2022, 6, 18))
    assert saved.history.first().history_change_reason == "Quartalsbericht"


def test_pages_show_the_figures_and_the_public_page_hides_internal_series(town, editor):
    board = editor.get(f"/app/{town.slug}/kennzahlen/").content.decode()
    assert "71,9 %" in board and "−35,6 Mio. €" in board and "Online-Anteil der Fälle" in board
    public = Client().get(f"/{town.slug}/kennzahlen/")
    assert public.status_code == 200
    text = public.content.decode()
    assert "71,9 %" in text and "51,0 %" in text and "Online-Anteil der Fälle" not in text


def test_outsiders_get_404_on_the_app_pages(town):
    client = Client()
    client.force_login(Factory.user(Factory.municipality(), Role.ADMIN))
    assert client.get(f"/app/{town.slug}/kennzahlen/").status_code == 404


def test_open_data_tables_read_through_the_visibility_rule(town):
    public = list(table("indicators").rows(town, levels_for_audience("public")))
    assert "online_case_share" not in {i.key for i in public}
    record = table("indicator_values").record(
        Observation.objects.get(indicator__key="cash_credits", date=dt.date(2021, 6, 18))
    )
    assert record["value"] == 251600000.0 and record["unit"] == "EUR"
    assert AnonymousUser().is_anonymous


def test_the_value_form_of_a_derived_indicator_explains_instead_of_failing(town, editor):
    derived = Indicator.objects.get(municipality=town, key="cash_credits_utilisation")
    response = editor.post(
        f"/app/{town.slug}/kennzahlen/{derived.pk}/wert/neu/",
        {"date": "2022-06-18", "value": "70", "unit": "percent", "source": "Test", "visibility": "public"},
    )
    assert response.status_code == 400 and "wird berechnet" in response.content.decode()
