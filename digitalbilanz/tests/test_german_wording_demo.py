"""The demo reads as a German authority writes: declined names and no Django placeholders."""

import re
from urllib.parse import urljoin, urlparse

import pytest
from django.test import Client

from digitalbilanz.core.choices import Visibility
from digitalbilanz.core.models import OrgUnit
from digitalbilanz.portfolio.chapters.summary import Summary
from digitalbilanz.reports.snapshot import build_snapshot

WRONG = ("in Stadt Leverkusen", "von Stadt Leverkusen", "zeigt Stadt Leverkusen")
SKIP = re.compile(
    r"\.(pdf|xlsx|csv|json|zip|xml|ics|png|svg)$|/export|/download|/abmelden|/logout|/historie/"
)


def _texts(blocks):
    return " ".join(str(block.get("text", "")) for block in blocks)


@pytest.mark.django_db
def test_public_pages_and_report_decline_the_name(demo_town):
    client = Client()
    overview = client.get(f"/{demo_town.slug}/").content.decode()
    assert "Digitalisierung in der Stadt Leverkusen" in overview
    easy = client.get(f"/{demo_town.slug}/leichte-sprache/").content.decode()
    assert "zeigt die Stadt Leverkusen" in easy and "Welche Pläne die Stadt hat" in easy
    feed = client.get(f"/{demo_town.slug}/aenderungen.atom").content.decode()
    assert "Digitalisierung in der Stadt Leverkusen" in feed
    snapshot = build_snapshot(demo_town, "2023-H2", Visibility.PUBLIC)
    summary = _texts(Summary().blocks(snapshot))
    assert "Digitalisierungsmaßnahmen der Stadt Leverkusen" in summary
    for body in (overview, easy, feed, summary):
        for wrong in WRONG:
            assert wrong not in body


def _shape(path):
    return re.sub(r"/\d+/", "/N/", path)


@pytest.mark.django_db
def test_no_app_form_of_the_demo_shows_django_placeholders(demo_town):
    client = Client()
    assert client.login(username="redaktion", password="demo-digitalbilanz")
    prefix = f"/app/{demo_town.slug}/"
    # One page of each shape (ids replaced): every kind of form once, without visiting each record.
    seen, queue, forms = set(), [(prefix, 0)], 0
    while queue:
        url, depth = queue.pop(0)
        if _shape(url) in seen:
            continue
        seen.add(_shape(url))
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        body = response.content.decode()
        forms += "<select" in body
        assert "---------" not in body, url
        assert "KDN – KDN" not in body, url
        if depth >= 3:
            continue
        for href in re.findall(r'href="([^"#?]+)"', body):
            target = urlparse(urljoin(url, href)).path
            if target.startswith(prefix) and not SKIP.search(target) and _shape(target) not in seen:
                queue.append((target, depth + 1))
    # The crawl reached the create and edit forms of the modules, not just a few pages.
    assert len(seen) > 40 and forms > 10, (len(seen), forms)


@pytest.mark.django_db
def test_partners_are_named_once(demo_town):
    labels = {str(unit) for unit in OrgUnit.objects.filter(municipality=demo_town)}
    assert "KDN – Dachverband kommunaler IT-Dienstleister NRW (Kompetenzzentrum Digitalisierung)" in labels
    assert "ivl GmbH (kommunaler IT-Dienstleister)" in labels
    assert "FB 11 – Fachbereich Personal und Organisation" in labels
