"""Process cost and duplicate structures (methods §4, §5) against hand-computed values."""

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digitalbilanz.economics import (
    CHANNELS,
    LEVELS,
    Activity,
    EconomicsError,
    ProcessCostParameters,
    ServiceCosts,
    Source,
    duplicate_structure_arrays,
    process_cost,
    rank_services,
    service_arrays,
)

DESTATIS = "Destatis Lohnkostentabelle Verwaltung 2025"
PARAMS = ProcessCostParameters(
    wage_rates={"md": 25.50, "gd": 42.20},
    sources={
        "wage_md": Source(25.50, DESTATIS, "2025-01-01", "Lohnsatz einfacher/mittlerer Dienst"),
        "wage_gd": Source(42.20, DESTATIS, "2025-01-01", "Lohnsatz gehobener Dienst"),
    },
)


def parking_permit(**overrides):
    """Residents' parking permit: 400 online, 500 counter, 100 post cases a year."""
    values = {
        "key": "ozg:parken",
        "label": "Bewohnerparkausweis",
        "cases": {"online": 400, "counter": 500, "post": 100},
        "activities": (
            Activity("counter", 10, "md", "Annahme und Prüfung"),
            Activity("counter", 6, "gd", "Bescheid"),
            Activity("post", 15, "md", "Öffnen, Prüfen, Erfassen"),
            Activity("post", 6, "gd", "Bescheid"),
            Activity("online", 2, "md", "Prüfung"),
            Activity("online", 6, "gd", "Bescheid"),
        ),
        "media_break_minutes": 4,
        "media_break_level": "md",
        "material_cost": {"counter": 0.50, "post": 1.50},
        "fixed_costs": {"online": 5_000, "counter": 8_000},
        "analog_fixed_change": 1_000,
        "missing_preconditions": 2,
    }
    values.update(overrides)
    return ServiceCosts(**values)


def counter_only(key, cases, counter_minutes, missing, online_cases=0):
    """A service whose online case takes no staff time: saving per case = minutes × 0.425 €."""
    return ServiceCosts(
        key=key,
        cases={"counter": cases, "online": online_cases},
        activities=(Activity("counter", counter_minutes, "md"),),
        missing_preconditions=missing,
    )


def test_cost_per_channel_follows_the_standard_cost_model():
    # Per minute: md 25.50 / 60 = 0.425 €, gd 42.20 / 60 = 0.70333 € (6 min gd = 4.22 €).
    # Counter: 10 × 0.425 + 4.22 = 8.47 € per case; 500 × (8.47 + 0.50) + 8,000 = 12,485.00 €
    # Post:    15 × 0.425 + 4.22 = 10.595 €;        100 × (10.595 + 1.50) + 0   =  1,209.50 €
    # Online: (2 + 4 media break) × 0.425 + 4.22 = 6.77 €; 400 × 6.77 + 5,000    =  7,708.00 €
    # All channels side by side: 12,485 + 1,209.50 + 7,708 = 21,402.50 €
    result = process_cost(parking_permit(), PARAMS)
    assert result.channel("counter").staff_cost_per_case == pytest.approx(8.47)
    assert result.channel("counter").annual_cost == pytest.approx(12_485.00)
    assert result.channel("post").annual_cost == pytest.approx(1_209.50)
    assert result.channel("online").minutes_per_case == pytest.approx(12)
    assert result.channel("online").annual_cost == pytest.approx(7_708.00)
    assert result.channel("email").annual_cost == 0
    assert result.total_cost == pytest.approx(21_402.50)
    assert result.fixed_digital == 5_000
    assert result.fixed_analog == 8_000


def test_duplicate_structure_effects_match_hand_computation():
    # Analog md minutes per case, case-weighted: (500 × 10 + 100 × 15) / 600 = 10.8333; gd 6.
    # Online: md 2 + 4 = 6, gd 6. Difference: md 4.8333 min, gd 0.
    # Saving per case Δc = 4.8333 × 0.425 = 2.0541667 € (= 8.8241667 − 6.77)
    # Hours freed = 400 × 4.8333 / 60 = 32.2222 h (all md)
    # Staff saving = 400 × 2.0541667 = 821.67 €; net = 821.67 − 5,000 − 1,000 = −5,178.33 €
    result = process_cost(parking_permit(), PARAMS)
    assert result.total_cases == 1_000
    assert result.online_share == pytest.approx(0.4)
    assert result.analog_cost_per_case == pytest.approx(8.8241667, abs=1e-6)
    assert result.digital_cost_per_case == pytest.approx(6.77)
    assert result.saving_per_case == pytest.approx(2.0541667, abs=1e-6)
    assert result.hours_freed == pytest.approx(32.2222, abs=1e-4)
    assert result.hours_freed_by_level["md"] == pytest.approx(32.2222, abs=1e-4)
    assert result.hours_freed_by_level["gd"] == pytest.approx(0, abs=1e-9)
    assert result.staff_saving == pytest.approx(821.67, abs=0.005)
    assert result.net_effect == pytest.approx(-5_178.33, abs=0.005)


