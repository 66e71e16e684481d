"""Browser test: the app's budget and indicator pages pass axe-core (no serious or critical
violations) for a logged-in reader, on desktop and phone width."""

from digitalbilanz.portal.tests.test_browser import _axe, browser, pytestmark, site  # noqa: F401

PAGES = [
    "/app/leverkusen/haushalt/",
    "/app/leverkusen/haushalt/gegenueberstellung/?jahr=2023",
    "/app/leverkusen/haushalt/gegenueberstellung/?jahr=abc",  # the German error next to the field
    "/app/leverkusen/haushalt/historie/",
    "/app/leverkusen/kennzahlen/",
    "/app/leverkusen/",
]


def test_budget_and_indicator_pages_pass_axe(browser, site):  # noqa: F811
    from digitalbilanz.indicators.models import Indicator

    detail = Indicator.objects.get(municipality__slug="leverkusen", key="cash_credits_utilisation").pk
    problems = {}
    for width, height in ((1280, 900), (375, 740)):
        context = browser.new_context(
            viewport={"width": width, "height": height}, bypass_csp=True, locale="de-DE"
        )
        page = context.new_page()
        page.goto(site + "/anmelden/")
        page.fill("input[name=username]", "lesen")
        page.fill("input[name=password]", "demo-digitalbilanz")
        page.click("button[type=submit]")
        page.wait_for_load_state()
        indicator = f"/app/leverkusen/kennzahlen/{detail}/"
        for url in [*PAGES, indicator, indicator + "historie/"]:
            page.goto(site + url)
            found = _axe(page)
            if found:
                problems[f"{width}px {url}"] = found
        context.close()
    assert not problems, problems
