"""Milestone dependencies ("after"): same measure only, no cycle, a warning when a date contradicts."""

import datetime as dt

import pytest
from django.test import Client

from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.portfolio.forms import MilestonePageForm
from digitalbilanz.portfolio.models import Milestone
from digitalbilanz.portfolio.rules import dependency_conflicts
from digitalbilanz.testing import Factory

D = dt.date


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="stadt")
    measure = Factory.measure(town)
    award = Factory.milestone(measure, D(2022, 3, 31), title="Beauftragung")
    pilot = Factory.milestone(measure, D(2022, 6, 30), title="Pilotierung", after=award)
    return {
        "town": town,
        "measure": measure,
        "award": award,
        "pilot": pilot,
        "editor": Factory.user(town, Role.EDITOR),
    }


def form_data(milestone, **changes):
    data = {
        "title": milestone.title,
        "baseline_date": milestone.baseline_date.isoformat(),
        "forecast_date": milestone.forecast_date.isoformat(),
        "actual_date": "",
        "order": milestone.order,
        "visibility": milestone.visibility,
        "after": milestone.after_id or "",
        "change_reason": "Grund",
        "lock_version": milestone.lock_version,
    }
    data.update(changes)
    return data


def test_conflict_when_a_milestone_is_dated_before_the_one_it_depends_on(world):
    award, pilot = world["award"], world["pilot"]
    assert dependency_conflicts([award, pilot]) == {}
    award.forecast_date = D(2022, 9, 30)
    assert dependency_conflicts([award, pilot]) == {pilot.pk: award}
    pilot.actual_date = D(2022, 10, 1)  # reached after the award's forecast: no contradiction
    assert dependency_conflicts([award, pilot]) == {}
    award.forecast_date = D(2022, 12, 1)
    assert dependency_conflicts([pilot]) == {}  # a predecessor the reader may not read is not named


def test_form_offers_only_other_milestones_of_the_same_measure(world):
    other = Factory.milestone(Factory.measure(world["town"]), title="fremd")
    form = MilestonePageForm(
        form_data(world["pilot"], after=other.pk),
        instance=world["pilot"],
        municipality=world["town"],
        measure=world["measure"],
    )
    assert not form.is_valid()
    assert "keine gültige Auswahl" in form.errors["after"][0]
    assert set(form.fields["after"].queryset) == {world["award"]}


def test_form_refuses_a_cycle_in_german(world):
    award = world["award"]
    form = MilestonePageForm(
        form_data(award, after=world["pilot"].pk),
        instance=award,
        municipality=world["town"],
        measure=world["measure"],
    )
    assert not form.is_valid()
    assert form.errors["after"] == [
        "„Pilotierung“ hängt schon von diesem Meilenstein ab; die Abhängigkeit wäre ein Kreis."
    ]


def test_form_refuses_a_predecessor_stricter_than_the_milestone(world):
    award = world["award"]
    award.visibility = Visibility.INTERNAL
    award.save()
    pilot = Milestone.objects.get(pk=world["pilot"].pk)
    form = MilestonePageForm(
        form_data(pilot), instance=pilot, municipality=world["town"], measure=world["measure"]
    )
    assert not form.is_valid()
    assert "strenger sichtbar" in form.errors["after"][0]


def test_moving_the_predecessor_warns_and_flags_both_pages(world):
    client = Client()
    client.force_login(world["editor"])
    award, measure = world["award"], world["measure"]
    url = f"/app/stadt/massnahmen/{measure.pk}/meilensteine/{award.pk}/"
    response = client.post(
        url, form_data(award, forecast_date="2022-09-30", change_reason="Vergabe später"), follow=True
    )
    html = response.content.decode()
    assert (
        "Achtung: „Pilotierung“ hängt von „Beauftragung“ ab, liegt aber mit 30.06.2022 davor (30.09.2022)."
        in html
    )
    assert "liegt vor „Beauftragung“, von dem er abhängt" in html
    portal = Client().get(f"/stadt/massnahmen/{measure.pk}/").content.decode()
    assert "nach „Beauftragung“" in portal and "liegt vor „Beauftragung“, von dem er abhängt" in portal


def test_hidden_predecessor_is_not_named_on_the_portal(world):
    award = world["award"]
    Milestone.objects.filter(pk=award.pk).update(visibility=Visibility.INTERNAL, forecast_date=D(2022, 9, 30))
    portal = Client().get(f"/stadt/massnahmen/{world['measure'].pk}/").content.decode()
    assert "Pilotierung" in portal
    assert "Beauftragung" not in portal and "von dem er abhängt" not in portal


def test_demo_pilot_follows_the_award(demo_town):
    pilot = Milestone.objects.get(measure__municipality=demo_town, title__startswith="Pilotierung")
    assert pilot.after.title == "Beauftragung eines Anbieters"
    assert pilot.after.after.title == "Europaweite Ausschreibung durch die ivl"


def test_history_does_not_name_a_predecessor_the_reader_may_not_read(world):
    from digitalbilanz.core.history import history_entries
    from digitalbilanz.core.visibility import levels_for_audience
    from digitalbilanz.portfolio.queries import measure_history_rows

    award, pilot = world["award"], world["pilot"]
    other = Factory.milestone(world["measure"], D(2022, 1, 31), title="Ausschreibung")
    pilot.after = other
    pilot._change_reason = "Reihenfolge geklärt"
    pilot.save()
    award.visibility = Visibility.INTERNAL  # made internal afterwards
    award._change_reason = "vertraulich"
    award.save()

    def changes(levels):
        rows = measure_history_rows(world["measure"])
        entries = history_entries(rows, levels)
        (entry,) = [e for e in entries if e["reason"] == "Reihenfolge geklärt"]
        (change,) = [
            c for c in entry["changes"] if c["field"] == str(Milestone._meta.get_field("after").verbose_name)
        ]
        return change

    council = changes(levels_for_audience("council"))
    assert council["old"] == "nicht sichtbarer Eintrag" and "Beauftragung" not in str(council)
    assert "Ausschreibung" in council["new"]
    assert "Beauftragung" in changes(["public", "council", "internal"])["old"]
