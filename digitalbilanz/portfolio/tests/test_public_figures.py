"""Public figures are complete or say that they are not (page, card, report, open data, API).

The demo's M-03 (DMS) has one council-only cost line of 450,000 € in 2022 ("vertraulich bis zum
Zuschlag"). The administration's own figures: KN 597,612 €, payback 2027.
"""

import csv
import io
from decimal import Decimal

import pytest
from django.test import Client

from digitalbilanz.core.choices import PublicFigures, Visibility
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portfolio.appraisal import figures_for
from digitalbilanz.portfolio.choices import PublicTotals
from digitalbilanz.portfolio.models import Line, Measure
from digitalbilanz.portfolio.queries import audience_measures, measures_for_levels
from digitalbilanz.reports.models import Edition

INTERNAL = ["public", "council", "internal"]
NOTICE = "berechnet ohne 1 nicht öffentliche Zeile"


@pytest.fixture
def town(demo_town):
    return demo_town


def figures(town, audience):
    measures = audience_measures(town, audience) if audience else measures_for_levels(town, INTERNAL)
    measure = measures.get(code="M-03")
    return figures_for(measure, ParameterSet.for_municipality(town))


def csv_row(client, town, table, code):
    body = client.get(f"/{town.slug}/daten/{table}.csv").content.decode("utf-8-sig")
    return next(row for row in csv.DictReader(io.StringIO(body)) if row["code"] == code)


def test_internal_figures_are_the_administrations_own(town):
    internal = figures(town, None)
    assert round(internal.appraisal.npv_kn) == 597_612
    assert internal.appraisal.payback_year == 2027
    assert internal.notice == ""


def test_dms_carries_the_notice_on_page_card_report_csv_and_api_by_default(town):
    assert town.public_figures == PublicFigures.NOTICE
    public = figures(town, Visibility.PUBLIC)
    assert public.omitted_count == 1 and public.notice == NOTICE
    assert round(public.appraisal.npv_kn) != 597_612  # computed without the line, and says so
    client = Client()
    m03 = Measure.objects.get(municipality=town, code="M-03")
    page = client.get(f"/{town.slug}/massnahmen/{m03.pk}/").content.decode()
    assert page.count(NOTICE) >= 3  # the KN card, the KN/h card and the paragraph
    assert "KN/h (haushaltswirksam)" in page
    row = csv_row(client, town, "figures", "M-03")
    assert (row["withheld_lines"], row["notice"]) == ("1", NOTICE)
    api = client.get(f"/api/v1/{town.slug}/figures/").json()
    item = next(r for r in api["results"] if r["code"] == "M-03")
    assert item["withheld_lines"] == 1 and item["notice"] == NOTICE
    edition = Edition.objects.published().filter(audience="public").latest("period")
    dms = next(m for m in edition.snapshot["sections"]["portfolio"]["measures"] if m["code"] == "M-03")
    assert dms["notice"] == NOTICE
    html = bytes(edition.file("html").content).decode()
    assert f"M-03: {NOTICE}" in html
    overview = client.get(f"/{town.slug}/").content.decode()
    assert "berechnet ohne" in overview and "davon KN/h" in overview


def test_council_sees_the_line_and_no_notice(town):
    council = figures(town, Visibility.COUNCIL)
    assert council.notice == "" and round(council.appraisal.npv_kn) == 597_612


def test_a_lone_confidential_line_is_never_folded(town):
    town.public_figures = PublicFigures.FOLD
    town.save()
    Line.objects.filter(measure__code="M-03", visibility=Visibility.COUNCIL).update(
        public_totals=PublicTotals.FOLD
    )
    public = figures(town, Visibility.PUBLIC)
    assert public.folded_count == 0 and public.notice == NOTICE


