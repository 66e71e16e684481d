"""Browser tests: every portal page of the demo passes axe-core (no serious or critical
violations) in desktop and phone width, and the main path works by keyboard alone.

Playwright drives Debian's Chromium (/usr/bin/chromium, installed by .ci/run); never a
downloaded browser. Skipped with a visible reason where no Chromium exists.
"""

import os
from pathlib import Path

import pytest

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
AXE = Path(__file__).parent / "assets" / "axe.min.js"

pytestmark = [
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


def _axe(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_every_portal_page_passes_axe_on_desktop_and_phone(browser, site):
    from digitalbilanz.core.models import Municipality
    from digitalbilanz.portal.tests.test_pages import portal_urls

    urls = portal_urls(Municipality.objects.get(slug="leverkusen")) + [
        "/api/v1/docs/",
        "/leverkusen/massnahmen/?status=foo",
        "/leverkusen/gibt-es-nicht/",  # error pages, portal and site layout
        "/gibt-es-nicht/",
        "/vergleich/",  # the national comparison in the portal layout
        "/vergleich/?groesse=riesig",
    ]
    problems = {}
    for width, height in ((1280, 900), (375, 740)):
        # bypass_csp only lets the test inject axe; pages themselves are checked with CSP below.
        context = browser.new_context(
            viewport={"width": width, "height": height}, bypass_csp=True, locale="de-DE"
        )
        page = context.new_page()
        for url in urls:
            page.goto(site + url)
            found = _axe(page)
            if found:
                problems[f"{width}px {url}"] = found
            if width < 400:
                overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 1, f"{url} scrolls sideways on a phone ({overflow}px)"
        context.close()
    assert not problems, problems


def test_main_path_works_by_keyboard_alone_under_csp(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    violations = []
    page.on(
        "console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None
    )
    page.goto(site + "/leverkusen/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Zum Inhalt springen"
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    _tab_to(page, "Maßnahmen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/leverkusen/massnahmen/")
    _tab_to(page, "Suchbegriff", attr="labels")
    page.keyboard.type("Akte")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=Akte**")
    _tab_to(page, None, selector="tbody a")
    page.keyboard.press("Enter")
    page.wait_for_url("**/massnahmen/*/")
    assert page.locator("h1").count() == 1
    assert not violations, violations
    context.close()


def _tab_to(page, text, attr="text", selector=None, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if selector and page.evaluate(f"() => document.activeElement.matches({selector!r})"):
            return
        if attr == "labels":
            label = page.evaluate(
                "() => [...(document.activeElement.labels || [])].map(l => l.textContent).join()"
            )
            if text in label:
                return
        elif text and page.evaluate("() => document.activeElement.textContent.trim()") == text:
            return
    raise AssertionError(f"Mit der Tabulatortaste nicht erreichbar: {text or selector}")
