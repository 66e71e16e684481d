"""Web UI: draft, preview, publish with confirmation, download, compare; CLI."""

import datetime as dt
import os
import stat
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from digitalbilanz.reports import service
from digitalbilanz.reports.models import Edition
from digitalbilanz.testing import Factory


def client_for(town, role):
    client = Client()
    client.force_login(Factory.user(town, role))
    return client


def test_editor_creates_previews_and_publishes_with_confirmation(town):
    Factory.line(Factory.measure(town, title="Ohne Nutzen"), amount="100")
    client = client_for(town, "editor")
    base = f"/app/{town.slug}/berichte/"
    response = client.post(base + "neu/", {"period": "2024-H2", "audience": "public"})
    edition = Edition.objects.get()
    assert response.status_code == 302 and edition.state == "draft"
    preview = client.get(f"{base}{edition.pk}/").content.decode()
    assert "Ohne Nutzen" in preview and "Kosten ohne Nutzenaussage" in preview
    refused = client.post(f"{base}{edition.pk}/veroeffentlichen/", {})
    assert refused.status_code == 400 and "ausdrücklich" in refused.content.decode()
    assert Edition.objects.get().state == "draft"
    client.post(f"{base}{edition.pk}/veroeffentlichen/", {"confirm": "on", "note": "bekannt"})
    edition.refresh_from_db()
    assert edition.state == "published" and edition.confirmation_note == "bekannt"
    pdf = client.get(f"{base}{edition.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf" and bytes(pdf.content) == bytes(
        edition.file("pdf").content
    )
    listing = client.get(base).content.decode()
    assert "2. Halbjahr 2024" in listing


def test_bad_period_is_refused_with_a_german_message(town):
    client = client_for(town, "admin")
    response = client.post(f"/app/{town.slug}/berichte/neu/", {"period": "2024/2", "audience": "public"})
    assert response.status_code == 400 and "kein Berichtszeitraum" in response.content.decode()
    assert not Edition.objects.exists()


def test_published_edition_cannot_be_refreshed_or_deleted_through_the_ui(town):
    edition = service.publish(service.create_draft(town, "2024-H2", "public"))
    client = client_for(town, "admin")
    for action in ("aktualisieren", "loeschen", "veroeffentlichen"):
        response = client.post(f"/app/{town.slug}/berichte/{edition.pk}/{action}/", follow=True)
        assert "kann nicht mehr geändert werden" in response.content.decode()
    assert Edition.objects.get(pk=edition.pk).snapshot == edition.snapshot


def test_council_member_sees_published_editions_only_and_reader_cannot_publish(town):
    draft = service.create_draft(town, "2024-H1", "public")
    council = client_for(town, "council")
    assert council.get(f"/app/{town.slug}/berichte/{draft.pk}/").status_code == 404
    reader = client_for(town, "reader")
    assert reader.get(f"/app/{town.slug}/berichte/{draft.pk}/").status_code == 200
    assert reader.post(f"/app/{town.slug}/berichte/{draft.pk}/veroeffentlichen/").status_code == 404


def test_compare_view_shows_the_slip_between_two_editions(town):
    ms = Factory.milestone(Factory.measure(town, code="M-5"), baseline=dt.date(2024, 3, 31))
    first = service.publish(service.create_draft(town, "2024-H1", "public"))
    ms.change_forecast(dt.date(2024, 4, 30), "Personalmangel")
    second = service.create_draft(town, "2024-H2", "public")
    client = client_for(town, "reader")
    body = client.get(f"/app/{town.slug}/berichte/vergleich/?von={first.pk}&mit={second.pk}").content.decode()
    assert "Personalmangel" in body and "+30 Tage" in body


def test_report_command_writes_a_file_readable_like_any_new_file(town, tmp_path):
    target = tmp_path / "bericht.html"
    umask = os.umask(0o022)
    try:
        args = ["--municipality", town.slug, "--period", "2024-H2", "--format", "html", "-o", str(target)]
        call_command("report", *args, stderr=StringIO())
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not private like its temporary file


def test_report_command_writes_the_file_and_refuses_bad_input(town, tmp_path):
    Factory.measure(town, title="Kommandozeile")
    target = tmp_path / "bericht.html"
    call_command(
        "report",
        "--municipality",
        town.slug,
        "--period",
        "2024-H2",
        "--audience",
        "public",
        "--format",
        "html",
        "-o",
        str(target),
        stderr=StringIO(),
    )
    assert "Kommandozeile" in target.read_text()
    with pytest.raises(CommandError, match="Berichtszeitraum"):
        call_command("report", "--municipality", town.slug, "--period", "24", "-o", str(target))
    with pytest.raises(CommandError, match="nicht gefunden"):
        call_command("report", "--municipality", "nirgendwo", "--period", "2024-H2", "-o", str(target))
