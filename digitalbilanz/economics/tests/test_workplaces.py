"""Workplace model (methods §6) against hand-computed cases and the Leverkusen seed figures."""

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digitalbilanz.economics import (
    EconomicsError,
    Parameters,
    Source,
    WorkplaceInputs,
    appraise,
    desks_needed,
    workplace_model,
)

RENT = Source(150.0, "Mietspiegel Gewerbe (Testwert)", "2024-01-01", "Miete je m² und Jahr")


def reference(**changes):
    """100 staff, 60 mobile, 50 % peak presence, 10 % buffer, 100 desks, space given up."""
    values = dict(
        staff=100,
        mobile_workers=60,
        peak_presence=0.5,
        buffer=0.1,
        current_desks=100,
        start_year=2024,
        years=3,
        m2_per_desk=12,
        rent_per_m2_year=150,
        room_cost_per_desk=1_000,
        space_given_up=True,
        one_off_per_worker=971,
        device_annuity=400,
        docking=150,
        peripherals=100,
        remote_access_licence=120,
        double_licence_fee=80,
        booking_one_off=10_000,
        booking_annual=5_000,
        sources={"rent_per_m2_year": RENT},
    )
    values.update(changes)
    return WorkplaceInputs(**values)


def test_reference_case_matches_hand_computation():
    # desks needed = ceil(100 × 0.5 × 1.1) = ceil(55.000000000000007) = 55 (binary noise dropped)
    # ratio = 55 / 100 = 0.55; freed = 100 − 55 = 45
    # saving per desk = 12 m² × 150 €/m² + 1,000 € = 2,800 €; saving = 45 × 2,800 = 126,000 €
    # extra cost = 60 × (400 + 150 + 100 + 120 + 80) + 5,000 = 60 × 850 + 5,000 = 56,000 €
    # one-off = 60 × 971 + 10,000 = 68,260 €; net per year = 126,000 − 56,000 = 70,000 €
    r = workplace_model(reference())
    assert r.desks_needed == 55
    assert r.desk_ratio == pytest.approx(0.55)
    assert r.above_cap is False
    assert r.desks_freed == 45
    assert r.annual_saving == pytest.approx(126_000)
    assert r.annual_saving_cash == pytest.approx(126_000)
    assert r.annual_saving_non_cash == 0
    assert r.annual_extra_cost == pytest.approx(56_000)
    assert r.one_off_cost == pytest.approx(68_260)
    assert r.net_per_year == pytest.approx(70_000)
    assert r.net_cash_per_year == pytest.approx(70_000)


def test_lines_appraised_give_the_hand_computed_npv():
    # Balances: 2024: 70,000 − 68,260 = 1,740; 2025 and 2026: 70,000 each.
    # Factors at 3 %: 1, 1/1.03 = 0.9708738, 1/1.03² = 0.9425959 (sum 2.9134697)
    # KN = 70,000 × 2.9134697 − 68,260 = 203,942.88 − 68,260 = 135,682.88 €; all lines cash.
    r = workplace_model(reference())
    appraisal = appraise(r.lines, Parameters(0.03, 2024, 3))
    assert appraisal.npv_kn == pytest.approx(135_682.88, abs=0.01)
    assert appraisal.npv_kn_h == pytest.approx(135_682.88, abs=0.01)
    assert appraisal.npv_kn_nh == 0


def test_space_not_given_up_makes_the_saving_non_cash():
    # Same figures, but the saving lines are nh:
    # KN/nh = 126,000 × 2.9134697 = 367,097.18 €
    # KN/h = −68,260 − 56,000 × 2.9134697 = −68,260 − 163,154.30 = −231,414.30 €
    r = workplace_model(reference(space_given_up=False))
    assert r.annual_saving == pytest.approx(126_000)
    assert r.saving_budget_relevant is False
    assert r.annual_saving_cash == 0
    assert r.annual_saving_non_cash == pytest.approx(126_000)
    assert r.net_cash_per_year == pytest.approx(-56_000)
    savings = [line for line in r.lines if line.kind == "benefit"]
    assert savings and all(not line.budget_relevant for line in savings)
    assert all(line.budget_relevant for line in r.lines if line.kind == "cost")
    appraisal = appraise(r.lines, Parameters(0.03, 2024, 3))
    assert appraisal.npv_kn_nh == pytest.approx(367_097.18, abs=0.01)
    assert appraisal.npv_kn_h == pytest.approx(-231_414.30, abs=0.01)
    assert "nicht haushaltswirksam" in " ".join(r.explanation.steps)


