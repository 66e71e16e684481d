"""Report charts: Vega-Lite specifications of chart blocks rendered to SVG by vl-convert.

The SVG keeps its text as text in DejaVu Sans (``blocks.CHART_FONT``), the font shipped in
``reports/fonts`` that Typst embeds; every chart block also carries a text alternative and its
data appears in a table.
"""

import functools
import json
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"


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
