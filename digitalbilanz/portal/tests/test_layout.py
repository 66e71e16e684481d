"""Layout: every public page of the demo fits a 390 px phone and a desktop without sideways
scrolling of the page body; wide tables scroll inside their own region instead.

Screenshots of every page in both widths land in ``var/layout/`` (phone/ and desktop/) for a look
by eye. Playwright drives Debian's Chromium (/usr/bin/chromium); skipped where none exists.
"""

import os
import re
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[3] / "var" / "layout"
WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}

pytestmark = [
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM), reason=f"Kein Chromium unter {CHROMIUM}: Layouttest übersprungen"
    ),
    pytest.mark.django_db(transaction=True),
]

# The widest elements that stick out of the page (outside any scrolling region).
CULPRITS = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right <= width + 1 && el.scrollWidth <= el.clientWidth + 1) continue;
    let clipped = false;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) { clipped = true; break; }
    }
    if (clipped) continue;
    const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    const text = (el.textContent || '').trim().slice(0, 40);
    out.push(name + ' → ' + Math.round(box.right) + '/' + el.scrollWidth + 'px: ' + text);
  }
  return out.slice(0, 6);
}"""


def public_urls(town):
    from digitalbilanz.portal.tests.test_pages import portal_urls
    from digitalbilanz.portfolio.models import Measure
    from digitalbilanz.registry.portal import sections
    from digitalbilanz.reports.models import Edition

    urls = portal_urls(town)
    for section in sections(town):
        if section.path:
            urls.append(f"/{town.slug}/{section.path}")
    for measure in Measure.objects.for_audience(town, "public"):
        page = f"/{town.slug}/massnahmen/{measure.pk}/"
        urls += [page, page + "aenderungen/"]
    published = Edition.objects.filter(municipality=town, audience="public").exclude(published_at=None)
    urls += [f"/{town.slug}/berichte/{e.pk}.html" for e in published]
    urls += ["/vergleich/", "/api/v1/docs/"]
    return list(dict.fromkeys(urls))


@pytest.fixture
def site(live_server, settings):
    from digitalbilanz.demo import leverkusen

    settings.DIGITALBILANZ_API_ANON_RATE = 0
    leverkusen.load()
    return live_server.url


def test_no_public_page_scrolls_sideways_on_a_phone_or_a_desktop(site):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    from digitalbilanz.core.models import Municipality

    urls = public_urls(Municipality.objects.get(slug="leverkusen"))
    assert len(urls) > 30
    overflowing = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE")
            page = context.new_page()
            (SHOTS / name).mkdir(parents=True, exist_ok=True)
            for url in urls:
                response = page.goto(site + url)
                assert response.status == 200, url
                file = re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "start"
                page.screenshot(path=str(SHOTS / name / f"{file}.png"), full_page=True)
                excess = page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                if excess > 0:
                    overflowing[f"{name} {url}"] = (excess, page.evaluate(CULPRITS))
            context.close()
        browser.close()
    assert not overflowing, overflowing
