"""Browser test: an editor rates the DMS measure red with a reason, the follow-up review appears
on the dashboard and the report shows the trend; the steering pages pass axe-core.
Skipped where no Chromium exists."""

import datetime as dt
import os

import pytest
from django.urls import reverse

from digitalbilanz.portal.tests.test_browser import ARGS, CHROMIUM, _axe

pytestmark = [
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"Kein Chromium unter {CHROMIUM}"),
    pytest.mark.django_db(transaction=True),
]


def test_editor_rates_red_follow_up_on_dashboard_and_trend_in_report(live_server):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    from digitalbilanz.demo import leverkusen
    from digitalbilanz.portfolio.models import Measure
    from digitalbilanz.reports import service
    from digitalbilanz.steering import periods

    town = leverkusen.load()[0]
    dms = Measure.objects.get(municipality=town, code="M-03")
    slug, base = town.slug, live_server.url
    today = dt.date.today()
    due = periods.add_months(today, 6).strftime("%d.%m.%Y")
    problems = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True).new_page()
        page.goto(base + "/anmelden/")
        page.fill("input[name=username]", "fb11")
        page.fill("input[name=password]", "demo-digitalbilanz")
        page.click("form button[type=submit]")
        page.wait_for_url("**/app/**")

        page.goto(base + reverse("steering:measure", args=[slug, dms.pk]))
        problems["measure"] = _axe(page)
        page.click("text=Lieferzuversicht bewerten")
        page.select_option("#id_owner_rating", "red")
        page.click("form.form button[type=submit]")  # without reason: refused
        assert "braucht eine Begründung" in page.content()
        problems["form with errors"] = _axe(page)
        page.fill("#id_owner_reason", "Anbieter kann den Pilot nicht liefern.")
        page.click("form.form button[type=submit]")
        page.wait_for_url(f"**/steuerung/massnahmen/{dms.pk}/")
        assert "Anbieter kann den Pilot nicht liefern." in page.content()

        page.goto(base + reverse("dashboard", args=[slug]))
        panel = page.locator("section[aria-labelledby=steering]").inner_text()
        assert f"Folgeprüfung fällig am {due}" in panel
        problems["dashboard"] = _axe(page)
        page.goto(base + reverse("steering:overview", args=[slug]))
        problems["overview"] = _axe(page)

        edition = service.create_draft(town, periods.period_of(today), "council")
        page.goto(base + reverse("report_detail", args=[slug, edition.pk]))
        html = page.content()
        assert "Lieferzuversicht und Trend" in html
        row = page.locator("tr", has_text="M-03").filter(has_text="rot").first.inner_text()
        assert row.count("rot") >= 3  # 2021-H1, 2021-H2 and this period
        page.goto(base + f"/{slug}/steuerung/")
        problems["portal"] = _axe(page)
        browser.close()
    assert not any(problems.values()), problems
