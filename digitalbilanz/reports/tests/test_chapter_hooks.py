"""A module's chapter reaches every format through the registry alone, hooks included."""

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from digitalbilanz.registry import blocks as b
from digitalbilanz.registry.chapters import (
    Chapter,
    all_chapters,
    entry,
    register_chapter,
    unregister_chapter,
)
from digitalbilanz.reports import service

TITLE = "Parkausweise online"


class Parking(Chapter):
    """Stands in for a later module: its data lives outside the portfolio."""

    key = "test_parking"
    title = TITLE
    order = 45
    applications = 1234

    def collect(self, context):
        return {"applications": self.applications, "audience": context["audience"]}

    def blocks(self, snapshot):
        data = self.section(snapshot)
        return [
            b.para("Anträge auf Bewohnerparkausweise über das Portal."),
            b.table(
                "Parkausweise je Halbjahr",
                "Parkausweise",
                [("Kennzahl", "text"), ("Anzahl", "int")],
                [["Online-Anträge", data["applications"]]],
            ),
        ]

    def changes(self, previous, current):
        old, new = previous["applications"], current["applications"]
        if old == new:
            return []
        text = f"Anträge {b.format_cell(old, 'int')} → {b.format_cell(new, 'int')}"
        return [entry("applications", text, ref="PA-1")]

    def problems(self, section):
        if section["applications"] > 4000:
            return [entry("capacity", "Frist fehlt", ref="PA-9")]
        return []


@pytest.fixture
def parking():
    chapter = register_chapter(Parking())
    try:
        yield chapter
    finally:
        unregister_chapter(chapter.key)


def stored_texts(edition):
    """Text of the stored PDF, HTML and Excel files of a published edition."""
    pdf = PdfReader(io.BytesIO(bytes(edition.file("pdf").content)))
    wb = load_workbook(io.BytesIO(bytes(edition.file("xlsx").content)))
    cells = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    return {
        "pdf": " ".join(" ".join(page.extract_text() for page in pdf.pages).split()),
        "html": bytes(edition.file("html").content).decode(),
        "xlsx": " ".join(wb.sheetnames) + " " + cells,
    }


def test_registered_chapter_collects_reports_changes_and_problems_in_every_format(town, parking):
    service.publish(service.create_draft(town, "2024-H1", "public"))
    parking.applications = 4321
    draft = service.create_draft(town, "2024-H2", "public")
    assert draft.snapshot["sections"]["test_parking"] == {"applications": 4321, "audience": "public"}
    assert [p["ref"] for p in draft.snapshot["problems"]] == ["PA-9"]
    with pytest.raises(service.ConfirmationRequired):
        service.publish(draft)
    edition = service.publish(draft, confirm=True, note="Frist folgt")
    assert edition.open_problems[0]["section"] == "test_parking"
    for fmt, text in stored_texts(edition).items():
        assert TITLE in text, fmt
        assert ("4321" if fmt == "xlsx" else "4.321") in text, fmt
        assert "Anträge 1.234 → 4.321" in text, fmt  # what changed
        assert "Frist fehlt" in text, fmt  # open problem
    assert "PA-9" in stored_texts(edition)["xlsx"]


def test_unregistered_chapter_leaves_the_report(town):
    unregister_chapter(register_chapter(Parking()).key)
    assert "test_parking" not in {c.key for c in all_chapters()}
    snapshot = service.create_draft(town, "2024-H1", "public").snapshot
    assert "test_parking" not in snapshot["sections"]


def test_first_edition_asks_no_chapter_for_changes(town, parking):
    edition = service.create_draft(town, "2024-H1", "public")
    assert edition.snapshot["changes"] == {"previous": None}