def split_confidential_line(town):
    """Split the 450,000 € into two council-only lines of the same year and kind (same total)."""
    line = Line.objects.get(measure__code="M-03", visibility=Visibility.COUNCIL)
    line.amount, line.low, line.high = Decimal("312345.67"), None, None
    line.save()
    Line.objects.create(
        municipality=town,
        measure=line.measure,
        kind=line.kind,
        group=line.group,
        category="hardware",
        budget_relevant=True,
        year=line.year,
        label="Hardware Scanstraße",
        amount=Decimal("137654.33"),
        risk_surcharge=line.risk_surcharge,
        visibility=Visibility.COUNCIL,
    )


def test_with_folding_chosen_the_public_figures_equal_the_internal_ones(town):
    split_confidential_line(town)
    town.public_figures = PublicFigures.FOLD
    town.save()
    public, internal = figures(town, Visibility.PUBLIC), figures(town, None)
    assert public.folded_count == 2 and public.notice == ""
    for attr in ("npv_kn", "npv_kn_h", "npv_kn_nh", "npv_kn_r"):
        assert getattr(public.appraisal, attr) == pytest.approx(
            getattr(internal.appraisal, attr), abs=0.005
        ), attr
    assert round(public.appraisal.npv_kn) == 597_612
    assert public.appraisal.payback_year == internal.appraisal.payback_year == 2027
    assert public.total_cost == pytest.approx(internal.total_cost)
    client = Client()
    m03 = Measure.objects.get(municipality=town, code="M-03")
    page = client.get(f"/{town.slug}/massnahmen/{m03.pk}/").content.decode()
    assert "nicht einzeln veröffentlichte Zeilen" in page
    assert "312.345" not in page and "137.654" not in page
    row = csv_row(client, town, "figures", "M-03")
    assert (row["withheld_lines"], row["folded_lines"]) == ("0", "2")
    assert Decimal(row["npv_kn"]) == Decimal(str(round(internal.appraisal.npv_kn, 2)))


def test_an_editor_can_keep_a_line_out_of_folding(town):
    split_confidential_line(town)
    town.public_figures = PublicFigures.FOLD
    town.save()
    Line.objects.filter(measure__code="M-03", amount=Decimal("137654.33")).update(
        public_totals=PublicTotals.OMIT
    )
    public = figures(town, Visibility.PUBLIC)
    # the other line would now stand alone in its year and kind: neither is folded
    assert public.folded_count == 0 and public.omitted_count == 2


def test_an_editor_can_fold_lines_under_the_default_notice(town):
    split_confidential_line(town)
    Line.objects.filter(measure__code="M-03", visibility=Visibility.COUNCIL).update(
        public_totals=PublicTotals.FOLD
    )
    public, internal = figures(town, Visibility.PUBLIC), figures(town, None)
    assert public.folded_count == 2 and public.notice == ""
    assert public.appraisal.npv_kn == pytest.approx(internal.appraisal.npv_kn, abs=0.005)


def test_year_zero_is_the_measures_start_not_the_first_visible_line(town):
    measure = Measure.objects.get(municipality=town, code="M-03")
    measure.start_date = None
    measure.save()
    # the only 2022 cost lines become internal: the first visible line is now in 2023
    Line.objects.filter(measure=measure, year=2022).update(visibility=Visibility.COUNCIL)
    public = figures(town, Visibility.PUBLIC)
    assert public.appraisal.yearly[0].year == 2022
    assert public.appraisal.yearly[0].costs == 0


def test_measure_figures_come_only_from_public_lines():
    """One implementation: measures are appraised only in ``portfolio/appraisal.py`` (through
    ``public_lines``); any other call of the economics on database lines would bypass the notice."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        if "/tests/" in relative or relative.startswith("economics/") or relative == "portfolio/appraisal.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "to_eco_line(" in text or "eco.appraise(" in text or "economics.appraise(" in text:
            offenders.append(relative)
    assert offenders == []
    source = (root / "portfolio" / "appraisal.py").read_text(encoding="utf-8")
    assert source.count("chosen = public_lines(measure, params") == 2  # figures_for and eco_inputs
