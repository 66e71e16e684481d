import datetime as dt
from decimal import Decimal as D

import pytest

from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.services import imports
from digitalbilanz.services.models import Activity, ChannelCost, Service
from digitalbilanz.testing import Factory


def make_service(town, ozg_id="10001", visibility=Visibility.PUBLIC, department=None, **kwargs):
    """A service whose figures are computed by hand in test_costs.py:

    md wage 25.50 €/h × 1.2 = 30.60 €/h = 0.51 €/min; analog 26 min, online 13 + 7 (media break).
    """
    service = Service.objects.create(
        municipality=town,
        ozg_id=ozg_id,
        name=kwargs.pop("name", f"Dienst {ozg_id}"),
        visibility=visibility,
        department=department,
        media_break_minutes=D("7"),
        media_break_level="md",
        analog_fixed_change=D("600"),
        **kwargs,
    )
    for channel in ("counter", "post"):
        Activity.objects.create(
            service=service, channel=channel, label="Bearbeitung", minutes=D("26"), career_level="md"
        )
    Activity.objects.create(
        service=service, channel="online", label="Bearbeitung", minutes=D("13"), career_level="md"
    )
    ChannelCost.objects.create(service=service, channel="online", fixed_cost=D("1200"))
    ChannelCost.objects.create(service=service, channel="post", material_cost=D("0.95"))
    return service


def add_cases(town, service, year=2024, online=400, counter=500, post=100, kind="year"):
    rows = [
        (service.pk, kind, dt.date(year, 1, 1), channel, n)
        for channel, n in (("online", online), ("counter", counter), ("post", post))
    ]
    return imports.write(town, imports.Parsed(rows=rows, total=len(rows)), file_name="test")


@pytest.fixture
def town(db):
    return Factory.municipality(slug="musterstadt")


@pytest.fixture
def editor(town):
    return Factory.user(town, Role.EDITOR, username="redakteurin")
