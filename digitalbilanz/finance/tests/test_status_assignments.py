"""Budget status and the assignment of measures to product groups: German errors for
contradicting input, nothing half-saved through the forms."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.finance.choices import BudgetStage
from digitalbilanz.finance.models import BudgetAssignment, BudgetStatus, ProductGroup
from digitalbilanz.testing import Factory


@pytest.fixture
def town(db):
    return Factory.municipality()


def status(town, **kwargs):
    return BudgetStatus(municipality=town, year=2021, **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"stage": BudgetStage.ADOPTED}, "adopted_on"),
        ({"stage": BudgetStage.SUBMITTED, "adopted_on": dt.date(2021, 3, 22)}, "submitted_on"),
        (
            {
                "stage": BudgetStage.SUBMITTED,
                "adopted_on": dt.date(2021, 3, 22),
                "submitted_on": dt.date(2021, 3, 1),
            },
            "submitted_on",
        ),
        ({"stage": BudgetStage.PREPARATION, "adopted_on": dt.date(2021, 3, 22)}, "stage"),
        ({"stage": BudgetStage.APPROVED, "adopted_on": dt.date(2021, 3, 22)}, "approved_on"),
    ],
)
def test_contradicting_status_dates_are_refused(town, kwargs, field):
    with pytest.raises(ValidationError) as error:
        status(town, **kwargs).full_clean()
    assert field in error.value.message_dict


def test_the_seed_status_is_valid(town):
    status(
        town, stage=BudgetStage.SUBMITTED, adopted_on=dt.date(2021, 3, 22), submitted_on=dt.date(2021, 5, 31)
    ).full_clean()


def test_a_measure_cannot_be_in_two_product_groups_in_the_same_year(town):
    measure = Factory.measure(town)
    a = ProductGroup.objects.create(municipality=town, number="0199", name="A")
    b = ProductGroup.objects.create(municipality=town, number="0110", name="B")
    BudgetAssignment.objects.create(
        municipality=town, measure=measure, product_group=a, first_year=2021, last_year=2023
    )
    BudgetAssignment(
        municipality=town, measure=measure, product_group=b, first_year=2024
    ).full_clean()  # after
    with pytest.raises(ValidationError) as error:
        BudgetAssignment(municipality=town, measure=measure, product_group=b, first_year=2023).full_clean()
    assert "0199" in error.value.message_dict["first_year"][0]
    with pytest.raises(ValidationError):
        BudgetAssignment(
            municipality=town, measure=measure, product_group=b, first_year=2026, last_year=2025
        ).full_clean()


@pytest.fixture
def editor(town):
    client = Client()
    client.force_login(Factory.user(town, Role.EDITOR))
    return client


def test_the_status_form_refuses_contradicting_dates_and_saves_nothing(town, editor):
    response = editor.post(
        f"/app/{town.slug}/haushalt/stand/neu/",
        {
            "year": "2021",
            "stage": "approved",
            "adopted_on": "2021-03-22",
            "approved_on": "2021-01-01",
            "visibility": "public",
        },
    )
    assert response.status_code == 400
    assert "vor dem vorherigen Verfahrensschritt" in response.content.decode()
    assert not BudgetStatus.objects.exists()


def test_the_status_form_refuses_a_second_status_for_the_same_year(town, editor):
    BudgetStatus.objects.create(municipality=town, year=2022, stage=BudgetStage.PREPARATION)
    response = editor.post(
        f"/app/{town.slug}/haushalt/stand/neu/",
        {"year": "2022", "stage": "preparation", "visibility": "public"},
    )
    assert response.status_code == 400 and "schon erfasst" in response.content.decode()
    assert BudgetStatus.objects.count() == 1


def test_the_product_group_form_refuses_a_duplicate_number(town, editor):
    ProductGroup.objects.create(municipality=town, number="0199", name="A")
    response = editor.post(
        f"/app/{town.slug}/haushalt/produktgruppe/neu/",
        {"number": "0199", "name": "B", "visibility": "public"},
    )
    assert response.status_code == 400 and "gibt es schon" in response.content.decode()


def test_readers_cannot_open_the_forms(town):
    client = Client()
    client.force_login(Factory.user(town, Role.READER))
    assert client.get(f"/app/{town.slug}/haushalt/stand/neu/").status_code == 404
    assert client.get(f"/app/{town.slug}/haushalt/").status_code == 200


def test_the_second_of_two_editors_is_refused_and_the_first_change_stays(town, editor):
    status = BudgetStatus.objects.create(municipality=town, year=2021, stage=BudgetStage.PREPARATION)
    other = Client()
    other.force_login(Factory.user(town, Role.EDITOR))
    url = f"/app/{town.slug}/haushalt/stand/{status.pk}/"
    loaded = {"year": "2021", "lock_version": str(status.lock_version), "visibility": "public"}
    first = editor.post(url, {**loaded, "stage": "adopted", "adopted_on": "2021-03-22"})
    assert first.status_code == 302
    second = other.post(url, {**loaded, "stage": "provisional", "note": "vorläufig"})
    assert second.status_code == 400 and "geändert" in second.content.decode()
    status.refresh_from_db()
    assert (status.stage, status.adopted_on, status.note) == ("adopted", dt.date(2021, 3, 22), "")
