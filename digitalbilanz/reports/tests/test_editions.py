"""Editions: audience filtering, publishing with confirmation, immutability, failure handling."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from digitalbilanz.portfolio.models import Benefit
from digitalbilanz.reports import service
from digitalbilanz.reports.changes import entries_of
from digitalbilanz.reports.models import Edition, EditionFile, EditionLocked
from digitalbilanz.reports.render import FORMATS, RenderError, render
from digitalbilanz.testing import Factory

PUBLIC_MARK, COUNCIL_MARK, INTERNAL_MARK = "Öffentlich-Alpha", "Ratsgeheim-Beta", "Intern-Gamma"
COUNCIL_AMOUNT = "987654"  # 987.654 € only on a council line


def add_benefit(measure):
    Benefit.objects.create(
        municipality=measure.municipality,
        measure=measure,
        number=1,
        category="qualitative",
        description="Besserer Service",
        owner="FB",
        kpi="Zufriedenheit",
        data_source="Umfrage",
        baseline_value=0,
        baseline_date=dt.date(2024, 1, 1),
        target_value=1,
        target_date=dt.date(2025, 1, 1),
        visibility="public",
    )


@pytest.fixture
def marked(town):
    public = Factory.measure(town, title=f"Maßnahme {PUBLIC_MARK}")
    Factory.line(public, amount="1000")
    Factory.line(public, amount=COUNCIL_AMOUNT, visibility="council", label=f"Zeile {COUNCIL_MARK}")
    add_benefit(public)
    council = Factory.measure(town, visibility="council", title=f"Maßnahme {COUNCIL_MARK}")
    add_benefit(council)
    internal = Factory.measure(town, visibility="internal", title=f"Maßnahme {INTERNAL_MARK}")
    Factory.line(internal, amount="555444")
    return town


def texts(snapshot):
    pdf = PdfReader(io.BytesIO(render(snapshot, "pdf")))
    pdf_text = "\n".join(page.extract_text() for page in pdf.pages)
    html = render(snapshot, "html").decode()
    wb = load_workbook(io.BytesIO(render(snapshot, "xlsx")))
    cells = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    return {"pdf": pdf_text, "html": html, "xlsx": cells}


def test_public_edition_contains_no_council_or_internal_values(marked):
    edition = service.create_draft(marked, "2024-H2", "public")
    for fmt, text in texts(edition.snapshot).items():
        assert PUBLIC_MARK in text, fmt
        assert COUNCIL_MARK not in text, fmt
        assert INTERNAL_MARK not in text, fmt
        assert "987.654" not in text and "987654" not in text, fmt
        assert "555.444" not in text and "555444" not in text, fmt


def test_council_edition_adds_council_data_but_never_internal(marked):
    edition = service.create_draft(marked, "2024-H2", "council")
    for fmt, text in texts(edition.snapshot).items():
        assert COUNCIL_MARK in text, fmt
        assert INTERNAL_MARK not in text, fmt
        assert "555.444" not in text and "555444" not in text, fmt


def test_publishing_with_open_problems_needs_a_recorded_confirmation(town):
    measure = Factory.measure(town, title="Kosten ohne Nutzen")
    Factory.line(measure, amount="5000")
    edition = service.create_draft(town, "2024-H2", "public")
    with pytest.raises(service.ConfirmationRequired):
        service.publish(edition)
    assert Edition.objects.get(pk=edition.pk).state == "draft"
    assert not EditionFile.objects.exists()
    user = Factory.user(town, "admin")
    service.publish(edition, user, confirm=True, note="Nutzen wird nachgereicht")
    edition.refresh_from_db()
    assert edition.state == "published" and edition.published_by == user
    assert edition.problems_confirmed and edition.confirmation_note == "Nutzen wird nachgereicht"
    assert "Kosten ohne Nutzen" in edition.open_problems[0]["text"]


def test_forecast_without_reason_is_an_open_problem(town):
    measure = Factory.measure(town)
    Factory.milestone(measure, baseline=dt.date(2024, 3, 31), forecast=dt.date(2024, 9, 30))
    edition = service.create_draft(town, "2024-H1", "public")
    kinds = {p["kind"] for p in edition.snapshot["problems"]}
    assert "forecast_without_reason" in kinds


def test_published_edition_is_frozen_with_hashes_and_cannot_change(town):
    Factory.measure(town)
    edition = service.publish(service.create_draft(town, "2024-H2", "public"))
    files = {f.format: f for f in edition.files.all()}
    assert set(files) == set(FORMATS)
    import hashlib

    for f in files.values():
        assert f.sha256 == hashlib.sha256(bytes(f.content)).hexdigest() and f.size > 0
    edition.title = "geändert"
    with pytest.raises(EditionLocked, match="veröffentlicht"):
        edition.save()
    with pytest.raises(EditionLocked):
        edition.delete()
    with pytest.raises(EditionLocked):
        Edition.objects.filter(pk=edition.pk).update(title="x")
    with pytest.raises(EditionLocked):
        files["pdf"].delete()
    with pytest.raises(EditionLocked):
        EditionFile(edition=edition, format="pdf", content=b"x").save()
    with pytest.raises(EditionLocked):
        service.refresh(edition)
    assert Edition.objects.get(pk=edition.pk).title == ""


def test_published_edition_re_renders_identically_from_its_snapshot(town):
    Factory.line(Factory.measure(town), amount="1234")
    edition = service.publish(service.create_draft(town, "2024-H2", "public"), confirm=True)
    assert render(edition.snapshot, "html") == bytes(edition.file("html").content)


def test_render_failure_leaves_the_draft_unchanged(town, monkeypatch):
    Factory.measure(town)
    edition = service.create_draft(town, "2024-H2", "public")

    def broken(snapshot, fmt):
        if fmt == "xlsx":
            raise RenderError("Der Bericht konnte nicht als XLSX erzeugt werden: kaputt")
        return b"ok"

    monkeypatch.setattr(service, "render", broken)
    with pytest.raises(RenderError, match="XLSX"):
        service.publish(edition)
    assert Edition.objects.get(pk=edition.pk).state == "draft"
    assert not EditionFile.objects.filter(edition=edition).exists()


def test_second_edition_compares_with_the_first(town):
    measure = Factory.measure(town, code="M-9")
    ms = Factory.milestone(measure, baseline=dt.date(2024, 3, 31))
    first = service.publish(service.create_draft(town, "2024-H1", "public"))
    ms.change_forecast(dt.date(2024, 5, 31), "Lieferverzug")
    second = service.create_draft(town, "2024-H2", "public")
    assert second.previous == first
    row = entries_of(second.snapshot["changes"], "portfolio", "milestones")[0]["data"]
    assert row["shift_days"] == 61 and row["reasons"] == ["Lieferverzug"]
    assert "Lieferverzug" in render(second.snapshot, "html").decode()


def test_corrections_get_the_next_number(town):
    service.publish(service.create_draft(town, "2024-H2", "public"))
    again = service.create_draft(town, "2024-H2", "public")
    assert again.number == 2


def test_excel_has_numbers_with_formats_and_german_headers(town):
    Factory.line(Factory.measure(town, code="M-1"), amount="1234.5")
    wb = load_workbook(io.BytesIO(render(service.create_draft(town, "2024-H2", "public").snapshot, "xlsx")))
    ws = wb["Zeilen"]
    headers = [c.value for c in ws[4]]
    assert headers[:3] == ["Nr.", "Jahr", "Art"]
    amount = ws.cell(row=5, column=headers.index("Betrag") + 1)
    assert amount.value == 1234.5 and "€" in amount.number_format
