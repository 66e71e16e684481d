"""Data changes: the model decides whose data version rises; bulk writes never leave stale pages."""

from decimal import Decimal

import pytest
from django.core import checks
from django.db import connection, models
from django.test import Client
from django.test.utils import CaptureQueriesContext, isolate_apps

from digitalbilanz.core.datachanges import data_changed, grouped
from digitalbilanz.core.models import Municipality, TimestampedModel
from digitalbilanz.core.signals import tenant_path_errors
from digitalbilanz.portfolio.models import Criterion, Line
from digitalbilanz.testing import Factory
from digitalbilanz.testing_app.models import CaseCount


def version(town):
    return Municipality.objects.values_list("data_version", flat=True).get(pk=town.pk)


@pytest.fixture
def towns(db):
    return Factory.municipality(), Factory.municipality()


def test_a_child_without_own_municipality_raises_only_its_municipality(towns):
    town, other = towns
    measure = Factory.measure(town)
    before, other_before = version(town), version(other)
    Criterion.objects.create(measure=measure, module="Q", label="Bürgernähe", weight=Decimal(100))
    assert version(town) == before + 1
    assert version(other) == other_before


def test_queryset_update_and_bulk_create_raise_the_version(towns):
    town, other = towns
    measure = Factory.measure(town)
    Factory.line(measure, amount="10")
    before, other_before = version(town), version(other)
    Line.objects.filter(measure=measure).update(amount=Decimal("20"))
    assert version(town) == before + 1
    CaseCount.objects.bulk_create(
        [CaseCount(municipality=town, service="Meldebescheinigung", year=2024, cases=3)]
    )
    assert version(town) == before + 2
    assert version(other) == other_before


def test_grouped_writes_raise_each_touched_version_once(towns):
    town, other = towns
    measure = Factory.measure(town)
    before, other_before = version(town), version(other)
    with CaptureQueriesContext(connection) as queries, grouped():
        for year in range(2024, 2034):
            Factory.line(measure, year=year, amount="1")
        data_changed(other)
    version_updates = [q for q in queries.captured_queries if "data_version" in q["sql"]]
    assert len(version_updates) == 1
    assert version(town) == before + 1
    assert version(other) == other_before + 1


def test_a_bulk_write_through_the_documented_path_never_leaves_a_stale_public_page(towns):
    town, _other = towns
    measure = Factory.measure(town, title="Bürgerportal")
    Factory.line(measure, amount="1000", label="Lizenz")
    urls = [f"/api/v1/{town.slug}/lines/", f"/{town.slug}/daten/lines.csv"]
    for url in urls:
        assert "1000" in Client().get(url).content.decode()  # now cached
    with grouped():
        Line.objects.filter(measure=measure).update(amount=Decimal("4321"))
    for url in urls:
        body = Client().get(url).content.decode()
        assert "4321" in body and "1000.00" not in body


def test_a_municipality_save_does_not_turn_its_data_version_back(towns):
    town, _other = towns
    stale = Municipality.objects.get(pk=town.pk)
    data_changed(town)
    data_changed(town)
    current = version(town)
    stale.name = "Neuer Name"
    stale.save()
    assert version(town) == current + 1


@isolate_apps("digitalbilanz.testing_app")
def test_the_system_check_names_a_model_that_declares_no_tenant_path():
    class Orphan(TimestampedModel):
        note = models.CharField(max_length=10)

        class Meta:
            app_label = "testing_app"

    class Declared(TimestampedModel):
        parent = models.ForeignKey(Municipality, on_delete=models.CASCADE)
        tenant_path = "parent"

        class Meta:
            app_label = "testing_app"

    class Wrong(TimestampedModel):
        note = models.CharField(max_length=10)
        tenant_path = "note"

        class Meta:
            app_label = "testing_app"

    errors = tenant_path_errors([Orphan, Declared, Wrong])
    assert [e.id for e in errors] == ["digitalbilanz.E001", "digitalbilanz.E002"]
    assert all(isinstance(e, checks.Error) for e in errors)


def test_a_form_save_raises_the_version_once_per_request(towns):
    from digitalbilanz.core.choices import Role

    town, _other = towns
    measure = Factory.measure(town, code="M-1")
    client = Client()
    client.force_login(Factory.user(town, Role.EDITOR))
    data = {
        "code": "M-1",
        "title": "Neu",
        "status": "planned",
        "visibility": "public",
        "lock_version": measure.lock_version,
        "partners": [Factory.unit(town).pk],
    }
    before = version(town)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(f"/app/{town.slug}/massnahmen/{measure.pk}/bearbeiten/", data)
    assert response.status_code == 302
    assert (
        len([q for q in queries.captured_queries if "data_version" in q["sql"] and "UPDATE" in q["sql"]]) == 1
    )
    assert version(town) == before + 1