def test_lines_are_labelled_in_german_with_the_right_groups_and_years():
    r = workplace_model(reference())
    by_ref = {line.ref: line for line in r.lines}
    one_off = by_ref["workplaces:one_off"]
    assert (one_off.year, one_off.kind, one_off.group) == (2024, "cost", "development")
    assert one_off.label == "Einrichtung 60 mobile Arbeitsplätze à 971,00 €"
    assert by_ref["workplaces:saving:2026"].label == (
        "Eingesparte Büroarbeitsplätze: 45 à 2.800,00 €/Jahr (haushaltswirksam)"
    )
    assert by_ref["workplaces:docking:2025"].amount == pytest.approx(9_000)  # 60 × 150
    assert {line.year for line in r.lines} == {2024, 2025, 2026}
    assert all(line.amount > 0 for line in r.lines)  # zero components give no line


def test_leverkusen_seed_case_reproduces_the_demo_line_and_frees_desks():
    # Seeds (report 2021): 867 of ~1,700 staff can work from home; 200 notebooks + 143 pending
    # applications = 343 mobile workplaces. Cost per home workplace from the Hamburg telework
    # pilot (methods §6): 971 € one-off, 1,830 €/year — as in the demo measure.
    # Labelled assumptions for the desks: one desk per employee today (1,700), peak presence 85 %,
    # buffer 5 %, 28 m² per desk (Hamburg's current figure per employee), rent 10 €/m² a month
    # = 120 €/m² a year, no room-related cost entered, space not given up.
    hamburg = Source(1_830, "Hamburger Telearbeits-Pilot (methods §6)", "2023-09-13")
    inputs = WorkplaceInputs(
        staff=1_700,
        mobile_workers=343,
        peak_presence=0.85,
        buffer=0.05,
        current_desks=1_700,
        start_year=2022,
        years=7,
        m2_per_desk=28,
        rent_per_m2_year=120,
        one_off_per_worker=971,
        other_annual=1_830,
        space_given_up=False,
        sources={"other_annual": hamburg},
    )
    r = workplace_model(inputs)
    # extra cost = 343 × 1,830 = 627,690 € a year (the demo's line "Laufende Kosten 343 …")
    assert r.annual_extra_cost == pytest.approx(627_690)
    # one-off = 343 × 971 = 333,053 € = 200 × 971 (194,200) + 143 × 971 (138,853)
    assert r.one_off_cost == pytest.approx(194_200 + 138_853)
    # desks = ceil(1,700 × 0.85 × 1.05) = ceil(1,517.25) = 1,518; ratio 0.893 > 0.8 (Bremen)
    assert r.desks_needed == 1_518
    assert r.desk_ratio == pytest.approx(1_518 / 1_700)
    assert r.above_cap is True
    # freed = 1,700 − 1,518 = 182; saving = 182 × 28 × 120 = 182 × 3,360 = 611,520 € (nh)
    assert r.desks_freed == 182
    assert r.annual_saving == pytest.approx(611_520)
    assert r.annual_saving_cash == 0
    # net = 611,520 − 627,690 = −16,170 € a year; cash effect −627,690 €
    assert r.net_per_year == pytest.approx(-16_170)
    assert r.net_cash_per_year == pytest.approx(-627_690)
    running = [line for line in r.lines if line.ref.startswith("workplaces:other_annual:")]
    assert [line.year for line in running] == list(range(2022, 2029))
    assert all(line.amount == pytest.approx(627_690) for line in running)
    parameters = {row["name"]: row for row in r.explanation.parameters}
    assert parameters["other_annual"]["source"].startswith("Hamburger Telearbeits-Pilot")


