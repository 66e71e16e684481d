"""The pages of the spreadsheet round-trip: export, upload → preview → „Übernehmen“."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from digitalbilanz.core.choices import Role
from digitalbilanz.core.models import ImportRun
from digitalbilanz.portfolio.models import Measure
from digitalbilanz.testing import Factory as F

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    town = F.municipality()
    unit = F.unit(town, "FB 1")
    editor = F.user(town, Role.EDITOR, units=[unit])
    reader = F.user(town, Role.READER)
    measure = F.measure(town, lead_department=unit, title="Alter Titel")
    return town, editor, reader, measure


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def url(town, rest=""):
    return f"/app/{town.slug}/excel/{rest}"


def edited_export(client, town, measure, title):
    response = client.get(url(town, "export.xlsx"), {"tabelle": "measures"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    titles = [c.value for c in sheet[1]]
    sheet.cell(2, titles.index("Titel") + 1).value = title
    out = io.BytesIO()
    book.save(out)
    return SimpleUploadedFile("massnahmen.xlsx", out.getvalue())


def test_an_editor_exports_previews_and_applies_with_a_reason(world):
    town, editor, _reader, measure = world
    client = client_for(editor)
    page = client.get(url(town)).content.decode()
    assert "Als Excel bearbeiten" in page or "als Excel bearbeiten" in page
    assert "Excel-Datei hochladen" in page
    assert "Höchstens 100.000 Zeilen je Datei" in page
    upload = edited_export(client, town, measure, "Neuer Titel")
    preview = client.post(url(town, "hochladen/"), {"file": upload})
    html = preview.content.decode()
    assert preview.status_code == 200 and "Vorschau – noch nichts gespeichert" in html
    assert "Alter Titel" in html and "Neuer Titel" in html
    assert Measure.objects.get(pk=measure.pk).title == "Alter Titel"
    token = preview.context["apply_form"].initial["token"]
    missing_reason = client.post(url(town, "hochladen/"), {"token": token, "reason": " "})
    assert missing_reason.status_code == 400
    assert "Bitte einen Grund angeben" in missing_reason.content.decode()
    done = client.post(url(town, "hochladen/"), {"token": token, "reason": "Abgleich"}, follow=True)
    assert "übernommen: 0 neu, 1 geändert" in done.content.decode()
    measure.refresh_from_db()
    assert measure.title == "Neuer Titel"
    assert measure.history.first().history_change_reason == "Abgleich"
    assert ImportRun.objects.get(municipality=town, status=ImportRun.Status.DONE).updated_count == 1
    # the token is used up: applying again asks for a new upload and changes nothing
    again = client.post(url(town, "hochladen/"), {"token": token, "reason": "nochmal"}, follow=True)
    assert "abgelaufen" in again.content.decode()


def test_a_bad_file_shows_the_problem_and_changes_nothing(world):
    town, editor, _reader, measure = world
    client = client_for(editor)
    response = client.post(url(town, "hochladen/"), {"file": SimpleUploadedFile("a.csv", b"Titel;x\n")})
    assert response.status_code == 400
    assert "keine Excel-Arbeitsmappe" in response.content.decode()
    assert Measure.objects.get(pk=measure.pk).title == "Alter Titel"


def test_another_users_token_is_worthless(world):
    town, editor, _reader, measure = world
    client = client_for(editor)
    preview = client.post(url(town, "hochladen/"), {"file": edited_export(client, town, measure, "X")})
    token = preview.context["apply_form"].initial["token"]
    colleague = F.user(town, Role.ADMIN)
    other = client_for(colleague).post(
        url(town, "hochladen/"), {"token": token, "reason": "fremd"}, follow=True
    )
    assert "abgelaufen" in other.content.decode()
    assert Measure.objects.get(pk=measure.pk).title == "Alter Titel"


def test_readers_and_outsiders_get_404(world):
    town, _editor, reader, _measure = world
    assert client_for(reader).get(url(town)).status_code == 404
    assert client_for(reader).get(url(town, "export.xlsx")).status_code == 404
    outsider = F.user()
    assert client_for(outsider).get(url(town)).status_code == 404


def test_the_navigation_offers_it_to_editors_only(world):
    town, editor, reader, _measure = world
    assert url(town) in client_for(editor).get(f"/app/{town.slug}/").content.decode()
    assert url(town) not in client_for(reader).get(f"/app/{town.slug}/").content.decode()


def test_an_unknown_table_is_refused_with_a_message(world):
    town, editor, _reader, _measure = world
    response = client_for(editor).get(url(town, "export.xlsx"), {"tabelle": "budget"}, follow=True)
    assert "kann nicht als Excel bearbeitet werden" in response.content.decode()


@pytest.mark.parametrize(
    "path, tables",
    [
        ("massnahmen/", "tabelle=measures&amp;tabelle=lines&amp;tabelle=milestones"),
        ("vertraege/", "tabelle=contracts&amp;tabelle=contract_values"),
        ("arbeitsplaetze/", "tabelle=workplace_snapshots"),
        ("kennzahlen/", "tabelle=indicator_values"),
    ],
)
def test_each_list_links_to_its_tables_for_editors(world, path, tables):
    town, _editor, reader, _measure = world
    editor = F.user(town, Role.EDITOR)  # for the whole administration
    link = f"{url(town, 'export.xlsx')}?{tables}"
    page = client_for(editor).get(f"/app/{town.slug}/{path}")
    assert page.status_code == 200
    assert link in page.content.decode() and "Excel-Datei hochladen" in page.content.decode()
    assert link not in client_for(reader).get(f"/app/{town.slug}/{path}").content.decode()
