"""No lost updates: a save based on an outdated version is refused and changes nothing."""

import threading

import pytest
from django.db import connection, transaction
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.core.versioning import StaleRecordError
from digitalbilanz.portfolio import forms
from digitalbilanz.portfolio.models import Measure
from digitalbilanz.testing import Factory


def measure_data(measure, **changes):
    data = {
        "code": measure.code,
        "title": measure.title,
        "status": measure.status,
        "visibility": measure.visibility,
        "lock_version": measure.lock_version,
    }
    data.update(changes)
    return data


@pytest.fixture
def setup(db):
    town = Factory.municipality()
    measure = Factory.measure(town, title="Ursprünglicher Titel", code="M-1")
    return town, measure


def editor_client(town, name):
    client = Client()
    client.force_login(Factory.user(town, Role.EDITOR, username=name))
    return client


def test_every_save_raises_the_version(setup):
    _town, measure = setup
    before = measure.lock_version
    measure.title = "Neu"
    measure.save()
    assert measure.lock_version == before + 1
    assert Measure.objects.get(pk=measure.pk).lock_version == before + 1


def test_saving_an_outdated_instance_raises_and_writes_nothing(setup):
    _town, measure = setup
    first, second = Measure.objects.get(pk=measure.pk), Measure.objects.get(pk=measure.pk)
    first.title = "Erste Fassung"
    first.save()
    second.title = "Zweite Fassung"
    with pytest.raises(StaleRecordError), transaction.atomic():
        second.save()
    assert Measure.objects.get(pk=measure.pk).title == "Erste Fassung"
    assert measure.history.count() == 2  # created + the first edit; the refused save left no row


def test_the_second_of_two_editors_is_refused_with_the_newer_values(setup):
    town, measure = setup
    url = f"/app/{town.slug}/massnahmen/{measure.pk}/bearbeiten/"
    anna, ben = editor_client(town, "anna"), editor_client(town, "ben")
    loaded = measure_data(measure)  # both opened the form at the same version
    assert anna.post(url, {**loaded, "title": "Annas Titel"}).status_code == 302
    response = ben.post(url, {**loaded, "title": "Bens Titel"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Zwischenzeitlich geändert" in body and "wurde inzwischen von anna" in body
    assert "Annas Titel" in body and "Bens Titel" in body  # stored value and Ben's own input
    assert Measure.objects.get(pk=measure.pk).title == "Annas Titel"
    # Ben's form now carries the stored version: saving again deliberately keeps his version.
    current = Measure.objects.get(pk=measure.pk).lock_version
    assert f'name="lock_version" value="{current}"' in body
    assert ben.post(url, {**loaded, "title": "Bens Titel", "lock_version": current}).status_code == 302
    assert Measure.objects.get(pk=measure.pk).title == "Bens Titel"


def test_a_form_without_version_is_refused(setup):
    town, measure = setup
    data = measure_data(measure, title="Ohne Stand")
    del data["lock_version"]
    response = editor_client(town, "anna").post(f"/app/{town.slug}/massnahmen/{measure.pk}/bearbeiten/", data)
    assert response.status_code == 400
    assert "Bearbeitungsstand fehlt" in response.content.decode()
    assert Measure.objects.get(pk=measure.pk).title == "Ursprünglicher Titel"


def test_a_race_that_passes_both_form_checks_is_caught_at_the_database(setup):
    """Both requests validate before either saves; the conditional UPDATE refuses the second."""
    from digitalbilanz.core.forms import save_or_conflict

    town, measure = setup
    loaded = measure_data(measure)
    one = forms.MeasureForm(
        {**loaded, "title": "Eins"}, instance=Measure.objects.get(pk=measure.pk), municipality=town
    )
    two = forms.MeasureForm(
        {**loaded, "title": "Zwei"}, instance=Measure.objects.get(pk=measure.pk), municipality=town
    )
    assert one.is_valid() and two.is_valid()
    assert save_or_conflict(one) is not None
    assert save_or_conflict(two) is None
    assert "inzwischen" in str(two.non_field_errors())
    assert Measure.objects.get(pk=measure.pk).title == "Eins"


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_requests_never_both_win():
    """Two real requests in two threads, both past validation before either writes."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need row locks (PostgreSQL); SQLite serialises the database")
    from digitalbilanz.core.forms import VersionedFormMixin

    town = Factory.municipality()
    measure = Factory.measure(town, title="Start", code="M-1")
    url = f"/app/{town.slug}/massnahmen/{measure.pk}/bearbeiten/"
    clients = [editor_client(town, "anna"), editor_client(town, "ben")]
    loaded = measure_data(measure)
    barrier = threading.Barrier(2, timeout=10)
    original = VersionedFormMixin._post_clean

    def clean_then_wait(form):
        original(form)
        if isinstance(form, forms.MeasureForm):
            barrier.wait()

    statuses = {}

    def post(index, title):
        try:
            statuses[title] = clients[index].post(url, {**loaded, "title": title}).status_code
        finally:
            connection.close()

    VersionedFormMixin._post_clean = clean_then_wait
    try:
        threads = [threading.Thread(target=post, args=(i, t)) for i, t in enumerate(["A", "B"])]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        VersionedFormMixin._post_clean = original
    assert sorted(statuses.values()) == [302, 400]
    winner = next(title for title, status in statuses.items() if status == 302)
    assert Measure.objects.get(pk=measure.pk).title == winner
