"""Case numbers from CSV and Excel: German formats, preview, all or nothing, idempotent."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from digitalbilanz.core.imports import ImportRejected
from digitalbilanz.core.models import ImportRun, Municipality
from digitalbilanz.services import imports
from digitalbilanz.services.models import CaseCount
from digitalbilanz.services.tests.conftest import make_service

GOOD = (
    "OZG-ID;Zeitraum;Beginn;Kanal;Fälle\n"
    "10001;Monat;01.03.2024;online;1.234\n"
    "10001;Monat;01.03.2024;Schalter;2.000,0\n"
    "10001;Quartal;01.04.2024;Post;17\n"
    "10001;Jahr;01.01.2023;E-Mail;0\n"
)


def csv(text, encoding="utf-8"):
    return text.encode(encoding)


def xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def service(town):
    return make_service(town)


def test_a_german_csv_is_previewed_then_applied_and_a_second_import_changes_nothing(town, service):
    parsed = imports.parse(town, "faelle.csv", csv(GOOD))
    assert parsed.problems == [] and parsed.total == 4
    summary = imports.preview(town, parsed)
    assert (summary.created, summary.changed, summary.unchanged) == (4, 0, 0)
    assert not CaseCount.objects.exists()  # the preview writes nothing
    before = Municipality.objects.get(pk=town.pk).data_version
    run = imports.apply(town, "faelle.csv", csv(GOOD))
    assert (run.created_count, run.updated_count, run.unchanged_count) == (4, 0, 0)
    assert Municipality.objects.get(pk=town.pk).data_version == before + 1  # one data change
    march = CaseCount.objects.get(channel="online")
    assert (march.period_kind, march.period_start, march.cases, march.period) == (
        "month",
        dt.date(2024, 3, 1),
        1234,
        "03/2024",
    )
    assert CaseCount.objects.get(channel="counter").cases == 2000
    rows = list(CaseCount.objects.values_list("pk", "cases", "lock_version", "import_run"))
    again = imports.apply(town, "faelle.csv", csv(GOOD))
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 4)
    assert list(CaseCount.objects.values_list("pk", "cases", "lock_version", "import_run")) == rows


def test_a_changed_value_is_updated_in_place(town, service):
    imports.apply(town, "a.csv", csv(GOOD))
    changed = GOOD.replace("online;1.234", "online;1.300")
    summary = imports.preview(town, imports.parse(town, "b.csv", csv(changed)))
    assert (summary.created, summary.changed, summary.unchanged) == (0, 1, 3)
    assert summary.examples == [("10001", "03/2024", "online", 1234, 1300)]
    run = imports.apply(town, "b.csv", csv(changed))
    row = CaseCount.objects.get(channel="online")
    assert (row.cases, row.lock_version, row.import_run_id) == (1300, 1, run.pk)


BAD_ROWS = [
    ("99999;Monat;01.03.2024;online;5", "OZG-ID", "Unbekannter Dienst „99999“."),
    ("10001;Monat;01.03.2024;online;-5", "Fälle", "Die Fallzahl darf nicht negativ sein."),
    ("10001;Monat;01.03.2024;online;12,5", "Fälle", "Keine ganze Zahl: „12,5“."),
    (
        "10001;Monat;01.03.2024;online;zwölf",
        "Fälle",
        "Keine Zahl im deutschen Format (z. B. 1.234): „zwölf“.",
    ),
    ("10001;Monat;2024-13-01;online;5", "Beginn", "Kein Datum im Format TT.MM.JJJJ: „2024-13-01“."),
    ("10001;Monat;31.02.2024;online;5", "Beginn", "Kein Datum im Format TT.MM.JJJJ: „31.02.2024“."),
    ("10001;Quartal;01.02.2024;online;5", "Beginn", "01.02.2024 ist nicht der erste Tag eines Zeitraums"),
    ("10001;Woche;01.03.2024;online;5", "Zeitraum", "Zeitraum muss Monat, Quartal oder Jahr sein."),
    ("10001;Monat;01.03.2024;Fax;5", "Kanal", "Kanal muss online, Schalter, Post, E-Mail oder Telefon sein."),
    ("10001;Monat;01.03.2024;online;1.234", "Zeitraum", "Zeitraum und Kanal doppelt (schon in Zeile 2)."),
]


@pytest.mark.parametrize(("line", "column", "message"), BAD_ROWS)
def test_a_bad_row_rejects_the_whole_file_with_line_column_and_reason(town, service, line, column, message):
    data = csv(GOOD + line + "\n")
    with pytest.raises(ImportRejected) as rejected:
        imports.apply(town, "faelle.csv", data, user=None)
    problem = rejected.value.problems[0]
    assert (problem["row"], problem["column"]) == (6, column)
    assert problem["message"].startswith(message)
    assert not CaseCount.objects.exists()  # all or nothing
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED


def test_wrong_encoding_separator_and_header_are_named(town, service):
    cp1252 = csv(GOOD, "cp1252")  # "Fälle" in Windows-1252
    problems = imports.parse(town, "f.csv", cp1252).problems
    assert problems[0]["row"] == 1 and "nicht UTF-8-kodiert" in problems[0]["message"]
    comma = csv(GOOD.replace(";", ","))
    assert "Semikolon" in imports.parse(town, "f.csv", comma).problems[0]["message"]
    no_cases = csv("OZG-ID;Zeitraum;Beginn;Kanal\n10001;Monat;01.03.2024;online\n")
    assert imports.parse(town, "f.csv", no_cases).problems[0]["message"].startswith("Spalte fehlt: Fälle")
    assert "leer" in imports.parse(town, "f.csv", b"").problems[0]["message"]


def test_a_utf8_bom_and_blank_lines_are_accepted(town, service):
    parsed = imports.parse(town, "f.csv", b"\xef\xbb\xbf" + csv(GOOD + "\n;;;;\n"))
    assert parsed.problems == [] and len(parsed.rows) == 4


def test_an_excel_file_with_numbers_and_dates_as_cells(town, service):
    data = xlsx(
        [
            ["OZG-ID", "Zeitraum", "Beginn", "Kanal", "Fälle"],
            [10001, "Monat", dt.datetime(2024, 3, 1), "online", 1234],
            ["10001", "Jahr", "01.01.2023", "Telefon", 12.0],
        ]
    )
    run = imports.apply(town, "faelle.xlsx", data)
    assert run.created_count == 2
    assert CaseCount.objects.get(channel="phone").cases == 12


def test_a_malformed_excel_file_names_row_and_column(town, service):
    data = xlsx(
        [
            ["OZG-ID", "Zeitraum", "Beginn", "Kanal", "Fälle"],
            [10001, "Monat", dt.datetime(2024, 3, 1), "online", 12.5],
            [10001, "Monat", "März 2024", "online", 3],
        ]
    )
    problems = imports.parse(town, "faelle.xlsx", data).problems
    assert [(p["row"], p["column"]) for p in problems] == [(2, "Fälle"), (3, "Beginn")]
    assert "Keine ganze Zahl" in problems[0]["message"]
    assert "nicht gelesen" in imports.parse(town, "kaputt.xlsx", b"PK\x03\x04kaputt").problems[0]["message"]


def test_services_of_another_municipality_are_unknown(town, service):
    from digitalbilanz.testing import Factory

    other = Factory.municipality()
    problems = imports.parse(other, "f.csv", csv(GOOD)).problems
    assert problems[0]["message"] == "Unbekannter Dienst „10001“."


def test_the_template_workbook_has_the_header(town):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(imports.template_xlsx())).active
    assert [c.value for c in sheet[1]] == list(imports.HEADER)
