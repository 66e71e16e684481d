"""What only a browser can tell about accessibility, on the demo, for public and app pages:
focus after a failed submit, the accessible description of an invalid field as Chromium
computes it, reflow at 320 px (WCAG 1.4.10), and axe-core including its best-practice rules.

Playwright drives Debian's Chromium (never a downloaded browser); skipped where there is none.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
AXE = Path(__file__).resolve().parents[1] / "portal" / "tests" / "assets" / "axe.min.js"
PASSWORD = "demo-digitalbilanz"

pytestmark = [
    pytest.mark.skipif(
        bool(os.environ.get("DATABASE_URL")),
        reason="Rendering checks laufen einmal, im SQLite-Durchlauf (sie hängen nicht von der Datenbank ab)",
    ),
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM), reason=f"Kein Chromium unter {CHROMIUM}: Browsertests übersprungen"
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(scope="module")
def browser():
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def site(live_server, settings):
    from digitalbilanz.demo import leverkusen

    settings.DIGITALBILANZ_API_ANON_RATE = 0
    leverkusen.load()
    return live_server.url


def _logged_in(browser, site, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True, locale="de-DE")
    page = context.new_page()
    page.goto(site + "/anmelden/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return context, page


def _measure_with_lines():
    from digitalbilanz.portfolio.models import Line

    line = Line.objects.filter(measure__municipality__slug="leverkusen", derivation__isnull=True).first()
    return line.measure, line


def _description(page, selector):
    """The accessible description Chromium computes for the element (what a screen reader reads)."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    tree = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})
    own = tree["nodes"][0]
    return own.get("description", {}).get("value", "")


def test_a_failed_submit_focuses_the_summary_and_describes_the_invalid_field(browser, site):
    measure, line = _measure_with_lines()
    context, page = _logged_in(browser, site)
    page.goto(f"{site}/app/leverkusen/massnahmen/{measure.pk}/zeilen/{line.pk}/")
    page.fill("#id_label", "")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    assert page.title().startswith("Fehler: ")
    assert page.evaluate("() => document.activeElement.id") == "fehler"
    assert "Bezeichnung" in page.inner_text("#fehler")
    description = _description(page, "#id_label")
    assert "erforderlich" in description, description
    page.click("#fehler a[href='#id_label']")
    assert page.evaluate("() => location.hash") == "#id_label"
    context.close()


def _overflow(page):
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def test_public_and_app_pages_do_not_scroll_sideways_at_320_px(browser, site):
    measure, _line = _measure_with_lines()
    context, page = _logged_in(browser, site, width=320)
    urls = [
        "/leverkusen/",
        f"/leverkusen/massnahmen/{measure.pk}/",
        "/app/leverkusen/",
        f"/app/leverkusen/massnahmen/{measure.pk}/",
        "/app/leverkusen/parameter/",
    ]
    wide = {}
    for url in urls:
        page.goto(site + url)
        if (extra := _overflow(page)) > 1:
            wide[url] = extra
    context.close()
    assert not wide, f"sideways scrolling at 320 px: {wide}"


def _axe_all(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


def test_axe_with_best_practices_finds_nothing_on_public_and_app_pages(browser, site):
    from digitalbilanz.portfolio.models import Measure

    measure, line = _measure_with_lines()
    changed = Measure.objects.filter(municipality__slug="leverkusen", visibility="public").first()
    context, page = _logged_in(browser, site)
    urls = [
        "/leverkusen/",
        f"/leverkusen/massnahmen/{changed.pk}/aenderungen/",
        "/leverkusen/barrierefreiheit/",
        "/leverkusen/leichte-sprache/",
        "/app/leverkusen/",
        f"/app/leverkusen/massnahmen/{measure.pk}/",
        f"/app/leverkusen/massnahmen/{measure.pk}/zeilen/{line.pk}/",
    ]
    problems = {}
    for url in urls:
        page.goto(site + url)
        if found := _axe_all(page):
            problems[url] = found
    page.goto(f"{site}/app/leverkusen/massnahmen/{measure.pk}/zeilen/{line.pk}/")
    page.fill("#id_label", "")
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()
    if found := _axe_all(page):
        problems["form with errors"] = found
    context.close()
    assert not problems, problems
