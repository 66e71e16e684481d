"""The internal services pages of the demo pass axe-core (no serious or critical violations)."""

import os

import pytest

from digitalbilanz.portal.tests.test_browser import ARGS, CHROMIUM, _axe

pytestmark = [
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM), reason=f"Kein Chromium unter {CHROMIUM}: Browsertests übersprungen"
    ),
    pytest.mark.django_db(transaction=True),
]


def test_services_pages_pass_axe(live_server, settings):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    from digitalbilanz.demo import leverkusen
    from digitalbilanz.services.models import Service

    leverkusen.load()
    service = Service.objects.filter(municipality__slug="leverkusen", status="online").first()
    base = f"{live_server.url}/app/leverkusen/dienste/"
    urls = [
        base,
        f"{base}{service.pk}/",
        f"{base}{service.pk}/historie/",
        f"{base}import/",
        f"{base}{service.pk}/bearbeiten/",
    ]
    problems = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_context(bypass_csp=True, locale="de-DE").new_page()
        page.goto(f"{live_server.url}/anmelden/")
        page.fill("#id_username", "redaktion")
        page.fill("#id_password", "demo-digitalbilanz")
        page.click("button[type=submit]")
        for url in urls:
            page.goto(url)
            found = _axe(page)
            if found:
                problems[url] = found
        browser.close()
    assert not problems, problems
