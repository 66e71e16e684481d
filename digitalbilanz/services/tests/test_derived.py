"""Hours a service frees reach the linked measures' economics as derived, non-cash hours lines."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portfolio.appraisal import figures_for
from digitalbilanz.portfolio.derived import derived_lines_of
from digitalbilanz.portfolio.models import Line
from digitalbilanz.services.derive import update_measure_lines
from digitalbilanz.services.tests.conftest import add_cases, make_service
from digitalbilanz.testing import Factory


def test_hours_freed_become_non_cash_hours_lines_per_year_until_the_horizon(town):
    measure = Factory.measure(town, start_date=dt.date(2023, 1, 1))
    service = make_service(town)
    service.measures.add(measure)
    add_cases(town, service, year=2023, online=100)  # 100 × 6 / 60 = 10 h
    add_cases(town, service, year=2024)  # 40 h
    update_measure_lines(service, reason="Fallzahlen 2024")
    lines = list(derived_lines_of(service).order_by("year"))
    assert [line.year for line in lines] == list(range(2023, 2031))  # start + 8 years − 1
    assert [line.hours for line in lines[:2]] == [Decimal("10.0"), Decimal("40.0")]
    assert all(line.hours == Decimal("40.0") for line in lines[2:])  # carried forward
    assert "fortgeschrieben aus 2024" in lines[-1].note
    line = lines[0]
    assert (line.kind, line.category, line.budget_relevant, line.career_level) == (
        "benefit",
        "staff_time",
        False,
        "md",
    )
    assert "10001" in line.label and line.is_derived
    assert line.derivation.source_label == str(service)
    assert line.derivation.source_url == service.get_absolute_url()
    figures = figures_for(measure, ParameterSet.for_municipality(town))
    assert figures.error == ""
    assert figures.appraisal.npv_kn_nh > 0  # valued at appraisal time (hours × wage × overhead)


def test_a_service_linked_to_two_measures_splits_its_hours_and_unlinking_removes_them(town):
    a, b = Factory.measure(town), Factory.measure(town)
    service = make_service(town)
    service.measures.add(a, b)
    add_cases(town, service)
    update_measure_lines(service, reason="verknüpft")
    assert {line.hours for line in Line.objects.filter(measure=a, year=2024)} == {Decimal("20.0")}
    service.measures.remove(b)
    update_measure_lines(service, reason="nur noch eine Maßnahme")
    assert not Line.objects.filter(measure=b).exists()
    assert Line.objects.get(measure=a, year=2024).hours == Decimal("40.0")


def test_a_media_break_that_costs_time_becomes_a_cost_line(town):
    measure = Factory.measure(town)
    service = make_service(town)
    service.media_break_minutes = 20  # online 33 min > analog 26 min
    service.save()
    service.measures.add(measure)
    add_cases(town, service)
    update_measure_lines(service, reason="Medienbruch")
    line = Line.objects.get(measure=measure, year=2024)
    assert (line.kind, line.category, line.hours) == ("cost", "own_staff", Decimal("46.7"))  # 400 × 7 / 60


def test_an_internal_service_gives_internal_lines_in_a_public_measure(town):
    measure = Factory.measure(town)
    service = make_service(town, visibility="internal")
    service.measures.add(measure)
    add_cases(town, service)
    update_measure_lines(service, reason="x")
    assert set(derived_lines_of(service).values_list("visibility", flat=True)) == {"internal"}


def test_derived_lines_cannot_be_changed_by_hand(town):
    measure = Factory.measure(town)
    service = make_service(town)
    service.measures.add(measure)
    add_cases(town, service)
    update_measure_lines(service, reason="x")
    line = Line.objects.get(measure=measure, year=2024)
    line.hours = 1
    with pytest.raises(Exception):  # noqa: B017 - DerivedLineError
        line.save()
    with pytest.raises(ValidationError):
        update_measure_lines(service, reason=" ")


def test_a_new_import_recomputes_the_lines(town):
    from digitalbilanz.services import imports

    measure = Factory.measure(town)
    service = make_service(town)
    service.measures.add(measure)
    add_cases(town, service)
    update_measure_lines(service, reason="x")
    imports.apply(
        town, "neu.csv", "OZG-ID;Zeitraum;Beginn;Kanal;Fälle\n10001;Jahr;01.01.2024;online;800\n".encode()
    )
    line = Line.objects.get(measure=measure, year=2024)
    assert line.hours == Decimal("80.0")  # 800 × 6 / 60
    assert "neu.csv" in line.derivation.history.first().history_change_reason
