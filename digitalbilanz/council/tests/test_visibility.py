"""The visibility rule for council data, with the full role matrix (queryset and pages)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.council.models import (
    AgendaItem,
    Consultation,
    Mandate,
    Meeting,
    Organization,
    Paper,
    PaperFile,
    PaperLink,
)
from digitalbilanz.testing import Factory

LEVELS = ("public", "council", "internal")
PERSONAS = ["anonymous", "outsider", "council", "reader", "editor", "admin"]
EXPECTED = {
    "anonymous": {"public"},
    "outsider": {"public"},
    "council": {"public", "council"},
    "reader": {"public", "council", "internal"},
    "editor": {"public", "council", "internal"},
    "admin": {"public", "council", "internal"},
}


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="musterstadt")
    other = Factory.municipality(slug="nachbarstadt")
    users = {
        "anonymous": AnonymousUser(),
        "outsider": Factory.user(other, Role.ADMIN),
        "council": Factory.user(town, Role.COUNCIL),
        "reader": Factory.user(town, Role.READER),
        "editor": Factory.user(town, Role.EDITOR),
        "admin": Factory.user(town, Role.ADMIN),
    }
    meeting = Meeting.objects.create(municipality=town, name="Ratssitzung", visibility="public")
    public_paper = Paper.objects.create(municipality=town, name="Öffentliche Vorlage", visibility="public")
    public_measure = Factory.measure(town, visibility="public", title="Öffentliche Maßnahme")
    for level in LEVELS:
        paper = Paper.objects.create(municipality=town, name=f"Vorlage-{level}", visibility=level)
        Organization.objects.create(municipality=town, name=f"Gremium-{level}", visibility=level)
        Consultation.objects.create(
            municipality=town, paper=public_paper, role=f"Beratung-{level}", visibility=level
        )
        Consultation.objects.create(
            municipality=town, paper=paper, role=f"Folge-{level}", visibility="public"
        )
        AgendaItem.objects.create(municipality=town, meeting=meeting, name=f"TOP-{level}", visibility=level)
        PaperFile.objects.create(
            municipality=town,
            paper=paper,
            name=f"Datei-{level}",
            access_url="https://ris.example.org/a.pdf",
            visibility="public",
        )
        measure = Factory.measure(town, visibility=level, title=f"Maßnahme-{level}")
        PaperLink.objects.create(municipality=town, measure=measure, paper=public_paper, visibility="public")
        PaperLink.objects.create(municipality=town, measure=public_measure, paper=paper, visibility="public")
        Mandate.objects.create(
            municipality=town, paper=public_paper, text=f"Auftrag-{level}", visibility=level
        )
        Mandate.objects.create(
            municipality=town, paper=paper, text=f"Folgeauftrag-{level}", visibility="public"
        )
    return town, users


@pytest.mark.parametrize("persona", PERSONAS)
def test_mirrored_records_follow_the_role(world, persona):
    town, users = world
    user = users[persona]
    expected = EXPECTED[persona]
    assert {p.name for p in Paper.objects.visible_to(user, town)} == {"Öffentliche Vorlage"} | {
        f"Vorlage-{level}" for level in expected
    }
    assert {o.name for o in Organization.objects.visible_to(user, town)} == {
        f"Gremium-{lv}" for lv in expected
    }
    assert {a.name for a in AgendaItem.objects.visible_to(user, town)} == {f"TOP-{lv}" for lv in expected}
    # a consultation needs itself and its paper readable; a file needs its paper
    assert {c.role for c in Consultation.objects.visible_to(user, town)} == {
        f"Beratung-{lv}" for lv in expected
    } | {f"Folge-{lv}" for lv in expected}
    assert {f.name for f in PaperFile.objects.visible_to(user, town)} == {f"Datei-{lv}" for lv in expected}


@pytest.mark.parametrize("persona", PERSONAS)
def test_links_and_mandates_need_both_sides_readable(world, persona):
    town, users = world
    user = users[persona]
    expected = EXPECTED[persona]
    links = PaperLink.objects.visible_to(user, town).select_related("measure", "paper")
    assert {(link.measure.title, link.paper.name) for link in links} == {
        (f"Maßnahme-{lv}", "Öffentliche Vorlage") for lv in expected
    } | {("Öffentliche Maßnahme", f"Vorlage-{lv}") for lv in expected}
    assert {m.text for m in Mandate.objects.visible_to(user, town)} == {
        f"Auftrag-{lv}" for lv in expected
    } | {f"Folgeauftrag-{lv}" for lv in expected}


@pytest.mark.parametrize("persona", ["anonymous", "council", "reader"])
def test_app_paper_list_shows_only_readable_papers(world, persona):
    town, users = world
    client = Client()
    if persona == "anonymous":
        assert client.get("/app/musterstadt/rat/").status_code == 302  # login first
        return
    client.force_login(users[persona])
    html = client.get("/app/musterstadt/rat/").content.decode()
    for level in LEVELS:
        assert (f"Vorlage-{level}" in html) == (level in EXPECTED[persona])


def test_outsider_gets_404_in_the_app(world):
    town, users = world
    client = Client()
    client.force_login(users["outsider"])
    assert client.get("/app/musterstadt/rat/").status_code == 404


def test_portal_shows_public_papers_only_even_for_admins(world):
    town, users = world
    client = Client()
    client.force_login(users["admin"])
    html = client.get("/musterstadt/rat/").content.decode()
    assert "Vorlage-public" in html and "Vorlage-council" not in html and "Vorlage-internal" not in html


@pytest.mark.django_db
def test_mirrored_record_without_level_is_refused_by_the_database():
    town = Factory.municipality(slug="ohnestufe")
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.create(
            municipality=town,
            meeting=Meeting.objects.create(municipality=town, name="S", visibility="public"),
            name="ohne Stufe",
        )


@pytest.mark.django_db
def test_oparl_id_unique_per_municipality_only_when_set():
    town, other = Factory.municipality(slug="eins"), Factory.municipality(slug="zwei")
    url = "https://ris.example.org/oparl/paper/1"
    Paper.objects.create(municipality=town, name="a", visibility="public")
    Paper.objects.create(municipality=town, name="b", visibility="public")  # blank ids may repeat
    Paper.objects.create(municipality=town, name="c", oparl_id=url, visibility="public")
    Paper.objects.create(municipality=other, name="c", oparl_id=url, visibility="public")
    Paper.objects.create(municipality=town, name="d", reference="2023/2362", visibility="public")
    Paper.objects.create(municipality=town, name="e", reference="2023/2362", visibility="public")
    with pytest.raises(IntegrityError), transaction.atomic():
        Paper.objects.create(municipality=town, name="dup", oparl_id=url, visibility="public")
