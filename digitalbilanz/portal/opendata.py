"""Open-data engine: turns a registered table (``registry.tables``) into CSV, JSON, XLSX and a
Frictionless package.

Formats are machine-readable first: UTF-8 CSV with a header row, comma separator, ISO 8601
dates, a full stop as decimal separator and ``true``/``false`` for booleans; empty cell = no value.
"""

import csv
import datetime as dt
import io
import json

from django.utils.translation import gettext as _

from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.registry.tables import Table, tables
from digitalbilanz.spreadsheet import append_row, safe_cell

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PUBLIC = levels_for_audience("public")


def public_records(table: Table, municipality) -> list[dict]:
    return [table.record(obj) for obj in table.rows(municipality, PUBLIC)]


def to_json_bytes(rows: list[dict]) -> bytes:
    return json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8")


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return safe_cell(value)  # text only: numbers stay numbers (-12.5)


def to_csv_bytes(table: Table, rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    for row in rows:
        writer.writerow([_cell(row[c.name]) for c in table.columns])
    # With a byte-order mark, Excel reads the file as UTF-8 (umlauts) instead of Windows-1252.
    return out.getvalue().encode("utf-8-sig")


def to_xlsx_bytes(table: Table, rows: list[dict]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = table.name[:31]
    append_row(sheet, [c.name for c in table.columns])
    for row in rows:
        append_row(sheet, [_xlsx_cell(row[c.name], c.type) for c in table.columns])
    notes = book.create_sheet(_("Spalten"))
    append_row(notes, [_("Spalte"), _("Typ"), _("Titel"), _("Beschreibung"), _("Einheit")])
    for c in table.columns:
        append_row(notes, [c.name, c.type, str(c.title), str(c.description), c.unit])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(value, kind):
    """Typed cell value: dates as dates, numbers as numbers, text unchanged (stored as a string)."""
    if value is not None and kind == "date":
        return dt.date.fromisoformat(value)
    if value == "":
        return None  # empty text is an empty cell, as in CSV (docs/portal.md, "Empty values")
    return value


def render(table: Table, municipality, fmt: str) -> bytes:
    rows = public_records(table, municipality)
    if fmt == "csv":
        return to_csv_bytes(table, rows)
    if fmt == "json":
        return to_json_bytes(rows)
    return to_xlsx_bytes(table, rows)


def table_schema(table: Table) -> dict:
    fields = []
    for c in table.columns:
        field = {"name": c.name, "type": c.type, "title": str(c.title), "description": str(c.description)}
        if c.type == "boolean":
            field.update(trueValues=["true"], falseValues=["false"])
        if c.unit:
            field["unit"] = c.unit
        fields.append(field)
    return {"fields": fields, "primaryKey": table.primary_key, "missingValues": [""]}


def datapackage(municipality, settings, base_url: str) -> dict:
    """Frictionless Data Package (v1) describing every public CSV of the municipality."""
    return {
        "profile": "tabular-data-package",
        "name": f"digitalbilanz-{municipality.slug}",
        "title": _("Digitalbilanz %(name)s") % {"name": municipality.name},
        "homepage": base_url,
        "licenses": [
            {"name": settings.licence, "path": settings.licence_uri, "title": settings.get_licence_display()}
        ],
        "contributors": [{"title": settings.publisher, "email": settings.contact_email, "role": "publisher"}],
        "resources": [
            {
                "name": t.name,
                "path": f"{t.name}.csv",
                "profile": "tabular-data-resource",
                "title": str(t.title),
                "description": str(t.description),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "header": True},
                "schema": table_schema(t),
            }
            for t in tables()
        ],
    }
