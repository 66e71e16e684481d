"""Accessible HTML of a report: one standalone document (inline CSS, charts as SVG images)."""

import base64

from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from digitalbilanz.registry import blocks as b
from digitalbilanz.reports import charts
from digitalbilanz.reports.render import document


def render_blocks(blocks: list[dict], offset: int = 1) -> str:
    """HTML of a list of blocks; chapter headings are h2, so block level 2 becomes h3."""
    return mark_safe("\n".join(_block(block, offset) for block in blocks if b.in_format(block, "html")))


def _block(block, offset):
    kind = block["t"]
    if kind == "heading":
        level = min(block["level"] + offset, 6)
        return f"<h{level}>{escape(block['text'])}</h{level}>"
    if kind == "para":
        css = f' class="{block["style"]}"' if block.get("style") else ""
        return f"<p{css}>{escape(block['text'])}</p>"
    if kind == "list":
        return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in block["items"]) + "</ul>"
    if kind == "figures":
        items = "".join(
            f"<div><dt>{escape(i['label'])}</dt><dd>{escape(i['value'])}</dd></div>" for i in block["items"]
        )
        return f'<dl class="figures">{items}</dl>'
    if kind == "table":
        return _table(block) if block["rows"] else ""
    if kind == "chart":
        return _chart(block)
    return ""


def _table(block):
    cols = block["columns"]
    head = "".join(f'<th scope="col"{_num(c)}>{escape(c["label"])}</th>' for c in cols)
    body = "".join(_row(row, cols, block.get("row_header")) for row in block["rows"])
    foot = ""
    if block.get("foot"):
        foot = "<tfoot>" + _row(block["foot"], cols, True) + "</tfoot>"
    return (
        f'<div class="table-wrap" role="region" tabindex="0" aria-label="{escape(block["title"])}">'
        f"<table><caption>{escape(block['title'])}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody>{foot}</table></div>"
    )


def _num(column):
    return ' class="r"' if b.is_numeric(column["fmt"]) else ""


def _row(row, cols, row_header):
    cells = []
    for i, (value, column) in enumerate(zip(row, cols, strict=True)):
        text = escape(b.format_cell(value, column["fmt"]))
        if i == 0 and row_header:
            cells.append(f'<th scope="row"{_num(column)}>{text}</th>')
        else:
            cells.append(f"<td{_num(column)}>{text}</td>")
    return "<tr>" + "".join(cells) + "</tr>"


def _chart(block):
    svg = charts.to_svg(block["spec"])
    data = base64.b64encode(svg.encode()).decode()
    note = f" {block['note']}" if block.get("note") else ""
    return format_html(
        '<figure class="chart"><img src="data:image/svg+xml;base64,{}" alt="{}">'
        "<figcaption>{}{}</figcaption></figure>",
        data,
        block["alt"],
        block["title"],
        note,
    )


def edition_body(snapshot: dict) -> str:
    """The report as an HTML fragment (headings from h1), for the app and the portal."""
    return _body(document(snapshot, "html"))


def _body(doc: dict) -> str:
    sections = [
        {"key": c["key"], "title": c["title"], "html": render_blocks(c["blocks"])} for c in doc["chapters"]
    ]
    return render_to_string("reports/edition_body.html", {"doc": doc, "sections": sections})


def render_html(snapshot: dict) -> bytes:
    doc = document(snapshot, "html")
    html = render_to_string("reports/edition_document.html", {"doc": doc, "body": mark_safe(_body(doc))})
    return html.encode("utf-8")
