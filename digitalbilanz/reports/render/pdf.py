"""PDF via Typst: tagged PDF/UA-1 and PDF/A-2a, fonts from ``reports/fonts`` only."""

import json
from pathlib import Path

from digitalbilanz.registry import blocks as b
from digitalbilanz.reports import charts
from digitalbilanz.reports.render import document

TEMPLATE = Path(__file__).resolve().parent / "report.typ"
STANDARDS = ["a-2a", "ua-1"]


def typst_table(block: dict) -> dict:
    columns = [{"label": c["label"], "num": b.is_numeric(c["fmt"])} for c in block["columns"]]
    rows = [
        [b.format_cell(v, c["fmt"]) for v, c in zip(row, block["columns"], strict=True)]
        for row in block["rows"]
    ]
    foot = None
    if block.get("foot"):
        foot = [b.format_cell(v, c["fmt"]) for v, c in zip(block["foot"], block["columns"], strict=True)]
    return {**block, "columns": columns, "rows": rows, "foot": foot, "widths": _widths(block, rows)}


def _widths(block, rows):
    """Relative column widths from the content; headers may wrap at word boundaries."""
    widths = []
    for i, column in enumerate(block["columns"]):
        cells = max([len(r[i]) for r in rows[:300]] + [0])
        word = max(len(w) for w in column["label"].split() or [""])
        weight = max(min(cells, 30), word, 4) + 3  # + 3: room for the cell inset
        widths.append(str(weight / 10))
    return widths


def prepare(snapshot: dict) -> tuple[dict, dict]:
    """The JSON document for the Typst template and the SVG inputs for its charts."""
    doc = document(snapshot, "pdf")
    inputs: dict[str, str] = {}
    chapters = []
    for chapter in doc["chapters"]:
        out = []
        for block in chapter["blocks"]:
            if block["t"] == "table":
                if not block["rows"]:
                    continue
                out.append(typst_table(block))
            elif block["t"] == "chart":
                key = f"c{len(inputs)}"
                inputs[key] = charts.to_svg(block["spec"])
                out.append({k: v for k, v in block.items() if k != "spec"} | {"key": key})
            else:
                out.append(block)
        chapters.append({"title": chapter["title"], "blocks": out})
    doc = {k: v for k, v in doc.items() if k != "chapters"} | {"chapters": chapters}
    return doc, inputs


def render_pdf(snapshot: dict) -> bytes:
    import typst

    doc, inputs = prepare(snapshot)
    inputs["doc"] = json.dumps(doc, ensure_ascii=False)
    return typst.compile(
        TEMPLATE.read_bytes(),
        font_paths=[str(charts.FONT_DIR)],
        ignore_system_fonts=True,
        sys_inputs=inputs,
        pdf_standards=STANDARDS,
    )
