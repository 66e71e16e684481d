"""The Leverkusen demo editions: seed figures in the PDF, PDF/UA structure, HTML accessibility."""

import io
import os
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from digitalbilanz.reports.changes import entries_of
from digitalbilanz.reports.models import Edition

ASSETS = Path(__file__).parent / "assets"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def second(demo_town):
    return Edition.objects.published().get(period="2021-H2", audience="public")


def pdf_text(edition):
    reader = PdfReader(io.BytesIO(bytes(edition.file("pdf").content)))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_demo_has_published_editions_for_two_periods(second):
    periods = set(Edition.objects.published().values_list("period", flat=True))
    assert periods == {"2021-H1", "2021-H2"}
    assert second.previous.period == "2021-H1"


def test_seed_figures_and_the_dms_slip_appear_in_the_pdf(second):
    text = " ".join(pdf_text(second).split())
    for figure in ("867", "1.700", "51,0", "19,0 Mio. €", "31.03.2021", "30.09.2021", "+183 Tage"):
        assert figure in text, figure
    assert "Änderungen seit der letzten Ausgabe" in text
    assert "beschaffungsrechtlicher" in text
    changes = [e["data"] for e in entries_of(second.snapshot["changes"], "portfolio", "milestones")]
    tender = next(r for r in changes if r["milestone"].startswith("Europaweite Ausschreibung"))
    assert (tender["previous"], tender["current"], tender["shift_days"]) == ("2021-03-31", "2021-09-30", 183)


def test_first_edition_has_the_tender_still_on_its_baseline(second):
    first = second.previous
    dms = next(m for m in first.snapshot["sections"]["portfolio"]["measures"] if m["code"] == "M-03")
    tender = next(ms for ms in dms["milestones"] if ms["title"].startswith("Europaweite"))
    assert tender["forecast"] == "2021-03-31"


def test_pdf_is_tagged_german_titled_with_alt_texts_and_embedded_fonts(second):
    content = bytes(second.file("pdf").content)
    assert b"/ObjStm" in content, "the structure tree is packed into compressed object streams"
    pdf = pikepdf.open(io.BytesIO(content))
    root = pdf.Root
    assert str(root.Lang) == "de-DE"
    assert bool(root.MarkInfo.Marked) is True
    assert "/StructTreeRoot" in root
    assert "Digitalisierungsbericht" in str(pdf.open_metadata().get("dc:title", ""))
    assert root.ViewerPreferences.DisplayDocTitle
    figures, headers = _struct(root.StructTreeRoot)
    assert figures and all(alt for alt in figures), "every figure needs /Alt"
    assert headers > 0, "tables need TH cells"
    fonts = _fonts(pdf)
    assert fonts and all(embedded for _name, embedded in fonts)
    assert all("DejaVu" in name for name, _e in fonts)


def _struct(node, figures=None, headers=0):
    figures = [] if figures is None else figures
    stack = [node]
    seen = set()
    while stack:
        item = stack.pop()
        if isinstance(item, pikepdf.Array):
            stack.extend(item)
            continue
        if not isinstance(item, pikepdf.Dictionary) or item.objgen in seen and item.objgen != (0, 0):
            continue
        seen.add(item.objgen)
        kind = str(item.get("/S", ""))
        if kind == "/Figure":
            figures.append(str(item.get("/Alt", "")))
        if kind == "/TH":
            headers += 1
        if "/K" in item:
            stack.append(item.K)
    return figures, headers


def _fonts(pdf):
    out = []
    for page in pdf.pages:
        for _key, font in (page.Resources.get("/Font") or {}).items():
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0] if descendants else font).get("/FontDescriptor")
            embedded = desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            out.append((str(font.BaseFont), embedded))
    return out


def test_html_edition_passes_axe_without_serious_or_critical_violations(second):
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium fehlt unter {CHROMIUM}; axe-core-Prüfung übersprungen")
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    html = bytes(second.file("html").content).decode()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.set_content(html)
            page.add_script_tag(path=str(ASSETS / "axe.min.js"))
            result = page.evaluate("() => axe.run()")
        finally:
            browser.close()
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, bad


def test_pdf_tables_have_captions_and_row_headers(second):
    from digitalbilanz.reports.render.pdf import _struct_elements

    pdf = pikepdf.open(io.BytesIO(bytes(second.file("pdf").content)))
    tables = list(_struct_elements(pdf.Root.StructTreeRoot.K, "/Table"))
    assert tables
    for table in tables:
        assert list(_struct_elements(table.K, "/Caption")), "every table needs a caption"
    row_headers = [
        th
        for table in tables
        for th in _struct_elements(table.K, "/TH")
        if any(
            a.get("/Scope") == pikepdf.Name.Row
            for a in (th.A if isinstance(th.get("/A"), pikepdf.Array) else [th.get("/A")])
            if isinstance(a, pikepdf.Dictionary)
        )
    ]
    assert row_headers, "tables whose first column names the row need TH cells with Scope Row"