def test_no_mobile_workers_frees_nothing_and_costs_only_the_booking_system():
    # Nobody works mobile: presence must be 100 %; desks = ceil(100 × 1.0 × 1.0) = 100.
    r = workplace_model(reference(mobile_workers=0, peak_presence=1.0, buffer=0.0))
    assert r.desks_needed == 100
    assert r.desks_freed == 0
    assert r.annual_saving == 0
    assert r.annual_extra_cost == pytest.approx(5_000)  # booking system only
    assert r.one_off_cost == pytest.approx(10_000)
    assert not any(line.kind == "benefit" for line in r.lines)
    assert not any("mobile" in line.label for line in r.lines)


def test_full_presence_needs_a_desk_per_person_plus_buffer_and_is_above_the_cap():
    # ceil(100 × 1.0 × 1.1) = 110 > 100 current desks: nothing freed, ratio 1.1 > 0.8.
    r = workplace_model(reference(peak_presence=1.0))
    assert r.desks_needed == 110
    assert r.desks_freed == 0
    assert r.annual_saving == 0
    assert r.above_cap is True
    assert r.net_per_year == pytest.approx(-56_000)


def test_ratio_cap_is_configurable_and_can_be_switched_off():
    # ratio 0.55: above a cap of 0.5, not above 0.6; no cap → None
    assert workplace_model(reference(desk_ratio_cap=0.5)).above_cap is True
    assert workplace_model(reference(desk_ratio_cap=0.6)).above_cap is False
    assert workplace_model(reference(desk_ratio_cap=None)).above_cap is None


def test_explanation_is_german_json_ready_and_cites_sources():
    r = workplace_model(reference())
    data = json.loads(json.dumps(r.explanation.as_dict()))
    assert data["method"].startswith("Arbeitsplatzmodell")
    assert "Arbeitsplatzbedarf = ⌈100 × 50 % × (1 + 10 %)⌉ = ⌈55,00⌉ = 55." in data["steps"]
    assert any("Quelle: Mietspiegel Gewerbe (Testwert)" in step for step in data["steps"])
    rent = next(p for p in data["parameters"] if p["name"] == "rent_per_m2_year")
    assert (rent["source"], rent["as_of"], rent["display"]) == (
        "Mietspiegel Gewerbe (Testwert)",
        "2024-01-01",
        "150,00 €",
    )
    inputs = {row["name"]: row["display"] for row in data["inputs"]}
    assert inputs["peak_presence"] == "50 %"
    assert inputs["space_given_up"] == "ja"


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"staff": 0}, "staff", "mindestens 1"),
        ({"staff": 10.5}, "staff", "ganze Zahl"),
        ({"mobile_workers": 101}, "mobile_workers", "zwischen 0 und"),
        ({"peak_presence": 0}, "peak_presence", "größer als 0 %"),
        ({"peak_presence": 1.2}, "peak_presence", "höchstens 100 %"),
        ({"peak_presence": 0.3}, "peak_presence", "nicht mobil arbeiten"),
        ({"buffer": -0.1}, "buffer", "nicht negativ"),
        ({"current_desks": -1}, "current_desks", "nicht negativ"),
        ({"rent_per_m2_year": "viel"}, "rent_per_m2_year", "Zahl"),
        ({"docking": float("nan")}, "docking", "endliche Zahl"),
        ({"years": 0}, "years", "mindestens 1"),
        ({"desk_ratio_cap": 0}, "desk_ratio_cap", "größer als 0"),
    ],
)
def test_invalid_input_is_rejected_with_a_german_message_naming_the_field(changes, field, text):
    with pytest.raises(EconomicsError) as caught:
        reference(**changes)
    assert caught.value.field == field
    assert text in caught.value.message


def test_model_refuses_anything_but_workplace_inputs():
    with pytest.raises(EconomicsError, match="WorkplaceInputs"):
        workplace_model({"staff": 100})


# --- properties -----------------------------------------------------------------------------

