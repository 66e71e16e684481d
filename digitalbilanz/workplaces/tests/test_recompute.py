"""Derived lines follow their sources: parameters, the horizon and snapshots recompute them."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from digitalbilanz.contracts import calc as contract_calc
from digitalbilanz.contracts.models import Contract, ContractValue
from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.core.models import Parameter
from digitalbilanz.portfolio.models import Derivation, Line
from digitalbilanz.registry.derivations import recomputes
from digitalbilanz.testing import Factory
from digitalbilanz.workplaces.calc import sync_measure_lines
from digitalbilanz.workplaces.models import WorkplaceScenario, WorkplaceSnapshot

D = dt.date
PUBLIC = Visibility.PUBLIC


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="stadt")
    snapshot = WorkplaceSnapshot.objects.create(
        municipality=town, visibility=PUBLIC, as_of=D(2024, 1, 1), headcount=100,
        mobile_capable=60, desks=100, two_devices=40,
    )  # fmt: skip
    scenario = WorkplaceScenario.objects.create(
        municipality=town, visibility=PUBLIC, snapshot=snapshot, name="Quote 0,8",
        desk_ratio=Decimal("0.8"), start_year=2024, years=2, space_given_up=True,
        measure=Factory.measure(town),
    )  # fmt: skip
    sync_measure_lines(scenario, reason="verknüpft")
    contract = Contract.objects.create(
        municipality=town, visibility=PUBLIC, vendor="Anbieter", subject="Lizenzen", kind="licence",
        basis="per_device", start=D(2024, 1, 1), minimum_term_months=12, notice_months=3,
        auto_renewal=True, renewal_months=12,
    )  # fmt: skip
    ContractValue.objects.create(
        municipality=town, contract=contract, visibility=PUBLIC, valid_from=D(2024, 1, 1),
        annual_cost=10_000, units=400, unit_price=Decimal(25), source="Vertrag",
    )  # fmt: skip
    measure = Factory.measure(town)
    contract.measures.set([measure])
    contract_calc.sync_contract_lines(contract, reason="verknüpft")
    admin = Factory.user(town, Role.ADMIN)
    client = Client()
    client.force_login(admin)
    return {"town": town, "snapshot": snapshot, "scenario": scenario, "contract": contract,
            "measure": measure, "client": client}  # fmt: skip


def rent_saving(scenario):
    return sum(
        line.amount for line in Line.objects.filter(measure=scenario.measure, kind="benefit", category="rent")
    )


def post_parameter(client, key, value):
    return client.post(
        f"/app/stadt/parameter/{key}/",
        {"value": value, "source": "Ratsbeschluss", "as_of": "2024-01-01", "note": "",
         "change_reason": "neuer Wert"},
    )  # fmt: skip


def test_both_sources_are_registered():
    assert {"workplaces", "contracts", "services"} <= set(recomputes())


def test_a_new_rent_recomputes_the_scenarios_desk_saving(world):
    before = rent_saving(world["scenario"])
    assert before > 0
    response = post_parameter(world["client"], "wp_rent_per_m2_year", "300")
    assert response.status_code == 302
    # rent doubles (150 → 300 €/m²): the saving of the space given up doubles
    assert rent_saving(world["scenario"]) == 2 * before
    derivation = Derivation.objects.get(measure=world["scenario"].measure)
    assert "wp_rent" not in derivation.history.first().history_change_reason
    assert "Miete" in derivation.history.first().history_change_reason


def test_back_to_the_default_recomputes_too(world):
    before = rent_saving(world["scenario"])
    post_parameter(world["client"], "wp_rent_per_m2_year", "300")
    parameter = Parameter.objects.get(key="wp_rent_per_m2_year")
    response = world["client"].post(
        "/app/stadt/parameter/wp_rent_per_m2_year/standard/", {"lock_version": parameter.lock_version}
    )
    assert response.status_code == 302 and not Parameter.objects.exists()
    assert rent_saving(world["scenario"]) == before


def test_a_shorter_horizon_shortens_the_contracts_lines(world):
    years = set(Line.objects.filter(measure=world["measure"]).values_list("year", flat=True))
    assert len(years) > 3
    assert post_parameter(world["client"], "horizon", "3").status_code == 302
    assert set(Line.objects.filter(measure=world["measure"]).values_list("year", flat=True)) == {
        2024, 2025, 2026,
    }  # fmt: skip


def double_fees(measure):
    return Line.objects.get(measure=measure, year=2024, label__startswith="Doppelte").amount


def test_staff_with_two_devices_in_the_snapshot_recompute_the_double_fees(world):
    assert double_fees(world["measure"]) == Decimal("1000.00")  # 40 × 25 €
    snapshot = world["snapshot"]
    snapshot.two_devices = 20
    snapshot.save()
    assert double_fees(world["measure"]) == Decimal("500.00")  # 20 × 25 €


def test_a_snapshot_the_scenario_cannot_use_is_refused_and_nothing_changes(world):
    snapshot = world["snapshot"]
    snapshot.mobile_capable = 5  # 95 % always on site, above the scenario's desk ratio of 0.8
    with pytest.raises(ValidationError, match="Quote 0,8"):
        snapshot.save()
    snapshot.refresh_from_db()
    assert snapshot.mobile_capable == 60
