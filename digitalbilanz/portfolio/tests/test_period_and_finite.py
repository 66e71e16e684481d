"""Lines only inside the appraisal period; every figure finite or refused in German."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from digitalbilanz import economics as eco
from digitalbilanz.core.choices import Role
from digitalbilanz.core.models import Parameter
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portfolio.appraisal import figures_for
from digitalbilanz.portfolio.models import Line
from digitalbilanz.testing import Factory

from .test_forms import _post_line


@pytest.fixture
def setup(db):
    town = Factory.municipality()
    client = Client()
    client.force_login(Factory.user(town, Role.EDITOR))
    measure = Factory.measure(town, start_date=dt.date(2024, 1, 1))  # 8 years: 2024–2031
    return town, client, measure


def test_a_line_after_the_period_is_refused_by_the_form(setup):
    town, client, measure = setup
    assert _post_line(client, town, measure, year="2031").status_code == 302
    response = _post_line(client, town, measure, year="2032")
    assert response.status_code in (200, 400)
    assert "außerhalb des Betrachtungszeitraums 2024–2031" in response.content.decode()
    assert list(Line.objects.filter(measure=measure).values_list("year", flat=True)) == [2031]


def test_a_line_before_the_start_is_refused(setup):
    town, client, measure = setup
    response = _post_line(client, town, measure, year="2023")
    assert "Das Jahr 2023 liegt außerhalb" in response.content.decode()
    assert not Line.objects.filter(measure=measure).exists()


def test_without_start_date_the_lines_must_fit_into_one_horizon(db):
    town = Factory.municipality()
    measure = Factory.measure(town, start_date=None)
    Factory.line(measure, year=2020)
    line = Line(
        municipality=town,
        measure=measure,
        kind="cost",
        group="operation",
        category="external",
        year=2028,
        label="zu spät",
        amount=Decimal("1"),
    )
    with pytest.raises(ValidationError, match="2020–2027"):
        line.full_clean()


def test_the_period_cannot_shrink_past_a_line(setup):
    town, client, measure = setup
    Factory.line(measure, year=2024)
    measure.start_date = dt.date(2025, 1, 1)
    with pytest.raises(ValidationError, match="Das Jahr 2024 liegt außerhalb"):
        measure.full_clean()
    measure.start_date = dt.date(2023, 1, 1)  # still covers 2024
    measure.full_clean()


def test_an_overflowing_appraisal_is_refused_in_german(db):
    town = Factory.municipality()
    Parameter.objects.create(
        municipality=town,
        key="discount_rate",
        value=Decimal("-99.9999"),
        source="Test",
        as_of=dt.date(2026, 1, 1),
    )
    Parameter.objects.create(
        municipality=town, key="horizon", value=Decimal("50"), source="Test", as_of=dt.date(2026, 1, 1)
    )
    measure = Factory.measure(town, start_date=dt.date(2024, 1, 1))
    for year in (2024, 2073):
        Factory.line(measure, year=year, kind="benefit", amount="999999999999.99")
    figures = figures_for(measure, ParameterSet.for_municipality(town))
    assert figures.appraisal is None
    assert "nicht als endliche Zahl" in figures.error


@pytest.mark.parametrize("rate", [-0.999999, -0.9999999999999])
def test_economics_never_returns_infinity(rate):
    params = eco.Parameters(start_year=2024, horizon=50, discount_rate=rate)
    lines = [eco.Line(year=2024 + t, kind="benefit", budget_relevant=True, amount=1e12) for t in range(50)]
    with pytest.raises(eco.EconomicsError, match="nicht als endliche Zahl"):
        eco.appraise(lines, params)
    with pytest.raises(eco.EconomicsError, match="nicht als endliche Zahl"):
        eco.monte_carlo({"M": lines}, {"M": params}, draws=10, seed=1)


def test_ordinary_figures_stay_finite():
    params = eco.Parameters(start_year=2024, horizon=8, discount_rate=0.009)
    appraisal = eco.appraise([eco.Line(year=2024, kind="cost", budget_relevant=True, amount=1000.0)], params)
    assert appraisal.npv_kn == -1000.0