staffs = st.integers(min_value=1, max_value=5_000)
shares = st.floats(min_value=0.01, max_value=1.0, allow_nan=False)
buffers = st.floats(min_value=0.0, max_value=0.5, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(staffs, shares, shares, buffers, st.integers(min_value=0, max_value=6_000))
def test_more_presence_never_frees_more_desks(staff, p1, p2, buffer, desks):
    low, high = sorted((p1, p2))

    def model(presence):
        return workplace_model(
            WorkplaceInputs(
                staff=staff,
                mobile_workers=staff,
                peak_presence=presence,
                buffer=buffer,
                current_desks=desks,
                start_year=2024,
                years=1,
                m2_per_desk=12,
                rent_per_m2_year=150,
            )
        )

    assert model(high).desks_freed <= model(low).desks_freed
    assert model(high).annual_saving <= model(low).annual_saving


@settings(max_examples=200, deadline=None)
@given(staffs, shares, buffers)
def test_desks_needed_is_the_smallest_whole_number_covering_the_peak(staff, presence, buffer):
    exact = staff * presence * (1 + buffer)
    needed = desks_needed(staff, presence, buffer)
    assert needed >= exact - 1e-6
    assert needed - 1 < exact
    assert needed == math.ceil(round(exact, 9))


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=1, max_value=500),
    st.floats(min_value=0, max_value=1),
    st.booleans(),
    st.integers(min_value=1, max_value=8),
)
def test_lines_add_up_to_the_annual_figures(staff, mobile_share, given_up, years):
    mobile = round(staff * mobile_share)
    presence = max(0.05, (staff - mobile) / staff)  # the lowest peak the model accepts
    inputs = reference(
        staff=staff,
        mobile_workers=mobile,
        peak_presence=presence,
        buffer=0.0,
        current_desks=staff,
        space_given_up=given_up,
        years=years,
    )
    r = workplace_model(inputs)
    for year in range(2024, 2024 + years):
        costs = sum(x.amount for x in r.lines if x.year == year and x.kind == "cost")
        benefits = sum(x.amount for x in r.lines if x.year == year and x.kind == "benefit")
        one_off = r.one_off_cost if year == 2024 else 0.0
        assert costs == pytest.approx(r.annual_extra_cost + one_off)
        assert benefits == pytest.approx(r.annual_saving)
    appraisal = appraise(r.lines, Parameters(0.0, 2024, years))
    assert appraisal.npv_kn == pytest.approx(r.net_per_year * years - r.one_off_cost, abs=1e-6)


def test_workers_already_costed_in_the_measure_are_not_counted_twice():
    # 60 mobile, 20 already in the measure's own lines → costs for 40:
    # extra = 40 × 850 + 5,000 = 39,000 €; one-off = 40 × 971 + 10,000 = 48,840 €
    r = workplace_model(reference(already_costed=20))
    assert r.annual_extra_cost == pytest.approx(39_000)
    assert r.one_off_cost == pytest.approx(48_840)
    assert r.annual_saving == pytest.approx(126_000)  # the desks freed do not change
    assert any("40" in step and "20" in step for step in r.explanation.steps)


def test_more_already_costed_than_mobile_workers_is_refused():
    with pytest.raises(EconomicsError) as err:
        reference(already_costed=61)
    assert err.value.field == "already_costed"


def test_leverkusen_desk_ratio_scenarios():
    # 1,700 staff, 867 mobile, 1,700 desks; 28 m² × 150 €/m² = 4,200 € per desk and year;
    # 667 mobile workplaces at 1,830 €/year (200 already in M-01's own lines)
    def scenario(ratio, given_up):
        return workplace_model(
            WorkplaceInputs(
                staff=1700, mobile_workers=867, already_costed=200, peak_presence=ratio,
                current_desks=1700, start_year=2024, years=5, m2_per_desk=28,
                rent_per_m2_year=150, device_annuity=1830, one_off_per_worker=971,
                space_given_up=given_up,
            )
        )  # fmt: skip

    full, eighty, sixty = scenario(1.0, False), scenario(0.8, False), scenario(0.6, True)
    assert (full.desks_freed, eighty.desks_freed, sixty.desks_freed) == (0, 340, 680)
    assert eighty.annual_saving == pytest.approx(340 * 4200)  # 1,428,000 €
    assert eighty.annual_extra_cost == pytest.approx(667 * 1830)  # 1,220,610 €
    assert eighty.net_per_year == pytest.approx(207_390)
    assert eighty.net_cash_per_year == pytest.approx(-1_220_610)  # space kept: no cash saving
    assert sixty.net_cash_per_year == pytest.approx(680 * 4200 - 667 * 1830)  # 1,635,390 €
