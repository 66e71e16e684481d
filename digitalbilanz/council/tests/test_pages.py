"""The council's app and portal pages on the demo: contents, who sees what, query counts."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from digitalbilanz.council.models import AgendaItem, Mandate, Paper
from digitalbilanz.portfolio.models import Measure

pytestmark = pytest.mark.django_db

NON_PUBLIC = "Absichtserklärung zur Auftragsvergabe"


def _login(client, name):
    client.force_login(get_user_model().objects.get(username=name))
    return client


def _motion(town):
    return Paper.objects.get(municipality=town, reference="2023/2362", category="motion")


def test_paper_list_filters_and_searches(client, demo_town):
    _login(client, "lesen")
    url = reverse("council:papers", args=[demo_town.slug])
    page = client.get(url, {"art": "statement"}).content.decode()
    assert (
        "Stellungnahme der Verwaltung vom 13.09.2023" in page
        and "Antrag der FDP-Fraktion vom 02.08.2023" not in page
    )
    page = client.get(url, {"q": "Sachstand"}).content.decode()
    assert "Sachstand Digitalisierung" in page and "2023/2362" not in page
    assert client.get(url, {"art": "<script>", "seite": "x"}).status_code == 200


def test_paper_detail_shows_sequence_results_measures_and_mandates(client, demo_town):
    _login(client, "lesen")
    page = client.get(reverse("council:paper", args=[demo_town.slug, _motion(demo_town).pk])).content.decode()
    for text in (
        "18.09.2023",
        "25.09.2023",
        "Finanz- und Digitalisierungsausschuss",
        "entscheidend",
        "beratend",
        "beschlossen",
        "M-01",
        "Punkt 3",
        "Stellungnahme der Verwaltung vom 13.09.2023",
    ):
        assert text in page, text


def test_council_member_sees_non_public_item_public_does_not(client, demo_town):
    loi = Paper.objects.get(municipality=demo_town, name__startswith=NON_PUBLIC)
    _login(client, "rat")
    page = client.get(reverse("council:paper", args=[demo_town.slug, loi.pk])).content.decode()
    assert "Auftragsvergabe DMS" in page and "beschlossen" in page
    client.logout()
    assert client.get(reverse("portal:council_paper", args=[demo_town.slug, loi.pk])).status_code == 404
    public = client.get(reverse("portal:council", args=[demo_town.slug])).content.decode()
    assert "2023/2362" in public and NON_PUBLIC not in public


def test_portal_paper_page(client, demo_town):
    page = client.get(
        reverse("portal:council_paper", args=[demo_town.slug, _motion(demo_town).pk])
    ).content.decode()
    assert "25.09.2023" in page and "beschlossen" in page and "Punkt 3" in page
    assert "/app/" not in page.split("<main", 1)[-1]


def test_measure_pages_show_papers_and_mandates(client, demo_town):
    m01 = Measure.objects.get(municipality=demo_town, code="M-01")
    page = client.get(reverse("portal:measure", args=[demo_town.slug, m01.pk])).content.decode()
    assert "Ratsvorlagen und Aufträge" in page and "2023/2362" in page and "überfällig" in page
    m03 = Measure.objects.get(municipality=demo_town, code="M-03")
    page = client.get(reverse("portal:measure", args=[demo_town.slug, m03.pk])).content.decode()
    assert NON_PUBLIC not in page
    _login(client, "rat")
    page = client.get(reverse("measure_detail", args=[demo_town.slug, m03.pk])).content.decode()
    assert NON_PUBLIC in page


def test_dashboard_flags_overdue_mandate(client, demo_town):
    _login(client, "lesen")
    page = client.get(reverse("dashboard", args=[demo_town.slug])).content.decode()
    assert "Überfällige Aufträge aus Beschlüssen" in page and "Punkt 3" in page


def test_mandate_pages(client, demo_town):
    _login(client, "lesen")
    mandate = Mandate.objects.get(municipality=demo_town, label="Punkt 3")
    listing = client.get(reverse("council:mandates", args=[demo_town.slug])).content.decode()
    assert "überfällig" in listing and "Punkt 3" in listing
    detail = client.get(reverse("council:mandate", args=[demo_town.slug, mandate.pk])).content.decode()
    assert "Überfällig" in detail and "HH-Plan 2024" in detail
    assert (
        client.get(reverse("council:mandate_history", args=[demo_town.slug, mandate.pk])).status_code == 200
    )
    # a reader may not edit
    assert client.get(reverse("council:mandate_edit", args=[demo_town.slug, mandate.pk])).status_code == 404


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_data(client, demo_town):
    _login(client, "lesen")
    motion = _motion(demo_town)
    urls = [
        reverse("council:papers", args=[demo_town.slug]),
        reverse("council:paper", args=[demo_town.slug, motion.pk]),
        reverse("council:mandates", args=[demo_town.slug]),
    ]
    before = [_count(client, url) for url in urls]
    item = AgendaItem.objects.filter(municipality=demo_town, consultation__paper=motion).first()
    for n in range(5):
        AgendaItem.objects.create(
            municipality=demo_town,
            meeting=item.meeting,
            consultation=item.consultation,
            name=f"TOP {n}",
            order=50 + n,
            visibility="public",
        )
        Paper.objects.create(municipality=demo_town, name=f"Vorlage {n}", visibility="public")
        Mandate.objects.create(municipality=demo_town, paper=motion, text=f"Auftrag {n}", visibility="public")
    after = [_count(client, url) for url in urls]
    assert after == before
    assert max(after) < 40


def test_deleted_papers_leave_pages_and_tables(client, demo_town):
    statement = Paper.objects.get(municipality=demo_town, reference="2023/2362", category="statement")
    Paper.objects.filter(pk=statement.pk).update(deleted=True)
    public = client.get(reverse("portal:council", args=[demo_town.slug])).content.decode()
    assert "Stellungnahme der Verwaltung vom 13.09.2023" not in public
    assert client.get(reverse("portal:council_paper", args=[demo_town.slug, statement.pk])).status_code == 404
    m01 = Measure.objects.get(municipality=demo_town, code="M-01")
    page = client.get(reverse("portal:measure", args=[demo_town.slug, m01.pk])).content.decode()
    assert "Stellungnahme der Verwaltung vom 13.09.2023" not in page
    rows = client.get(f"/{demo_town.slug}/daten/council_papers.csv").content.decode()
    assert "Antrag der FDP-Fraktion" in rows and "Stellungnahme der Verwaltung vom 13.09.2023" not in rows


def test_paper_page_lists_mandates_in_the_resolutions_order_and_no_doubled_type(demo_town, client):
    from digitalbilanz.council.models import Paper

    motion = Paper.objects.get(municipality=demo_town, category="motion")
    page = client.get(f"/{demo_town.slug}/rat/{motion.pk}/").content.decode()
    positions = [page.index(f"Punkt {n}:") for n in (1, 2, 3)]
    assert positions == sorted(positions)
    assert "Antrag (Antrag)" not in page
