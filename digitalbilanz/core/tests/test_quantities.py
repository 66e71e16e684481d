"""Quantities on pages: whole numbers without decimals, others without trailing zeros."""

from decimal import Decimal

import pytest
from django.test import Client

from digitalbilanz.core.templatetags.dbformat import qty
from digitalbilanz.testing import Factory


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Decimal("3200.00"), "3.200"),
        (100000, "100.000"),
        (Decimal("1.0"), "1"),
        (Decimal("12.50"), "12,5"),
        (Decimal("0.25"), "0,25"),
        (Decimal("-7.10"), "−7,1"),
        (None, "–"),
    ],
)
def test_qty(value, shown):
    assert qty(value) == shown


@pytest.mark.django_db
def test_hours_lines_and_benefit_values_show_no_needless_decimals():
    town = Factory.municipality()
    measure = Factory.measure(town)
    Factory.line(measure, kind="benefit", amount=None, hours=Decimal("3200.00"), career_level="gd")
    page = Client().get(f"/{town.slug}/massnahmen/{measure.pk}/").content.decode()
    assert "3.200&nbsp;Std." in page and "3.200,0" not in page
