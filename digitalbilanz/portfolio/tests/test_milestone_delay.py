"""Milestone delay as of a date: a passed, unreached forecast is no longer "on time"."""

import datetime as dt

import pytest
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portfolio.models import Measure
from digitalbilanz.portfolio.summary import summarise
from digitalbilanz.testing import Factory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2022, 9, 30)


def test_an_open_milestone_past_its_forecast_is_late_by_the_days_since_its_baseline():
    m = Factory.milestone(Factory.measure(Factory.municipality()), baseline=dt.date(2022, 3, 31))
    assert m.slip_days == 0  # forecast = baseline: the old figure said "±0"
    assert m.delay_days(TODAY) == 183  # 31.03. → 30.09.2022
    assert m.delay_days(dt.date(2022, 3, 31)) == 0  # on the day itself not yet overdue


def test_reached_and_future_milestones_keep_their_slip():
    measure = Factory.measure(Factory.municipality())
    reached = Factory.milestone(
        measure,
        baseline=dt.date(2021, 3, 31),
        forecast=dt.date(2021, 9, 30),
        actual_date=dt.date(2022, 1, 15),
    )
    moved = Factory.milestone(measure, baseline=dt.date(2022, 6, 30), forecast=dt.date(2022, 12, 31))
    assert reached.delay_days(TODAY) == (dt.date(2022, 1, 15) - dt.date(2021, 3, 31)).days
    assert moved.delay_days(TODAY) == 184  # forecast not yet passed: the forecast counts


def test_the_slipped_list_holds_every_overdue_or_moved_open_milestone():
    town = Factory.municipality()
    measure = Factory.measure(town)
    overdue = Factory.milestone(measure, baseline=dt.date(2022, 3, 31), title="überfällig")
    moved = Factory.milestone(
        measure, baseline=dt.date(2022, 6, 30), forecast=dt.date(2022, 8, 31), title="v"
    )
    Factory.milestone(measure, baseline=dt.date(2023, 6, 30), title="im Plan")
    Factory.milestone(
        measure, baseline=dt.date(2021, 6, 30), actual_date=dt.date(2021, 6, 1), title="erreicht"
    )
    measures = Measure.objects.filter(pk=measure.pk).prefetch_related("milestones", "lines", "benefits")
    summary = summarise(measures, ParameterSet.for_municipality(town), today=TODAY, draws=50)
    assert [m.pk for _measure, m in summary.slipped] == [overdue.pk, moved.pk]  # most days first


def test_a_milestone_reached_late_without_reason_is_flagged_for_editors_only():
    town = Factory.municipality()
    measure = Factory.measure(town)
    late = Factory.milestone(
        measure, baseline=dt.date(2021, 3, 31), actual_date=dt.date(2022, 12, 12), title="Vergabe"
    )
    assert late.late_without_reason
    editor = Factory.user(town, Role.EDITOR)
    client = Client()
    client.force_login(editor)
    flag = "verspätet erreicht, ohne Begründung"
    assert flag in client.get(f"/app/{town.slug}/massnahmen/{measure.pk}/").content.decode()
    assert flag not in Client().get(f"/{town.slug}/massnahmen/{measure.pk}/").content.decode()
    late.change_forecast(dt.date(2022, 12, 12), "Vergabe erst nach Rüge abgeschlossen")
    late.refresh_from_db()
    assert not late.late_without_reason
    assert flag not in client.get(f"/app/{town.slug}/massnahmen/{measure.pk}/").content.decode()