def test_overhead_raises_every_hourly_cost():
    # With 20 % overhead every staff figure grows by the factor 1.2: Δc = 2.0541667 × 1.2 = 2.465 €
    params = ProcessCostParameters(wage_rates={"md": 25.50, "gd": 42.20}, overhead=0.2)
    result = process_cost(parking_permit(), params)
    assert result.saving_per_case == pytest.approx(2.465)
    assert result.channel("counter").staff_cost_per_case == pytest.approx(8.47 * 1.2)


def test_break_even_share_beyond_one_is_not_reachable():
    # s* = (5,000 + 1,000) / (1,000 × 2.0541667) = 2.9209 > 100 %
    result = process_cost(parking_permit(), PARAMS)
    assert result.break_even.status == "not_reachable"
    assert result.break_even.share == pytest.approx(2.9209, abs=1e-4)
    assert not result.break_even.reached
    assert "nicht erreichbar" in result.break_even.reason


def test_break_even_share_is_reachable_and_reached():
    # C_dig 1,000, ΔC_ana −500 (counter hours cut): s* = 500 / 2,054.1667 = 24.34 % ≤ 40 % today
    service = parking_permit(fixed_costs={"online": 1_000}, analog_fixed_change=-500)
    result = process_cost(service, PARAMS)
    assert result.break_even.status == "reachable"
    assert result.break_even.share == pytest.approx(0.24341, abs=1e-5)
    assert result.break_even.reached
    assert "24,3 %" in result.break_even.reason
    assert result.net_effect == pytest.approx(821.67 - 500, abs=0.005)


def test_break_even_share_is_zero_when_the_online_channel_costs_nothing_extra():
    # C_dig 0, ΔC_ana −2,000: numerator negative, every online case already pays: s* = 0
    service = parking_permit(fixed_costs={}, analog_fixed_change=-2_000)
    result = process_cost(service, PARAMS)
    assert result.break_even.status == "reachable"
    assert result.break_even.share == 0


def test_no_break_even_when_the_media_break_eats_the_saving():
    # Media break 10 min: online md 12 min → 12 × 0.425 + 4.22 = 9.32 € > 8.824 € analog
    result = process_cost(parking_permit(media_break_minutes=10), PARAMS)
    assert result.saving_per_case == pytest.approx(-0.4958333, abs=1e-6)
    assert result.break_even.status == "no_saving"
    assert result.break_even.share is None
    assert not result.break_even.reached
    assert "Kein Break-even" in result.break_even.reason
    assert "Medienbruch" in result.break_even.reason


def test_no_break_even_with_zero_saving_per_case():
    # Counter and online both 10 min md: Δc = 0 exactly, no division by zero.
    service = ServiceCosts(
        key="gleich",
        cases={"counter": 3, "online": 7},
        activities=(Activity("counter", 10, "md"), Activity("online", 10, "md")),
        fixed_costs={"online": 100},
    )
    result = process_cost(service, PARAMS)
    assert result.saving_per_case == 0
    assert result.break_even.status == "no_saving"
    assert result.staff_saving == 0
    assert result.net_effect == -100


def test_no_break_even_without_analog_cases():
    service = parking_permit(cases={"online": 250})
    result = process_cost(service, PARAMS)
    assert result.online_share == 1
    assert result.analog_cost_per_case is None
    assert result.saving_per_case == 0
    assert result.hours_freed == 0
    assert result.break_even.status == "no_analog_cases"
    assert "keine analogen Fälle" in result.break_even.reason


def test_no_break_even_without_cases():
    result = process_cost(parking_permit(cases={}), PARAMS)
    assert result.online_share is None
    assert result.break_even.status == "no_cases"
    assert result.total_cost == pytest.approx(13_000)  # only the fixed costs 5,000 + 8,000


def test_projections_for_target_online_shares():
    # Target 80 %: 800 online cases; saving 800 × 2.0541667 = 1,643.33 €; hours 800 × 4.8333 / 60
    # = 64.444 h; net 1,643.33 − 6,000 = −4,356.67 €; versus today 1,643.33 − 821.67 = 821.67 €.
    # Target 0 %: no saving, net −6,000 €; change −821.67 €.
    result = process_cost(parking_permit(), PARAMS, targets=(0.8, 0.0))
    high, none = result.projections
    assert high.online_cases == pytest.approx(800)
    assert high.staff_saving == pytest.approx(1_643.33, abs=0.005)
    assert high.hours_freed == pytest.approx(64.444, abs=1e-3)
    assert high.net_effect == pytest.approx(-4_356.67, abs=0.005)
    assert high.change_from_current == pytest.approx(821.67, abs=0.005)
    assert none.staff_saving == 0
    assert none.net_effect == pytest.approx(-6_000)
    assert none.change_from_current == pytest.approx(-821.67, abs=0.005)


