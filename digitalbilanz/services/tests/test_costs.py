"""The bridge database → standard cost model, against hand-computed figures (see conftest)."""

import datetime as dt

import pytest

from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.services import costs, imports
from digitalbilanz.services.tests.conftest import add_cases, make_service


def evaluate(service, **kwargs):
    return costs.evaluate([service], ParameterSet.defaults(), **kwargs)[service.pk]


def test_cost_per_channel_saving_and_break_even_by_hand(town):
    service = make_service(town)
    add_cases(town, service)
    item = evaluate(service)
    r = item["result"]
    assert item["year"] == 2024
    # 0.51 €/min; counter 500 × 26 × 0.51; post 100 × (13.26 + 0.95); online 400 × 20 × 0.51 + 1,200
    assert r.channel("counter").annual_cost == pytest.approx(6630.0)
    assert r.channel("post").annual_cost == pytest.approx(1421.0)
    assert r.channel("online").annual_cost == pytest.approx(5280.0)
    assert r.total_cost == pytest.approx(13331.0)
    assert r.saving_per_case == pytest.approx(6 * 0.51)  # 26 − (13 + 7) minutes
    assert r.hours_freed == pytest.approx(40.0)  # 400 × 6 / 60
    assert r.hours_freed_by_level["md"] == pytest.approx(40.0)
    assert r.net_effect == pytest.approx(400 * 3.06 - 1800)
    assert r.break_even.share == pytest.approx(1800 / (1000 * 3.06))
    assert r.break_even.status == "reachable" and not r.break_even.reached  # 40 % < 58.8 %


def test_no_analog_cases_gives_no_break_even(town):
    service = make_service(town)
    add_cases(town, service, online=1000, counter=0, post=0)
    r = evaluate(service)["result"]
    assert (r.break_even.status, r.break_even.share, r.hours_freed) == ("no_analog_cases", None, 0.0)


def test_zero_saving_per_case_gives_no_break_even(town):
    service = make_service(town)
    service.media_break_minutes = 13  # online 13 + 13 = 26 = analog
    service.save()
    add_cases(town, service)
    r = evaluate(service)["result"]
    assert r.saving_per_case == 0.0
    assert r.break_even.status == "no_saving" and "keine Personalkosten" in r.break_even.reason


def test_a_service_without_case_numbers_is_evaluated_with_zero_cases(town):
    r = evaluate(make_service(town))["result"]
    assert r.total_cases == 0 and r.break_even.status == "no_cases"


def test_a_yearly_figure_wins_over_months_of_the_same_year_and_until_year_cuts(town):
    service = make_service(town)
    rows = [(service.pk, "month", dt.date(2023, m, 1), "online", 10) for m in range(1, 13)]
    rows += [(service.pk, "year", dt.date(2023, 1, 1), "online", 500)]
    rows += [(service.pk, "quarter", dt.date(2024, q, 1), "counter", 7) for q in (1, 4, 7, 10)]
    imports.write(town, imports.Parsed(rows=rows, total=len(rows)))
    years = costs.annual_cases([service])[service.pk]
    assert years[2023]["online"] == 500  # not 500 + 120
    assert years[2024]["counter"] == 28
    assert evaluate(service)["year"] == 2024
    assert evaluate(service, until_year=2023)["year"] == 2023


def test_ranking_orders_by_cases_times_saving_times_missing_preconditions(town):
    big, small = make_service(town, "1"), make_service(town, "2")
    add_cases(town, big, online=400, counter=5000, post=0)
    add_cases(town, small, online=10, counter=50, post=0)
    small.online_application = small.e_payment = small.interface = True  # 3 missing vs 6
    small.save()
    evaluated = costs.evaluate([small, big], ParameterSet.defaults())
    rows = costs.ranking(evaluated).rows
    assert [row.key for row in rows] == ["1", "2"]
    assert rows[0].missing_preconditions == 6 and rows[1].missing_preconditions == 3
    assert rows[0].priority == pytest.approx(5400 * 3.06 * 6)


def test_the_projection_uses_the_target_share_parameter(town):
    service = make_service(town)
    add_cases(town, service)
    r = evaluate(service)["result"]
    assert [p.online_share for p in r.projections] == [0.5, 1.0]
    assert r.projections[0].hours_freed == pytest.approx(1000 * 0.5 * 6 / 60)
