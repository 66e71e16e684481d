"""PDF via Typst: tagged PDF/UA-1 and PDF/A-2a, fonts from ``reports/fonts`` only."""

import io
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
    pdf = typst.compile(
        TEMPLATE.read_bytes(),
        font_paths=[str(charts.FONT_DIR)],
        ignore_system_fonts=True,
        sys_inputs=inputs,
        pdf_standards=STANDARDS,
    )
    flags = [
        bool(bl.get("row_header")) for ch in doc["chapters"] for bl in ch["blocks"] if bl["t"] == "table"
    ]
    return mark_row_headers(pdf, flags)


def _struct_elements(node, kind):
    """Structure elements of one kind in document order (depth first)."""
    import pikepdf

    if isinstance(node, pikepdf.Array):
        for child in node:
            yield from _struct_elements(child, kind)
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        if node.S == kind:
            yield node
        if "/K" in node:
            yield from _struct_elements(node.K, kind)


def mark_row_headers(pdf: bytes, flags: list[bool]) -> bytes:
    """Tags the first cell of each body row as a row header (TH, Scope Row) where the block says so.

    Typst tags the header row as TH with column scope; row headers need its ``a11y-extras``
    feature, which the Python binding cannot switch on. So the structure tree is completed here:
    the n-th /Table element belongs to the n-th table block. If the counts differ (a table the
    template did not draw), no cell is changed rather than guessed.
    """
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        tables = list(_struct_elements(doc.Root.StructTreeRoot.K, "/Table"))
        for table, row_header in zip(tables, flags, strict=True) if len(tables) == len(flags) else ():
            if not row_header:
                continue
            for body in _struct_elements(table.K, "/TBody"):
                for row in _struct_elements(body.K, "/TR"):
                    cells = row.K if isinstance(row.K, pikepdf.Array) else [row.K]
                    first = next((c for c in cells if isinstance(c, pikepdf.Dictionary) and "/S" in c), None)
                    if first is not None and first.S == "/TD":
                        _to_row_header(first)
        return _packed(doc)


def _packed(doc) -> bytes:
    """The document saved with its objects packed into compressed object streams (PDF 1.5+,
    allowed by PDF/A-2 and PDF/UA-1): the tagged structure — one object per table cell — is most
    of an uncompressed report, so this about halves the file. Same input, same bytes (backups
    and the edition's checksum compare them)."""
    import pikepdf

    out = io.BytesIO()
    doc.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def _to_row_header(cell):
    import pikepdf

    cell.S = pikepdf.Name.TH
    attributes = cell.get("/A")
    items = (
        list(attributes) if isinstance(attributes, pikepdf.Array) else ([attributes] if attributes else [])
    )
    table_attrs = next((a for a in items if a.get("/O") == pikepdf.Name.Table), None)
    if table_attrs is None:
        table_attrs = pikepdf.Dictionary(O=pikepdf.Name.Table)
        items.append(table_attrs)
    table_attrs.Scope = pikepdf.Name.Row
    cell.A = pikepdf.Array(items)