def test_ranking_orders_by_cases_times_saving_times_missing_preconditions():
    # C: 200 × (60 × 0.425 = 25.50) × 6 = 30,600
    # B: 5,000 × (4 × 0.425 = 1.70) × 1 = 8,500
    # A: parking permit 1,000 × 2.0541667 × 2 = 4,108.33
    # D: end to end (0 missing) → 0, 90,000 cases; E: no saving → 0, 10 cases (D before E by cases)
    results = [
        process_cost(parking_permit(), PARAMS),
        process_cost(counter_only("B", 5_000, 4, 1), PARAMS),
        process_cost(counter_only("C", 200, 60, 6), PARAMS),
        process_cost(counter_only("D", 90_000, 30, 0), PARAMS),
        process_cost(counter_only("E", 10, 0, 6), PARAMS),
    ]
    ranking = rank_services(results)
    assert [row.key for row in ranking.rows] == ["C", "B", "ozg:parken", "D", "E"]
    assert [row.rank for row in ranking.rows] == [1, 2, 3, 4, 5]
    assert ranking.rows[0].priority == pytest.approx(30_600)
    assert ranking.rows[2].priority == pytest.approx(4_108.33, abs=0.005)
    assert ranking.rows[3].priority == 0
    assert "fehlende" in ranking.explanation.formula
    assert ranking.explanation.steps[0].startswith("1. „C“")


def test_ranking_refuses_duplicate_services():
    result = process_cost(parking_permit(), PARAMS)
    with pytest.raises(EconomicsError, match="doppelt"):
        rank_services([result, result])


def test_explanation_is_german_with_sourced_wage_rates_and_json_ready():
    result = process_cost(parking_permit(), PARAMS, targets=(0.8,))
    explanation = result.explanation
    assert "Standardkostenmodell" in explanation.method
    assert "s* = " in explanation.formula
    wage = next(row for row in explanation.parameters if row["name"] == "wage_gd")
    assert wage["source"] == DESTATIS
    assert wage["display"] == "42,20 €/h"
    steps = " ".join(explanation.steps)
    assert "Schalter: 500 Fälle" in steps
    assert "12.485,00 €" in steps
    assert "Nettoeffekt" in steps
    assert "Ziel-Online-Anteil 80 %" in steps
    assert "nicht erreichbar" in steps
    assert any(item.get("label") == "Bescheid" for item in explanation.inputs)
    json.dumps(explanation.as_dict())
    assert "s* = " in " ".join(result.break_even.explanation.steps)


# --- invalid input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "text"),
    [
        ({"cases": {"counter": -1}}, "cases", "Fallzahl .* „Schalter“ darf nicht negativ"),
        ({"cases": {"fax": 3}}, "cases", "Unbekannter Kanal „fax“"),
        ({"cases": {"post": "viele"}}, "cases", "muss eine Zahl sein"),
        ({"cases": {"post": math.nan}}, "cases", "endliche Zahl"),
        ({"material_cost": {"post": -0.5}}, "material_cost", "Sachkosten"),
        ({"fixed_costs": {"online": -1}}, "fixed_costs", "Fixkosten"),
        ({"media_break_minutes": -3}, "media_break_minutes", "Medienbruch"),
        ({"media_break_level": "x"}, "career_level", "Unbekannte Laufbahngruppe"),
        ({"missing_preconditions": 7}, "missing_preconditions", "0 bis 6"),
        ({"missing_preconditions": 1.5}, "missing_preconditions", "ganze Zahl"),
        ({"analog_fixed_change": math.inf}, "analog_fixed_change", "endliche Zahl"),
    ],
)
def test_invalid_service_input_raises_german_error_naming_the_field(overrides, field, text):
    with pytest.raises(EconomicsError, match=text) as caught:
        parking_permit(**overrides)
    assert caught.value.field == field
    assert caught.value.ref == "ozg:parken"


@pytest.mark.parametrize(
    ("args", "field", "text"),
    [
        (("online", -1, "md"), "minutes", "Minutenzahl .* darf nicht negativ"),
        (("fax", 1, "md"), "channel", "Unbekannter Kanal"),
        (("online", 1, "b2"), "career_level", "Unbekannte Laufbahngruppe"),
    ],
)
def test_invalid_activity_raises_german_error(args, field, text):
    with pytest.raises(EconomicsError, match=text) as caught:
        Activity(*args, label="Prüfung")
    assert caught.value.field == field


