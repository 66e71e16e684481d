"""The non-cash benefit in euros has its own card next to the cash savings."""

from decimal import Decimal

import pytest
from django.test import Client

from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portfolio.models import Measure
from digitalbilanz.portfolio.summary import summarise
from digitalbilanz.testing import Factory

pytestmark = pytest.mark.django_db


def test_noncash_benefits_sum_amounts_and_converted_hours():
    town = Factory.municipality()
    measure = Factory.measure(town)
    Factory.line(measure, kind="benefit", amount="1000", budget_relevant=True)  # cash saving
    Factory.line(measure, kind="benefit", amount="2500", budget_relevant=False)  # e.g. office space
    Factory.line(
        measure, kind="benefit", amount=None, hours=Decimal("10"), career_level="gd", budget_relevant=False
    )
    params = ParameterSet.for_municipality(town)
    rate = params.hourly_cost("gd")
    summary = summarise(Measure.objects.filter(pk=measure.pk), params, draws=50)
    assert summary.cash_savings == pytest.approx(1000)
    assert summary.noncash_benefits == pytest.approx(2500 + 10 * rate)
    page = Client().get(f"/{town.slug}/").content.decode()
    assert "Nutzen, nicht haushaltswirksam" in page
    assert f"{round(2500 + 10 * rate):,} €".replace(",", ".") in page
