"""The comparison for the budget plan: totals reconcile with the measures' lines; page, report
chapter and workbook show the same totals; the workbook opens in LibreOffice."""

import datetime as dt
import io
import shutil
import subprocess
from decimal import Decimal as D

import pytest
from django.test import Client
from openpyxl import load_workbook

from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.finance.chapters import BudgetPlan
from digitalbilanz.finance.comparison import build_comparison, line_euros
from digitalbilanz.finance.models import BudgetAssignment, ProductGroup
from digitalbilanz.finance.workbook import comparison_workbook
from digitalbilanz.portfolio.models import Line
from digitalbilanz.testing import Factory

PUBLIC, INTERNAL = Visibility.PUBLIC, Visibility.INTERNAL
ALL = ["public", "council", "internal"]


@pytest.fixture
def town(db):
    town = Factory.municipality()
    group = ProductGroup.objects.create(
        municipality=town, number="0199", name="Digitalisierung", visibility=PUBLIC
    )
    dms = Factory.measure(town, code="M-02", title="DMS")
    ozg = Factory.measure(town, code="M-04", title="OZG")
    BudgetAssignment.objects.create(
        municipality=town, visibility=PUBLIC, measure=dms, product_group=group, first_year=2022
    )
    Factory.line(dms, 2024, "cost", "250000.00", group="development", category="software")
    Factory.line(dms, 2025, "cost", "40000.00", group="operation", category="software")
    Factory.line(dms, 2025, "benefit", "12000.00", category="avoided")
    Factory.line(
        dms,
        2026,
        "benefit",
        None,
        budget_relevant=False,
        category="staff_time",
        hours="3200",
        career_level="gd",
    )
    Factory.line(dms, 2027, "cost", "40000.00", group="operation", category="software", visibility=INTERNAL)
    Factory.line(dms, 2030, "cost", "99.00")  # outside 2024–2027
    Factory.line(ozg, 2024, "cost", "80000.00", group="development", category="external")  # no product group
    return town


def lines_total(town, levels, column):
    """The same column summed straight from the lines (independent of the comparison)."""
    params = ParameterSet.for_municipality(town)
    rows = Line.objects.for_municipality(town).with_levels(levels).filter(year__range=(2024, 2027))
    total = D("0")
    for line in rows:
        euros = line_euros(line, params)
        kind = (
            "investment"
            if line.kind == "cost" and line.group == "development"
            else "running_costs"
            if line.kind == "cost"
            else "cash_savings"
            if line.budget_relevant
            else "work_value"
        )
        if kind == column:
            total += euros
    return total


@pytest.mark.parametrize("levels", [ALL, ["public"]])
def test_totals_reconcile_with_the_measures_lines(town, levels):
    result = build_comparison(town, levels, 2024)
    for column in ("investment", "running_costs", "cash_savings", "work_value"):
        assert result.comparison.total(column) == lines_total(town, levels, column), column
    expected_net = (
        lines_total(town, levels, "cash_savings")
        - lines_total(town, levels, "investment")
        - lines_total(town, levels, "running_costs")
    )
    assert result.comparison.total("net_effect") == expected_net


def test_the_hand_computed_case(town):
    result = build_comparison(town, ALL, 2024)
    totals = result.comparison.totals
    assert totals[2024].investment == D("330000.00")  # 250,000 DMS + 80,000 OZG
    assert totals[2025].net_effect == D("-28000.00")  # 12,000 − 40,000
    assert totals[2026].work_hours == D("3200") and totals[2026].work_fte == D("2.00")  # 1,600 h per FTE
    assert totals[2027].running_costs == D("40000.00")
    groups = result.comparison.groups()
    assert groups[""][2024].investment == D("80000.00")  # OZG: no product group yet
    assert groups["0199 Digitalisierung"][2024].investment == D("250000.00")
    assert build_comparison(town, ["public"], 2024).comparison.totals[2027].running_costs == D("0.00")


def test_page_chapter_and_workbook_show_the_same_totals(town):
    client = Client()
    client.force_login(Factory.user(town, Role.READER))
    page = client.get(f"/app/{town.slug}/haushalt/gegenueberstellung/?jahr=2024")
    assert page.status_code == 200
    result = page.context["result"]
    totals = result.comparison.totals
    text = page.content.decode()
    assert "330.000 €" in text and "−28.000 €" in text and "ohne Zuordnung" in text

    section = BudgetPlan().collect(
        {"municipality": town, "audience": "public", "reference_date": dt.date(2023, 6, 1)}
    )
    public = build_comparison(town, levels_for_audience("public"), 2024)
    chapter_total = next(r for r in section["rows"] if r["group"] is None)["cells"]
    for year, cell in public.comparison.totals.items():
        assert chapter_total[str(year)]["net_effect"] == float(cell.net_effect)
    blocks = BudgetPlan().blocks({"sections": {"budget_plan": section}})
    total_table = next(b for b in blocks if b["t"] == "table" and b["title"] == "Summe insgesamt")
    assert total_table["foot"][1] == float(public.comparison.total("investment"))

    response = client.get(f"/app/{town.slug}/haushalt/gegenueberstellung/2024.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Gegenüberstellung"]
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=5, max_row=12, values_only=True) if r[0]}
    assert rows["Position"][:4] == ("2024", "2025", "2026", "2027")
    for label, column in (
        ("Investition (einmalig)", "investment"),
        ("Nettoeffekt (haushaltswirksam)", "net_effect"),
    ):
        assert rows[label][:4] == tuple(float(getattr(totals[y], column)) for y in result.years)
        assert rows[label][4] == float(result.comparison.total(column))
    detail = book["Maßnahmen"]
    assert sum(r[3] for r in detail.iter_rows(min_row=2, values_only=True)) == float(
        result.comparison.total("investment")
    )


