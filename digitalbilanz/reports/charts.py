"""Report charts: Vega-Lite specifications rendered to SVG by vl-convert (German locale).

The SVG keeps its text as text in DejaVu Sans, the font shipped in ``reports/fonts`` that Typst
embeds; every chart block also carries a text alternative and its data appears in a table.
"""

import functools
import json
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu Sans"
GREEN, RED, GREY, BLUE = "#1a6b3c", "#b3261e", "#5f6368", "#1f4e79"
WIDTH = 440


def _base(height, data):
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": WIDTH,
        "height": height,
        "background": "white",
        "data": {"values": data},
        "config": {
            "font": FONT,
            "axis": {"labelFontSize": 10, "titleFontSize": 10, "labelLimit": 200},
            "legend": {"labelFontSize": 10, "titleFontSize": 10},
            "view": {"stroke": None},
        },
    }


def yearly_balance(yearly: dict) -> dict:
    data = [{"Jahr": str(y), "Saldo": v} for y, v in yearly.items()]
    spec = _base(180, data)
    spec.update(
        mark={"type": "bar"},
        encoding={
            "x": {"field": "Jahr", "type": "ordinal", "axis": {"labelAngle": 0}},
            "y": {"field": "Saldo", "type": "quantitative", "title": "Saldo (€)", "axis": {"format": ",.0f"}},
            "color": {
                "condition": {"test": "datum.Saldo < 0", "value": RED},
                "value": GREEN,
            },
        },
    )
    return spec


def npv_by_measure(rows: list[dict]) -> dict:
    """Stacked bars KN/h and KN/nh per measure (rows: code, kn_h, kn_nh)."""
    data = []
    for r in rows:
        data.append({"Maßnahme": r["code"], "Teil": "KN/h (haushaltswirksam)", "Wert": r["kn_h"]})
        data.append({"Maßnahme": r["code"], "Teil": "KN/nh (nicht haushaltswirksam)", "Wert": r["kn_nh"]})
    spec = _base(max(60, 22 * len(rows)), data)
    spec.update(
        mark={"type": "bar"},
        encoding={
            "y": {"field": "Maßnahme", "type": "nominal", "sort": None, "title": None},
            "x": {
                "field": "Wert",
                "type": "quantitative",
                "title": "Kapitalwert (€)",
                "axis": {"format": ",.0f"},
            },
            "color": {
                "field": "Teil",
                "type": "nominal",
                "title": None,
                "scale": {"range": [BLUE, "#7fa7d1"]},
                "legend": {"orient": "bottom"},
            },
        },
    )
    return spec


def slips(rows: list[dict]) -> dict:
    """Horizontal bars: days of delay per open milestone (rows: label, days)."""
    data = [{"Meilenstein": r["label"], "Tage": r["days"]} for r in rows]
    spec = _base(max(60, 22 * len(rows)), data)
    spec.update(
        mark={"type": "bar", "color": RED},
        encoding={
            "y": {"field": "Meilenstein", "type": "nominal", "sort": None, "title": None},
            "x": {
                "field": "Tage",
                "type": "quantitative",
                "title": "Verzug gegenüber Basisplan (Tage)",
                "axis": {"format": ",.0f"},
            },
        },
    )
    return spec


@functools.lru_cache(maxsize=256)
def _svg_cached(spec_json: str) -> str:
    import vl_convert as vlc

    _register_fonts()
    return vlc.vegalite_to_svg(json.loads(spec_json), format_locale="de-DE")


@functools.cache
def _register_fonts():
    import vl_convert as vlc

    vlc.register_font_directory(str(FONT_DIR))


def to_svg(spec: dict) -> str:
    return _svg_cached(json.dumps(spec, sort_keys=True, ensure_ascii=False))
