"""The neutral content model of a report: plain dicts that HTML, Typst and Excel all render.

Chapters (``registry/chapters.py``) build these blocks; the report engine renders them.

Block types (key ``t``):

* ``heading`` – ``level`` (2–4 inside a chapter), ``text``, optional ``anchor``
* ``para`` – ``text``, optional ``style`` ("note", "warn", "lead")
* ``figures`` – key figures: ``items`` = [{label, value (formatted), raw, fmt}]
* ``list`` – ``items`` (strings), optional ``formats``
* ``table`` – ``title``, ``sheet`` (Excel sheet name), ``columns`` = [{label, fmt}],
  ``rows`` (raw values), ``row_header`` (first column is the row header), optional ``foot``
  (a totals row) and ``formats`` (formats the table appears in; default all)
* ``chart`` – ``title``, ``alt`` (text alternative), ``spec`` (Vega-Lite, start from
  :func:`vega_lite` so the chart uses the report's font), ``note``

Raw values stay numbers; ``format_cell`` turns them into German text for HTML and PDF, and
``EXCEL_FORMATS`` gives the Excel number format for the same column format.
"""

import datetime as dt

from digitalbilanz.german import de_number, signed_days

CHART_FONT = "DejaVu Sans"  # shipped with the report engine, embedded in PDF and SVG alike
CHART_WIDTH = 440
NUMERIC = {"int", "dec1", "dec2", "eur", "pct", "days", "year", "hours", "fte"}

EXCEL_FORMATS = {
    "int": "#,##0",
    "dec1": "#,##0.0",
    "dec2": "#,##0.00",
    "eur": '#,##0 "€";-#,##0 "€"',
    "pct": '0.0" %"',
    "days": '+#,##0" Tage";-#,##0" Tage";0" Tage"',
    "year": "0",
    "hours": '#,##0" Std."',
    "fte": "#,##0.0",
    "date": "DD.MM.YYYY",
    "meur": '#,##0.0,," Mio. €"',
}


def heading(text, level=2, anchor=""):
    return {"t": "heading", "level": level, "text": text, "anchor": anchor}


def para(text, style="", formats=None):
    return {"t": "para", "text": text, "style": style, "formats": formats}


def bullet_list(items, formats=None):
    return {"t": "list", "items": list(items), "formats": formats}


def figures(items):
    """Key figures from (label, raw value, fmt) triples."""
    return {
        "t": "figures",
        "items": [
            {"label": label, "value": format_cell(raw, fmt), "raw": raw, "fmt": fmt}
            for label, raw, fmt in items
        ],
    }


def table(title, sheet, columns, rows, row_header=True, foot=None, formats=None):
    return {
        "t": "table",
        "title": title,
        "sheet": sheet,
        "columns": [{"label": label, "fmt": fmt} for label, fmt in columns],
        "rows": [list(r) for r in rows],
        "row_header": row_header,
        "foot": list(foot) if foot else None,
        "formats": formats,
    }


def chart(title, alt, spec, note=""):
    return {"t": "chart", "title": title, "alt": alt, "spec": spec, "note": note}


def vega_lite(height: int, data: list[dict]) -> dict:
    """A Vega-Lite specification in the report's layout; add ``mark`` and ``encoding``."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": CHART_WIDTH,
        "height": height,
        "background": "white",
        "data": {"values": data},
        "config": {
            "font": CHART_FONT,
            "axis": {"labelFontSize": 10, "titleFontSize": 10, "labelLimit": 200},
            "legend": {"labelFontSize": 10, "titleFontSize": 10},
            "view": {"stroke": None},
        },
    }


def format_cell(value, fmt="text") -> str:
    """German text of a raw cell value."""
    if value is None or value == "":
        return "–"
    if fmt == "text":
        return str(value)
    if fmt == "date":
        return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
    if fmt == "year":
        return str(int(value))
    if fmt == "days":
        return signed_days(int(value))
    if fmt == "eur":
        return f"{de_number(value, 0)} €"
    if fmt == "meur":
        return f"{de_number(float(value) / 1_000_000, 1)} Mio. €"
    if fmt == "pct":
        return f"{de_number(value, 1)} %"
    if fmt == "hours":
        return f"{de_number(value, 0)} Std."
    if fmt in ("dec1", "fte"):
        return de_number(value, 1)
    if fmt == "dec2":
        return de_number(value, 2)
    if fmt == "int":
        return de_number(value, 0)
    return str(value)


def is_numeric(fmt: str) -> bool:
    return fmt in NUMERIC or fmt == "meur"


def in_format(block, fmt: str) -> bool:
    formats = block.get("formats")
    return not formats or fmt in formats
