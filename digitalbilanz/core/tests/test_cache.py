"""Anonymous public responses are cached by data version: never stale, never shared with others."""

from django.test import Client

from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.choices import Role
from digitalbilanz.testing import Factory


def test_second_anonymous_request_is_served_from_the_cache(db, django_assert_max_num_queries):
    town = Factory.municipality()
    Factory.measure(town, title="Öffentliche Maßnahme")
    url = f"/api/v1/{town.slug}/measures/"
    first = Client().get(url)
    assert "Öffentliche Maßnahme" in first.content.decode()
    # the request's transaction (savepoint, release) and the data-version lookup
    with django_assert_max_num_queries(3):
        second = Client().get(url)
    assert second.content == first.content


def test_a_change_is_visible_at_once(db):
    town = Factory.municipality()
    measure = Factory.measure(town, title="Alter Titel")
    for url in (f"/api/v1/{town.slug}/measures/", f"/{town.slug}/massnahmen/"):
        assert "Alter Titel" in Client().get(url).content.decode()
    measure.title = "Neuer Titel"
    measure.save()
    for url in (f"/api/v1/{town.slug}/measures/", f"/{town.slug}/massnahmen/"):
        body = Client().get(url).content.decode()
        assert "Neuer Titel" in body and "Alter Titel" not in body


def test_a_change_of_a_child_record_invalidates_too(db):
    town = Factory.municipality()
    line = Factory.line(Factory.measure(town), amount="1000", label="Beratung")
    url = f"/api/v1/{town.slug}/lines/"
    assert "Beratung" in Client().get(url).content.decode()
    line.label = "Lizenzen"
    line.save()
    assert "Lizenzen" in Client().get(url).content.decode()


def test_keyed_responses_are_neither_cached_nor_served_from_the_cache(db):
    town = Factory.municipality()
    Factory.measure(town, title="Nur für den Rat", visibility="council")
    url = f"/api/v1/{town.slug}/measures/"
    council = Factory.user(town, Role.COUNCIL)
    _, secret = ApiKey.issue(town, council, "Test")
    keyed = Client().get(url, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert "Nur für den Rat" in keyed.content.decode()
    assert "Nur für den Rat" not in Client().get(url).content.decode()
    keyed_again = Client().get(url, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert "Nur für den Rat" in keyed_again.content.decode()


def test_logged_in_portal_visitors_bypass_the_cache(db):
    town = Factory.municipality()
    Factory.measure(town, title="Öffentlich")
    client = Client()
    client.force_login(Factory.user(town, Role.EDITOR, username="redakteur"))
    Client().get(f"/{town.slug}/")  # fills the cache anonymously
    response = client.get(f"/{town.slug}/")
    assert response.status_code == 200
    assert response.wsgi_request.user.is_authenticated


def test_a_next_link_built_for_one_host_is_never_served_for_another(db, settings):
    settings.ALLOWED_HOSTS = ["daten.example.org", "intern.example.org"]
    town = Factory.municipality()
    for _ in range(3):
        Factory.measure(town)
    url = f"/api/v1/{town.slug}/measures/?page_size=2"
    first = Client().get(url, HTTP_HOST="daten.example.org").json()["next"]
    second = Client().get(url, HTTP_HOST="intern.example.org").json()["next"]
    secure = Client().get(url, HTTP_HOST="intern.example.org", secure=True).json()["next"]
    assert first.startswith("http://daten.example.org/")
    assert second.startswith("http://intern.example.org/")
    assert secure.startswith("https://intern.example.org/")


def test_a_changed_parameter_default_is_never_served_from_a_page_of_the_old_release(db, monkeypatch):
    import dataclasses

    from digitalbilanz.core import cache, parameters

    town = Factory.municipality()
    measure = Factory.measure(town)
    Factory.line(measure, kind="benefit", amount="1000", group="operation", category="avoided", year=2025)
    url = f"/api/v1/{town.slug}/parameters/"
    first = Client().get(url).json()["results"]
    rate = next(p for p in first if p["key"] == "discount_rate")["value"]
    spec = parameters.parameter_spec("discount_rate")
    monkeypatch.setitem(parameters._SPECS, "discount_rate", dataclasses.replace(spec, default="3.5"))
    cache.code_fingerprint.cache_clear()
    try:
        again = Client().get(url).json()["results"]
    finally:
        cache.code_fingerprint.cache_clear()
    assert rate != 3.5
    assert next(p for p in again if p["key"] == "discount_rate")["value"] == 3.5


def test_the_first_visit_of_a_new_portal_does_not_throw_away_its_own_cached_page(
    db, django_assert_max_num_queries
):
    town = Factory.municipality()
    Factory.measure(town, title="Öffentliche Maßnahme")
    url = f"/{town.slug}/massnahmen/"
    first = Client().get(url)  # stores the portal settings with their defaults on first use
    with django_assert_max_num_queries(3):
        second = Client().get(url)
    assert second.content == first.content
