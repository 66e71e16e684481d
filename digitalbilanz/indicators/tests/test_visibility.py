"""Role matrix for the indicator and budget records: a child is readable only if it and its
parents are (values of an indicator, assignments of a measure to a product group)."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.contrib.auth.models import AnonymousUser

from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.finance.models import BudgetAssignment, BudgetStatus, ProductGroup
from digitalbilanz.indicators.models import Indicator, Limit, Observation
from digitalbilanz.testing import Factory

PUBLIC, COUNCIL, INTERNAL = Visibility.PUBLIC, Visibility.COUNCIL, Visibility.INTERNAL
LEVELS = (PUBLIC, COUNCIL, INTERNAL)
ROLES = [
    (None, (PUBLIC,)),
    (Role.COUNCIL, (PUBLIC, COUNCIL)),
    (Role.READER, LEVELS),
    (Role.EDITOR, LEVELS),
    (Role.ADMIN, LEVELS),
]


@pytest.fixture
def town(db):
    return Factory.municipality()


@pytest.fixture
def records(town):
    """One value, limit and assignment per combination of its own level and its parent's."""
    found = {"obs": {}, "limit": {}, "assign": {}, "status": {}}
    for n, parent in enumerate(LEVELS):
        indicator = Indicator.objects.create(
            municipality=town, key=f"k{n}", name=f"K{n}", topic="finance", unit="EUR", visibility=parent
        )
        measure = Factory.measure(town, visibility=parent)
        group = ProductGroup.objects.create(
            municipality=town, number=f"01{n:02d}", name="G", visibility=PUBLIC
        )
        for m, level in enumerate(LEVELS):
            found["obs"][parent, level] = Observation.objects.create(
                municipality=town,
                indicator=indicator,
                date=dt.date(2021, 1, m + 1),
                value=D(1),
                unit="EUR",
                source="x",
                visibility=level,
            )
            found["limit"][parent, level] = Limit.objects.create(
                municipality=town,
                indicator=indicator,
                kind="ceiling",
                value=D(1),
                valid_from=dt.date(2021, 1, m + 1),
                resolution="x",
                visibility=level,
            )
            found["assign"][parent, level] = BudgetAssignment.objects.create(
                municipality=town,
                measure=measure,
                product_group=group,
                first_year=2020 + 2 * m,
                last_year=2021 + 2 * m,
                visibility=level,
            )
    for n, level in enumerate(LEVELS):
        found["status"][level, level] = BudgetStatus.objects.create(
            municipality=town, year=2020 + n, stage="preparation", visibility=level
        )
    return found


MODELS = {"obs": Observation, "limit": Limit, "assign": BudgetAssignment, "status": BudgetStatus}


@pytest.mark.parametrize("kind", list(MODELS))
@pytest.mark.parametrize(("role", "levels"), ROLES)
def test_a_record_is_readable_only_if_it_and_its_parent_are(town, records, kind, role, levels):
    user = Factory.user(town, role) if role else AnonymousUser()
    visible = set(MODELS[kind].objects.visible_to(user, town).values_list("pk", flat=True))
    expected = {r.pk for (parent, level), r in records[kind].items() if {parent, level} <= set(levels)}
    assert visible == expected


def test_members_of_another_municipality_read_public_records_only(town, records):
    outsider = Factory.user(Factory.municipality(), Role.ADMIN)
    visible = set(Observation.objects.visible_to(outsider, town).values_list("pk", flat=True))
    assert visible == {records["obs"][PUBLIC, PUBLIC].pk}