def test_the_workbook_opens_in_libreoffice(town, tmp_path):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice ist nicht installiert (libreoffice/soffice nicht im PATH).")
    path = tmp_path / "gegenueberstellung.xlsx"
    path.write_bytes(comparison_workbook(build_comparison(town, ALL, 2024)))
    done = subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "gegenueberstellung.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")


def test_text_that_looks_like_a_formula_stays_text_in_the_workbook(town):
    measure = Factory.measure(town, code="=M", title='=HYPERLINK("x")')
    Factory.line(measure, 2024, "cost", "1.00")
    book = load_workbook(io.BytesIO(comparison_workbook(build_comparison(town, ALL, 2024))))
    cells = [row[1] for row in book["Maßnahmen"].iter_rows(min_row=2)]
    formula = [c for c in cells if str(c.value).startswith("=M")]
    # a typed string, shown as written, never run and never prefixed with an apostrophe
    assert formula and all(c.data_type == "s" for c in formula)
    assert not any(str(c.value).startswith("'") for c in cells)


def test_harmless_text_in_the_workbook_keeps_no_apostrophe(town):
    measure = Factory.measure(town, code="-5", title="-5 % Papier")
    Factory.line(measure, 2024, "cost", "1.00")
    book = load_workbook(io.BytesIO(comparison_workbook(build_comparison(town, ALL, 2024))))
    names = [r[1] for r in book["Maßnahmen"].iter_rows(min_row=2, values_only=True)]
    assert any(n.startswith("-5") and "Papier" in n for n in names)
    assert not any(n.startswith("'") for n in names)


def test_the_public_page_shows_public_lines_only(town):
    response = Client().get(f"/{town.slug}/finanzen/2024/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "330.000 €" in text
    public = build_comparison(town, ["public"], 2024)
    assert public.comparison.totals[2027].running_costs == 0
    xlsx = Client().get(f"/{town.slug}/finanzen/gegenueberstellung-2024.xlsx")
    assert xlsx.status_code == 200
    book = load_workbook(io.BytesIO(xlsx.content))
    rows = {
        r[0]: r[1:]
        for r in book["Gegenüberstellung"].iter_rows(min_row=5, max_row=12, values_only=True)
        if r[0]
    }
    assert rows["laufende Kosten"][3] == 0.0  # the internal 2027 line is not public


def test_the_budget_year_can_be_chosen_on_page_and_workbook(town):
    from digitalbilanz.core.choices import Role

    client = Client()
    client.force_login(Factory.user(town, Role.READER))
    page = client.get(f"/app/{town.slug}/haushalt/gegenueberstellung/?jahr=2024")
    assert page.status_code == 200 and page.context["result"].budget_year == 2024
    book = client.get(f"/app/{town.slug}/haushalt/gegenueberstellung.xlsx?jahr=2024")
    assert book.status_code == 200 and "gegenueberstellung-2024.xlsx" in book["Content-Disposition"]
    public = Client().get(f"/{town.slug}/finanzen/?jahr=2024")
    assert public.status_code == 200 and public.context["result"].budget_year == 2024
    assert Client().get(f"/{town.slug}/finanzen/gegenueberstellung.xlsx?jahr=2024").status_code == 200


@pytest.mark.parametrize("raw", ["abc", "1800", "２０２４", "2024x"])
def test_a_bad_budget_year_is_refused_in_german(town, raw):
    from digitalbilanz.core.choices import Role

    client = Client()
    client.force_login(Factory.user(town, Role.READER))
    page = client.get(f"/app/{town.slug}/haushalt/gegenueberstellung/", {"jahr": raw})
    assert page.status_code == 400
    assert "Das Haushaltsjahr muss eine Jahreszahl von 1990 bis 2200 sein" in page.content.decode()
    book = client.get(f"/app/{town.slug}/haushalt/gegenueberstellung.xlsx", {"jahr": raw})
    assert book.status_code == 400 and "Haushaltsjahr" in book.content.decode()
    public = Client().get(f"/{town.slug}/finanzen/", {"jahr": raw})
    assert public.status_code == 400 and 'aria-invalid="true"' in public.content.decode()


def test_the_chapter_uses_the_budget_of_the_editions_time(town):
    from digitalbilanz.finance.comparison import default_budget_year
    from digitalbilanz.finance.models import BudgetStatus

    BudgetStatus.objects.create(municipality=town, year=2030, stage="preparation", visibility="public")
    assert default_budget_year(town, ALL, dt.date(2029, 6, 1)) == 2030
    # an edition of 2024 does not show the budget prepared years later
    assert default_budget_year(town, ALL, dt.date(2024, 6, 1)) != 2030
