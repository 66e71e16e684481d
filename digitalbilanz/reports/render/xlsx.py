"""Excel workbook: a cover sheet plus one sheet per table, numbers as numbers with formats."""

import datetime as dt
import io
import re

from django.utils.translation import gettext as _

from digitalbilanz.registry import blocks as b
from digitalbilanz.reports.render import document
from digitalbilanz.spreadsheet import text_cell

INVALID = re.compile(r"[\[\]\*\?/\\:]")
FIXED_DATE = dt.datetime(2000, 1, 1)


def render_xlsx(snapshot: dict) -> bytes:
    from openpyxl import Workbook

    doc = document(snapshot, "xlsx")
    wb = Workbook()
    _cover(wb.active, doc)
    used = {wb.active.title}
    for chapter in doc["chapters"]:
        for block in (x for x in chapter["blocks"] if x["t"] == "table"):
            ws = wb.create_sheet(_sheet_name(block.get("sheet") or block["title"], used))
            _table(ws, block, chapter["title"])
    wb.properties.title = doc["title"]
    wb.properties.creator = "Digitalbilanz"
    wb.properties.language = "de-DE"
    generated = dt.datetime(*doc["date"])
    wb.properties.created = wb.properties.modified = generated
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _sheet_name(name, used):
    base = INVALID.sub("-", name)[:31] or "Tabelle"
    candidate, n = base, 2
    while candidate in used:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate


def _cover(ws, doc):
    from openpyxl.styles import Font

    ws.title = _("Bericht")
    text_cell(ws.cell(row=1, column=1, value=doc["title"]))
    ws["A1"].font = Font(bold=True, size=14)
    text_cell(ws.cell(row=2, column=1, value=doc["municipality"]))
    for i, (label, value) in enumerate(doc["facts"], start=4):
        text_cell(ws.cell(row=i, column=1, value=label)).font = Font(bold=True)
        text_cell(ws.cell(row=i, column=2, value=value))
    text_cell(ws.cell(row=len(doc["facts"]) + 5, column=1, value=doc["cover_note"]))
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 48


def _table(ws, block, chapter_title):
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    text_cell(ws.cell(row=1, column=1, value=block["title"]))
    ws["A1"].font = Font(bold=True, size=12)
    text_cell(ws.cell(row=2, column=1, value=chapter_title))
    header_row = 4
    fill = PatternFill("solid", fgColor="EEF2F6")
    for col, column in enumerate(block["columns"], start=1):
        cell = text_cell(ws.cell(row=header_row, column=col, value=column["label"]))
        cell.font, cell.fill = Font(bold=True), fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    rows = list(block["rows"]) + ([block["foot"]] if block.get("foot") else [])
    for r, row in enumerate(rows, start=header_row + 1):
        for col, (value, column) in enumerate(zip(row, block["columns"], strict=True), start=1):
            _write(ws.cell(row=r, column=col), value, column["fmt"])
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    if rows:
        ws.auto_filter.ref = (
            f"A{header_row}:{get_column_letter(len(block['columns']))}{header_row + len(rows)}"
        )
    for col, column in enumerate(block["columns"], start=1):
        ws.column_dimensions[get_column_letter(col)].width = _width(column, block["rows"], col - 1)


def _write(cell, value, fmt):
    if value is None or value == "":
        return
    if fmt == "date":
        cell.value = dt.date.fromisoformat(value)
        cell.number_format = b.EXCEL_FORMATS["date"]
    elif b.is_numeric(fmt):
        cell.value = value
        cell.number_format = b.EXCEL_FORMATS.get(fmt, "General")
    else:
        cell.value = str(value)
        text_cell(cell)  # stored as a string: a title "=HYPERLINK(…)" stays text, unchanged


def _width(column, rows, index):
    if column["fmt"] != "text":
        return max(12, len(column["label"]) + 2)
    longest = max([len(str(r[index] or "")) for r in rows[:200]] + [len(column["label"])])
    return min(max(10, longest + 2), 60)
