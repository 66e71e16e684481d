"""The one visibility rule, with the full role matrix, through the queryset and the web UI."""

import pytest
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.portfolio.models import Line, Measure
from digitalbilanz.testing import Factory

PERSONAS = ["anonymous", "outsider", "council", "reader", "editor_other_dept", "editor", "admin"]
EXPECTED = {
    # persona: levels it may read
    "anonymous": {"public"},
    "outsider": {"public"},
    "council": {"public", "council"},
    "reader": {"public", "council", "internal"},
    "editor_other_dept": {"public", "council", "internal"},
    "editor": {"public", "council", "internal"},
    "admin": {"public", "council", "internal"},
}


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="musterstadt")
    other_town = Factory.municipality(slug="nachbarstadt")
    fb04, fb11 = Factory.unit(town, "FB 04"), Factory.unit(town, "FB 11")
    users = {
        "anonymous": None,
        "outsider": Factory.user(other_town, Role.ADMIN),
        "council": Factory.user(town, Role.COUNCIL),
        "reader": Factory.user(town, Role.READER),
        "editor_other_dept": Factory.user(town, Role.EDITOR, units=[fb11]),
        "editor": Factory.user(town, Role.EDITOR),
        "admin": Factory.user(town, Role.ADMIN),
    }
    measures = {
        level: Factory.measure(town, visibility=level, title=f"Marker-{level}", lead_department=fb04)
        for level in ("public", "council", "internal")
    }
    return town, users, measures


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.mark.parametrize("persona", PERSONAS)
def test_queryset_returns_exactly_the_levels_of_the_role(world, persona):
    town, users, _ = world
    user = users[persona] or _anonymous()
    visible = {m.visibility for m in Measure.objects.visible_to(user, town)}
    assert visible == EXPECTED[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_public_line_of_a_council_measure_is_not_public(world, persona):
    town, users, measures = world
    Factory.line(measures["council"], visibility="public", label="Marker-line")
    user = users[persona] or _anonymous()
    lines = Line.objects.visible_to(user, town)
    assert lines.exists() == ("council" in EXPECTED[persona])


@pytest.mark.parametrize("persona", PERSONAS[1:])
def test_measure_detail_page_follows_the_rule(world, persona):
    town, users, measures = world
    client = Client()
    client.force_login(users[persona])
    for level, measure in measures.items():
        response = client.get(f"/app/{town.slug}/massnahmen/{measure.pk}/")
        if persona == "outsider":
            assert response.status_code == 404
        elif level in EXPECTED[persona]:
            assert response.status_code == 200
        else:
            assert response.status_code == 404


@pytest.mark.parametrize("persona", PERSONAS[1:])
def test_measure_list_shows_only_readable_titles(world, persona):
    town, users, _ = world
    client = Client()
    client.force_login(users[persona])
    response = client.get(f"/app/{town.slug}/massnahmen/")
    if persona == "outsider":
        assert response.status_code == 404
        return
    body = response.content.decode()
    for level in ("public", "council", "internal"):
        assert (f"Marker-{level}" in body) == (level in EXPECTED[persona])


def test_anonymous_user_is_sent_to_the_login(world):
    town, _, _ = world
    response = Client().get(f"/app/{town.slug}/")
    assert response.status_code == 302
    assert "/anmelden/" in response["Location"]


@pytest.mark.parametrize(
    "persona,may_edit",
    [
        ("council", False),
        ("reader", False),
        ("editor_other_dept", False),
        ("editor", True),
        ("admin", True),
    ],
)
def test_only_entitled_editors_reach_the_edit_form(world, persona, may_edit):
    town, users, measures = world
    client = Client()
    client.force_login(users[persona])
    response = client.get(f"/app/{town.slug}/massnahmen/{measures['public'].pk}/bearbeiten/")
    assert response.status_code == (200 if may_edit else 404)
