"""Council papers become sources of the register: the demo's [S1]–[S3] are linked to their
papers, a paper behind the portfolio without a source gets one, and a source never stays more
public than its paper."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from digitalbilanz.core.choices import Visibility
from digitalbilanz.council.models import Paper
from digitalbilanz.council.sources import sync_paper_sources
from digitalbilanz.sources.models import Source

pytestmark = pytest.mark.django_db


def _linked(town):
    paper_type = ContentType.objects.get_for_model(Paper)
    return {
        s.key: Paper.objects.get(pk=s.linked_id)
        for s in Source.objects.filter(municipality=town, linked_type=paper_type)
    }


def test_demo_sources_are_linked_to_their_papers(demo_town):
    linked = _linked(demo_town)
    assert linked["S1"].name == "Sachstand Digitalisierung bei der Stadt Leverkusen"
    assert (linked["S2"].category, linked["S2"].date) == ("motion", dt.date(2023, 8, 2))
    assert (linked["S3"].category, linked["S3"].date) == ("statement", dt.date(2023, 9, 13))
    # the editor's titles stay; the council-level letter of intent joined as a council-level source
    assert Source.objects.get(municipality=demo_town, key="S2").title.endswith("Antrag der FDP-Fraktion")
    (loi_key,) = [k for k, p in linked.items() if p.name.startswith("Absichtserklärung")]
    loi = Source.objects.get(municipality=demo_town, key=loi_key)
    assert loi.visibility == Visibility.COUNCIL and loi.key == "S4"
    assert not Source.objects.for_audience(demo_town, "public").filter(pk=loi.pk).exists()


def test_a_second_sync_changes_nothing(demo_town):
    assert sync_paper_sources(demo_town, reason="erneut") == 0


def test_a_deleted_paper_takes_its_source_down_and_never_up_again(demo_town):
    linked = _linked(demo_town)
    paper = linked["S2"]
    paper.deleted = True
    paper.save()
    assert sync_paper_sources(demo_town, reason="Vorlage im Ratsinformationssystem gelöscht") == 1
    source = Source.objects.get(municipality=demo_town, key="S2")
    assert source.visibility == Visibility.INTERNAL
    assert source.history.first().history_change_reason == "Vorlage im Ratsinformationssystem gelöscht"
    paper.deleted = False
    paper.save()
    sync_paper_sources(demo_town, reason="wieder da")
    source.refresh_from_db()
    assert source.visibility == Visibility.INTERNAL  # an editor decides to publish it again


def test_a_linked_paper_without_source_gets_the_next_key_with_its_web_page(demo_town):
    paper = Paper.objects.get(municipality=demo_town, category="motion")
    newer = Paper.objects.create(
        municipality=demo_town,
        reference="2024/0001",
        name="Bericht zur Umsetzung des Antrags",
        date=dt.date(2024, 3, 1),
        category="communication",
        visibility=Visibility.PUBLIC,
        web="https://ratsinfo.example.org/vo0050.asp?__kvonr=1",
    )
    link = paper.measure_links.first()
    link.pk, link.paper, link.role = None, newer, "report"
    link._change_reason = "Test"
    link.save()
    assert sync_paper_sources(demo_town, reason="Abgleich") == 1
    source = Source.objects.get(municipality=demo_town, linked_id=newer.pk)
    assert (source.key, source.reference, source.url) == (
        "S5",
        "Drucksache 2024/0001",
        "https://ratsinfo.example.org/vo0050.asp?__kvonr=1",
    )
    assert source.visibility == Visibility.PUBLIC


def test_the_source_list_links_a_source_to_its_paper_where_the_reader_may_open_it(demo_town, client):
    linked = _linked(demo_town)
    public = client.get(f"/{demo_town.slug}/quellen/").content.decode()
    assert f'href="/{demo_town.slug}/rat/{linked["S2"].pk}/"' in public
    loi = next(p for p in linked.values() if p.name.startswith("Absichtserklärung"))
    assert f"/rat/{loi.pk}/" not in public and "Absichtserklärung" not in public
    assert client.login(username="rat", password="demo-digitalbilanz")
    app = client.get(f"/app/{demo_town.slug}/quellen/").content.decode()
    assert f'href="/app/{demo_town.slug}/rat/vorlagen/{loi.pk}/"' in app
    paper = linked["S2"]
    paper.deleted = True
    paper.save()
    client.logout()
    assert f"/rat/{paper.pk}/" not in client.get(f"/{demo_town.slug}/quellen/").content.decode()
