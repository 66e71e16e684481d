"""Mandate and link forms: a reason is required, bad input gets a German error and saves nothing,
the history keeps the reason, two editors do not overwrite each other."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from digitalbilanz.council.models import Mandate, Paper, PaperLink
from digitalbilanz.portfolio.models import Measure

pytestmark = pytest.mark.django_db


def _editor(client):
    client.force_login(get_user_model().objects.get(username="redaktion"))
    return client


def _motion(town):
    return Paper.objects.get(municipality=town, reference="2023/2362", category="motion")


def _data(town, **overrides):
    data = {
        "paper": _motion(town).pk,
        "label": "Punkt 4",
        "text": "Die Verwaltung berichtet halbjährlich.",
        "due_date": "2030-06-30",
        "owner_text": "FB 04",
        "status": "open",
        "visibility": "public",
        "change_reason": "Beschluss vom 25.09.2023",
        "lock_version": 0,
    }
    data.update(overrides)
    return data


def test_create_mandate_with_reason(client, demo_town):
    _editor(client)
    url = reverse("council:mandate_create", args=[demo_town.slug])
    response = client.post(url, _data(demo_town))
    assert response.status_code == 302
    mandate = Mandate.objects.get(municipality=demo_town, label="Punkt 4")
    assert mandate.history.first().history_change_reason == "Beschluss vom 25.09.2023"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"change_reason": ""}, "Dieses Feld ist zwingend erforderlich."),
        ({"due_date": "31.02.2030"}, "Bitte ein gültiges Datum eingeben."),
        ({"paper": ""}, "Bitte wählen Sie eine Vorlage oder einen Tagesordnungspunkt."),
        ({"status": "vergessen"}, "Bitte eine gültige Auswahl treffen."),
    ],
)
def test_bad_input_german_error_nothing_saved(client, demo_town, overrides, message):
    _editor(client)
    before = Mandate.objects.count()
    response = client.post(
        reverse("council:mandate_create", args=[demo_town.slug]), _data(demo_town, **overrides)
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Mandate.objects.count() == before


def test_mandate_may_not_be_more_public_than_its_resolution(client, demo_town):
    _editor(client)
    loi = Paper.objects.get(municipality=demo_town, name__startswith="Absichtserklärung")
    response = client.post(
        reverse("council:mandate_create", args=[demo_town.slug]), _data(demo_town, paper=loi.pk)
    )
    assert response.status_code == 400
    assert "nicht öffentlicher sein als seine Vorlage" in response.content.decode()
    assert not Mandate.objects.filter(label="Punkt 4").exists()


def test_council_member_and_reader_may_not_edit(client, demo_town):
    for name in ("rat", "lesen"):
        client.force_login(get_user_model().objects.get(username=name))
        assert (
            client.post(
                reverse("council:mandate_create", args=[demo_town.slug]), _data(demo_town)
            ).status_code
            == 404
        )
    assert not Mandate.objects.filter(label="Punkt 4").exists()


def test_two_editors_do_not_overwrite_each_other(client, demo_town):
    _editor(client)
    mandate = Mandate.objects.get(municipality=demo_town, label="Punkt 3")
    url = reverse("council:mandate_edit", args=[demo_town.slug, mandate.pk])
    loaded = mandate.lock_version
    common = {
        "paper": mandate.paper_id,
        "agenda_item": mandate.agenda_item_id,
        "label": "Punkt 3",
        "text": mandate.text,
        "owner": mandate.owner_id,
        "visibility": "public",
        "lock_version": loaded,
    }
    first = client.post(url, {**common, "status": "done", "change_reason": "erledigt mit dem HH-Plan"})
    assert first.status_code == 302
    second = client.post(url, {**common, "status": "dropped", "change_reason": "entfällt"})
    assert second.status_code == 400
    assert Mandate.objects.get(pk=mandate.pk).status == "done"


def test_link_measure_to_paper(client, demo_town):
    _editor(client)
    paper = _motion(demo_town)
    measure = Measure.objects.get(municipality=demo_town, code="M-04")
    url = reverse("council:link_create", args=[demo_town.slug, paper.pk])
    data = {"measure": measure.pk, "role": "basis", "visibility": "public", "lock_version": 0}
    response = client.post(url, data)
    assert response.status_code == 400 and not PaperLink.objects.filter(measure=measure, paper=paper).exists()
    response = client.post(url, {**data, "change_reason": "Antrag betrifft auch OZG"})
    assert response.status_code == 302
    assert PaperLink.objects.filter(measure=measure, paper=paper, role="basis").exists()
    duplicate = client.post(url, {**data, "change_reason": "nochmal"})
    assert duplicate.status_code == 400 and "bereits so verknüpft" in duplicate.content.decode()
