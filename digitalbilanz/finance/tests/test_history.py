"""History pages of the budget and the indicators follow the one history rule."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.finance.models import BudgetFigure, BudgetStatus, ProductGroup
from digitalbilanz.indicators.models import Indicator, Limit, Observation
from digitalbilanz.testing import Factory

PUBLIC, INTERNAL = Visibility.PUBLIC, Visibility.INTERNAL


@pytest.fixture
def town(db):
    return Factory.municipality(slug="stadt")


def client_for(town, role):
    client = Client()
    client.force_login(Factory.user(town, role))
    return client


def change(record, reason, **values):
    for name, value in values.items():
        setattr(record, name, value)
    record._change_reason = reason
    record.save()


def test_budget_history_shows_internal_figures_only_to_their_readers(town):
    group = ProductGroup.objects.create(municipality=town, number="0199", name="IT", visibility=PUBLIC)
    figure = BudgetFigure.objects.create(
        municipality=town, product_group=group, year=2023, kind="plan", amount=Decimal("19000000"),
        source="Haushaltsplan", visibility=INTERNAL,
    )  # fmt: skip
    change(figure, "Nachtragshaushalt", amount=Decimal("19777000"))
    status = BudgetStatus.objects.create(municipality=town, year=2024, stage="preparation", visibility=PUBLIC)
    change(status, "Ratsbeschluss", stage="adopted", adopted_on=dt.date(2024, 3, 1))
    overview = client_for(town, Role.READER).get("/app/stadt/haushalt/").content.decode()
    assert "/app/stadt/haushalt/historie/" in overview
    reader = client_for(town, Role.READER).get("/app/stadt/haushalt/historie/").content.decode()
    assert "19.777.000" in reader and "Nachtragshaushalt" in reader and "Ratsbeschluss" in reader
    council = client_for(town, Role.COUNCIL).get("/app/stadt/haushalt/historie/").content.decode()
    assert "Ratsbeschluss" in council
    assert "19.777.000" not in council and "Nachtragshaushalt" not in council


def test_indicator_history_shows_values_and_limits_per_rule(town):
    indicator = Indicator.objects.create(
        municipality=town, key="kassenkredite", name="Kassenkredite", topic="finance", unit="EUR",
        visibility=PUBLIC,
    )  # fmt: skip
    value = Observation.objects.create(
        municipality=town, indicator=indicator, date=dt.date(2021, 6, 18), value=Decimal("251600000"),
        unit="EUR", source="Kämmerei", visibility=INTERNAL,
    )  # fmt: skip
    change(value, "Korrektur Kämmerei", value=Decimal("251654321"))
    limit = Limit.objects.create(
        municipality=town, indicator=indicator, kind="ceiling", value=Decimal("300000000"),
        valid_from=dt.date(2021, 1, 1), resolution="Haushaltssatzung", visibility=PUBLIC,
    )  # fmt: skip
    change(limit, "Satzungsänderung", value=Decimal("350000000"))
    url = f"/app/stadt/kennzahlen/{indicator.pk}/historie/"
    detail = client_for(town, Role.READER).get(f"/app/stadt/kennzahlen/{indicator.pk}/").content.decode()
    assert url in detail
    reader = client_for(town, Role.READER).get(url).content.decode()
    assert "251.654.321" in reader and "Korrektur Kämmerei" in reader and "Satzungsänderung" in reader
    council = client_for(town, Role.COUNCIL).get(url).content.decode()
    assert "Satzungsänderung" in council
    assert "251.654.321" not in council and "Korrektur Kämmerei" not in council


def test_history_of_an_unreadable_indicator_is_not_found(town):
    indicator = Indicator.objects.create(
        municipality=town, key="intern", name="Intern", topic="finance", unit="EUR", visibility=INTERNAL
    )
    response = client_for(town, Role.COUNCIL).get(f"/app/stadt/kennzahlen/{indicator.pk}/historie/")
    assert response.status_code == 404