def test_missing_wage_rate_for_a_used_career_level_is_rejected():
    params = ProcessCostParameters(wage_rates={"md": 25.50})
    with pytest.raises(EconomicsError, match="gehobener Dienst.* fehlt der Lohnsatz") as caught:
        process_cost(parking_permit(), params)
    assert caught.value.field == "wage_rates"


def test_invalid_parameters_and_targets_are_rejected():
    with pytest.raises(EconomicsError, match="Lohnsatz .* darf nicht negativ"):
        ProcessCostParameters(wage_rates={"md": -1})
    with pytest.raises(EconomicsError, match="Gemeinkostenzuschlag"):
        ProcessCostParameters(wage_rates={"md": 1}, overhead=-0.1)
    with pytest.raises(EconomicsError, match="zwischen 0 % und 100 %") as caught:
        process_cost(parking_permit(), PARAMS, targets=(1.2,))
    assert caught.value.field == "targets"


# --- vectorised == scalar ---------------------------------------------------------------------

amount = st.floats(min_value=0, max_value=1e5, allow_nan=False)
count = st.one_of(st.just(0), st.integers(min_value=0, max_value=100_000))


@st.composite
def services(draw):
    activities = draw(
        st.lists(
            st.builds(
                Activity,
                st.sampled_from(CHANNELS),
                st.floats(min_value=0, max_value=600, allow_nan=False),
                st.sampled_from(LEVELS),
            ),
            max_size=8,
        )
    )
    return ServiceCosts(
        key=draw(st.uuids()).hex,
        cases=draw(st.dictionaries(st.sampled_from(CHANNELS), count)),
        activities=tuple(activities),
        media_break_minutes=draw(st.floats(min_value=0, max_value=60, allow_nan=False)),
        media_break_level=draw(st.sampled_from(LEVELS)),
        material_cost=draw(st.dictionaries(st.sampled_from(CHANNELS), amount)),
        fixed_costs=draw(st.dictionaries(st.sampled_from(CHANNELS), amount)),
        analog_fixed_change=draw(st.floats(min_value=-1e5, max_value=1e5, allow_nan=False)),
    )


ALL_LEVELS = ProcessCostParameters(
    wage_rates={"md": 25.50, "gd": 42.20, "hd": 70.40, "avg": 40.70}, overhead=0.2
)


def close(a, b):
    return a == pytest.approx(b, rel=1e-9, abs=1e-6)


@settings(max_examples=150, deadline=None)
@given(st.lists(services(), min_size=1, max_size=6))
def test_vectorised_model_equals_the_scalar_model(items):
    arrays = duplicate_structure_arrays(**service_arrays(items, ALL_LEVELS))
    for i, service in enumerate(items):
        scalar = process_cost(service, ALL_LEVELS)
        assert close(arrays.channel_cost[i].tolist(), [c.annual_cost for c in scalar.channels])
        assert close(arrays.total_cost[i], scalar.total_cost)
        assert close(arrays.saving_per_case[i], scalar.saving_per_case)
        assert close(arrays.hours_freed[i], scalar.hours_freed)
        assert close(arrays.staff_saving[i], scalar.staff_saving)
        assert close(arrays.net_effect[i], scalar.net_effect)
        assert arrays.status_names()[i] == scalar.break_even.status
        if scalar.online_share is None:
            assert np.isnan(arrays.online_share[i])
        else:
            assert close(arrays.online_share[i], scalar.online_share)
        if scalar.break_even.share is None:
            assert np.isnan(arrays.break_even[i])
        else:
            assert close(arrays.break_even[i], scalar.break_even.share)


def test_vectorised_model_broadcasts_services_over_municipalities():
    inputs = service_arrays([parking_permit(), counter_only("B", 5_000, 4, 1)], PARAMS)
    rng = np.random.default_rng(1)
    cases = rng.integers(0, 1_000, (2, 3, 5)).astype(float)  # 2 services × 3 municipalities
    result = duplicate_structure_arrays(
        cases=cases,
        minutes=inputs["minutes"][:, None],
        media_break=inputs["media_break"][:, None],
        hourly_cost=inputs["hourly_cost"],
        material_cost=inputs["material_cost"][:, None],
        fixed_costs=inputs["fixed_costs"][:, None],
        analog_fixed_change=inputs["analog_fixed_change"][:, None],
    )
    assert result.net_effect.shape == (2, 3)
    single = process_cost(parking_permit(cases=dict(zip(CHANNELS, cases[0, 2], strict=True))), PARAMS)
    assert close(result.net_effect[0, 2], single.net_effect)


def test_vectorised_model_rejects_negative_cases():
    inputs = service_arrays([parking_permit()], PARAMS)
    inputs["cases"][0, 1] = -1
    with pytest.raises(EconomicsError, match="nicht negative") as caught:
        duplicate_structure_arrays(**inputs)
    assert caught.value.field == "cases"
