"""The Leverkusen demo reproduces the figures of the council documents."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client

from digitalbilanz.core.models import Municipality, OrgUnit
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.demo import leverkusen
from digitalbilanz.finance.models import BudgetFigure
from digitalbilanz.portfolio.appraisal import figures_for
from digitalbilanz.portfolio.models import FieldOfAction, Measure, Milestone, Strategy
from digitalbilanz.portfolio.queries import audience_measures


@pytest.fixture
def town(db):
    municipality, created = leverkusen.load()
    assert created
    return municipality


def test_loading_twice_duplicates_nothing(town):
    counts = (Measure.objects.count(), Milestone.objects.count(), OrgUnit.objects.count())
    municipality, created = leverkusen.load()
    assert not created
    assert municipality == town
    assert (Measure.objects.count(), Milestone.objects.count(), OrgUnit.objects.count()) == counts
    assert Municipality.objects.filter(slug="leverkusen").count() == 1


def test_reset_reloads_the_same_data(town):
    before = Measure.objects.count()
    _, created = leverkusen.load(reset=True)
    assert created and Measure.objects.count() == before


def test_regional_keys_and_departments(town):
    assert (town.ags, town.ars) == ("05316000", "053160000000")
    codes = set(OrgUnit.objects.filter(municipality=town).values_list("code", flat=True))
    assert {"FB 04", "FB 11", "FB 40", "ivl"} <= codes


def test_strategy_adopted_end_of_2020_with_three_adjustments(town):
    egov = Strategy.objects.get(municipality=town, kind="egov")
    assert egov.adopted_on.year == 2020
    assert egov.revisions.count() == 3
    titles = list(FieldOfAction.objects.filter(municipality=town).values_list("title", flat=True))
    assert len(titles) == 6
    assert any("Modernes Arbeiten" in t for t in titles)
    assert any("Gigabit" in t for t in titles)


def test_mobile_work_share_is_867_of_1700(town):
    measure = Measure.objects.get(municipality=town, code="M-01")
    benefit = measure.benefits.get(number=1)
    assert float(benefit.latest_measurement.value) == pytest.approx(round(867 / 1700 * 100, 1))
    assert "867" in measure.description and "143" in measure.description
    assert "200" in measure.description


def test_dms_tender_slipped_from_early_2021_to_q3_2021(town):
    dms = Measure.objects.get(municipality=town, code="M-03")
    tender = dms.milestones.get(title__startswith="Europaweite Ausschreibung")
    # the approved new baseline (steering) keeps the original, so the slip stays visible
    rebaseline = tender.rebaselines.get()
    assert (rebaseline.original_date, rebaseline.new_date, tender.forecast_date) == (
        dt.date(2021, 3, 31),
        dt.date(2021, 9, 30),
        dt.date(2021, 9, 30),
    )
    assert tender.baseline_date == rebaseline.new_date
    assert (tender.forecast_date - rebaseline.original_date).days == 183
    change = tender.forecast_changes.get()
    assert "beschaffungsrechtlich" in change.reason
    award = dms.milestones.get(title__startswith="Beauftragung")
    pilot = dms.milestones.get(title__startswith="Pilotierung")
    assert award.baseline_date == dt.date(2022, 3, 31)
    assert pilot.baseline_date == dt.date(2022, 6, 30)
    loi = dms.milestones.get(title__startswith="Letter of Intent")
    assert loi.actual_date == dt.date(2021, 6, 28)


def test_product_group_2023_is_19_million(town):
    figure = BudgetFigure.objects.get(municipality=town, year=2023, kind="plan")
    assert figure.amount == 19_000_000
    assert "IT-Strategie, E-Government und Digitalisierung" in figure.product_group.name


def test_demo_economics_add_up(town):
    params = ParameterSet.for_municipality(town)
    for measure in audience_measures(town, "council"):
        figures = figures_for(measure, params)
        assert figures.error == ""
        if figures.appraisal:
            a = figures.appraisal
            assert a.npv_kn == pytest.approx(a.npv_kn_h + a.npv_kn_nh, abs=0.01)


def test_measure_without_benefit_statement_is_flagged(town):
    flagged = {m.code for m in Measure.objects.filter(municipality=town).with_relations() if m.lacks_benefit}
    assert flagged == {"M-06"}


def test_public_audience_sees_no_council_or_internal_measure(town):
    codes = {m.code for m in audience_measures(town, "public")}
    assert "M-07" not in codes and "M-08" not in codes
    dms = next(m for m in audience_measures(town, "public") if m.code == "M-03")
    assert all(line.visibility == "public" for line in dms.lines.all())
    assert len(dms.lines.all()) < Measure.objects.get(code="M-03").lines.count()


def test_every_assumed_figure_is_labelled(town):
    for measure in Measure.objects.filter(municipality=town):
        for line in measure.lines.all():
            assert line.note, f"{measure.code} {line.label} has no source note"


def test_appraise_command_prints_the_npv_and_its_sources(town):
    out = StringIO()
    call_command("appraise", "--municipality", "leverkusen", "--measure", "M-03", stdout=out)
    text = out.getvalue()
    assert "Kapitalwert KN" in text
    assert "BMF" in text


def test_dashboard_shows_the_portfolio_for_the_demo_editor(town):
    client = Client()
    assert client.login(username="redaktion", password="demo-digitalbilanz")
    response = client.get("/app/leverkusen/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "19,0 Mio. €" in body
    assert "Koordination Gigabit- und Mobilfunkausbau" in body
    # the tender's approved new baseline keeps the delay against the original in view
    assert "Europaweite Ausschreibung" in body
    assert "+183 Tage gegenüber dem ursprünglichen Basisplan" in body
    detail = client.get(f"/app/leverkusen/steuerung/massnahmen/{Measure.objects.get(code='M-03').pk}/")
    assert "183 Tage" in detail.content.decode() and "31.03.2021" in detail.content.decode()
