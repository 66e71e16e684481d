"""Browser test: the internal workplace and contract pages and forms pass axe-core (no serious or
critical violations) on desktop and phone width. Skipped where no Chromium exists."""

import os

import pytest
from django.urls import reverse

from digitalbilanz.portal.tests.test_browser import ARGS, CHROMIUM, _axe

pytestmark = [
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"Kein Chromium unter {CHROMIUM}"),
    pytest.mark.django_db(transaction=True),
]


def test_internal_pages_and_forms_pass_axe(live_server, settings):
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    from digitalbilanz.contracts.models import Contract
    from digitalbilanz.demo import leverkusen
    from digitalbilanz.workplaces.models import WorkplaceSnapshot

    town = leverkusen.load()[0]
    snapshot = WorkplaceSnapshot.objects.get(municipality=town)
    contract = Contract.objects.filter(municipality=town).first()
    slug = town.slug
    urls = [
        reverse("workplaces:index", args=[slug]),
        reverse("workplaces:snapshot", args=[slug, snapshot.pk]),
        reverse("workplaces:snapshot_edit", args=[slug, snapshot.pk]),
        reverse("workplaces:scenario_create", args=[slug, snapshot.pk]),
        reverse("contracts:list", args=[slug]),
        reverse("contracts:detail", args=[slug, contract.pk]),
        reverse("contracts:edit", args=[slug, contract.pk]),
        reverse("contracts:value_create", args=[slug, contract.pk]),
        reverse("dashboard", args=[slug]),
    ]
    problems = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width, height in ((1280, 900), (375, 740)):
            context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
            page = context.new_page()
            page.goto(live_server.url + "/anmelden/")
            page.fill("input[name=username]", "admin")
            page.fill("input[name=password]", "demo-digitalbilanz")
            page.click("form button[type=submit]")
            page.wait_for_url("**/app/**")
            for url in urls:
                page.goto(live_server.url + url)
                assert page.locator("h1").count() == 1, url
                found = _axe(page)
                if found:
                    problems[f"{width}px {url}"] = found
            # a refused form shows its errors accessibly too
            page.goto(live_server.url + reverse("contracts:edit", args=[slug, contract.pk]))
            page.fill("#id_notice_months", "99")
            page.click("form.form button[type=submit]")
            assert "länger als die Mindestlaufzeit" in page.content()
            found = _axe(page)
            if found:
                problems[f"{width}px form with errors"] = found
            context.close()
        browser.close()
    assert not problems, problems
