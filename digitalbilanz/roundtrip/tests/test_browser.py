"""The round-trip as a user does it, in Chromium: download the measures as Excel from the
measure list, change a title with openpyxl, upload, read the preview, give a reason, apply.
The page passes axe-core in its preview state.

Playwright drives Debian's Chromium (never a downloaded browser); skipped where there is none.
"""

import io
import os

import pytest
from openpyxl import load_workbook

from digitalbilanz.portal.tests.test_browser import ARGS, CHROMIUM, _axe

pytestmark = [
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM), reason=f"Kein Chromium unter {CHROMIUM}: Browsertests übersprungen"
    ),
    pytest.mark.django_db(transaction=True),
]


def test_an_editor_edits_measures_in_excel_and_applies_them(live_server, tmp_path):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    from digitalbilanz.demo import leverkusen
    from digitalbilanz.portfolio.models import Measure

    leverkusen.load()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(bypass_csp=True, locale="de-DE", accept_downloads=True)
        page = context.new_page()
        page.goto(f"{live_server.url}/anmelden/")
        page.fill("#id_username", "redaktion")
        page.fill("#id_password", "demo-digitalbilanz")
        page.click("button[type=submit]")
        page.goto(f"{live_server.url}/app/leverkusen/massnahmen/")
        with page.expect_download() as download:
            page.get_by_role("link", name="Als Excel bearbeiten").click()
        path = tmp_path / "massnahmen.xlsx"
        download.value.save_as(path)

        book = load_workbook(path)
        sheet = book.worksheets[0]
        titles = [c.value for c in sheet[1]]
        key = sheet.cell(2, 1).value
        measure = Measure.objects.get(pk=int(key.split("-v")[0]))
        sheet.cell(2, titles.index("Titel") + 1).value = "Titel aus Excel"
        edited = tmp_path / "bearbeitet.xlsx"
        out = io.BytesIO()
        book.save(out)
        edited.write_bytes(out.getvalue())

        page.get_by_role("link", name="Excel-Datei hochladen").first.click()
        page.set_input_files("#id_file", str(edited))
        page.get_by_role("button", name="Prüfen (Vorschau)").click()
        preview = page.locator("#preview")
        assert "Vorschau – noch nichts gespeichert" in preview.inner_text()
        assert "Titel aus Excel" in preview.inner_text() and measure.title in preview.inner_text()
        assert _axe(page) == []
        assert Measure.objects.get(pk=measure.pk).title == measure.title  # nothing stored yet

        page.fill("#id_reason", "Titel mit dem Fachbereich abgestimmt")
        page.get_by_role("button", name="Übernehmen").click()
        assert "1 geändert" in page.locator("body").inner_text()
        browser.close()
    stored = Measure.objects.get(pk=measure.pk)
    assert stored.title == "Titel aus Excel"
    assert stored.history.first().history_change_reason == "Titel mit dem Fachbereich abgestimmt"
