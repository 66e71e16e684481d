"""Deterministic appraisal (KN, KN/h, KN/nh, KN/R) against hand-computed values."""

import json

import pytest

from digitalbilanz.economics import (
    EconomicsError,
    Line,
    Parameters,
    Source,
    appraise,
    appraise_portfolio,
    format_eur,
    format_percent,
    npv_sensitivity,
)

BMF = Source(0.009, "BMF-Rundschreiben Kalkulationszinssatz, 07.07.2023", "2023-07-07")


def invest_and_save(risk_invest=0.0, risk_benefit=0.0):
    """Invest 100,000 € in 2024 (h), save 30,000 € staff time per year 2025–2028 (nh)."""
    invest = Line(
        2024,
        "cost",
        True,
        100_000,
        risk_surcharge=risk_invest,
        label="DMS",
        group="development",
        ref="line:1",
    )
    savings = [
        Line(
            year,
            "benefit",
            False,
            30_000,
            risk_surcharge=risk_benefit,
            label="Zeitersparnis",
            ref=f"line:{year}",
        )
        for year in range(2025, 2029)
    ]
    return [invest, *savings]


PARAMS_3 = Parameters(discount_rate=0.03, start_year=2024, horizon=5)


def test_npv_matches_hand_computation_at_three_percent():
    # Discount factors 1/1.03^t: 1, 0.9708738, 0.9425959, 0.9151417, 0.8884870
    # PV benefits = 30,000 × (0.9708738 + 0.9425959 + 0.9151417 + 0.8884870)
    #             = 30,000 × 3.7170984 = 111,512.95 €
    # KN = 111,512.95 − 100,000.00 = 11,512.95 €
    result = appraise(invest_and_save(), PARAMS_3)
    assert result.npv_kn == pytest.approx(11_512.95, abs=0.005)
    assert result.pv_costs == pytest.approx(100_000.00, abs=0.005)
    assert result.pv_benefits == pytest.approx(111_512.95, abs=0.005)


def test_payback_year_is_first_year_with_non_negative_cumulative_balance():
    # Cumulative discounted balance: 2024 −100,000.00; 2025 −70,873.79; 2026 −42,595.91;
    # 2027 −15,141.66; 2028 +11,512.95 -> payback in 2028
    result = appraise(invest_and_save(), PARAMS_3)
    cumulative = [round(row.cumulative_discounted, 2) for row in result.yearly]
    assert cumulative == [-100_000.00, -70_873.79, -42_595.91, -15_141.66, 11_512.95]
    assert result.payback_year == 2028


def test_benefit_cost_ratio_is_pv_benefits_over_pv_costs():
    # BCR = 111,512.95 / 100,000.00 = 1.1151295
    assert appraise(invest_and_save(), PARAMS_3).benefit_cost_ratio == pytest.approx(1.1151295)


def test_kn_splits_into_budget_relevant_and_non_budget_relevant_parts():
    # KN/h: only the investment (h) = −100,000.00 €; KN/nh: only the savings = 111,512.95 €
    result = appraise(invest_and_save(), PARAMS_3)
    assert result.npv_kn_h == pytest.approx(-100_000.00)
    assert result.npv_kn_nh == pytest.approx(111_512.95, abs=0.005)
    assert result.npv_kn_h + result.npv_kn_nh == pytest.approx(result.npv_kn)


def test_kn_r_raises_costs_and_lowers_benefits_by_the_surcharge():
    # Costs × (1 + 0.2): 120,000.00 €; benefits × (1 − 0.1): PV 0.9 × 111,512.95 = 100,361.66 €
    # KN/R = 100,361.66 − 120,000.00 = −19,638.34 €; KN itself is unchanged
    result = appraise(invest_and_save(risk_invest=0.2, risk_benefit=0.1), PARAMS_3)
    assert result.npv_kn_r == pytest.approx(-19_638.34, abs=0.005)
    assert result.npv_kn == pytest.approx(11_512.95, abs=0.005)


def test_benefit_surcharge_above_hundred_percent_removes_the_benefit_but_never_adds_cost():
    lines = [Line(2024, "benefit", False, 1_000, risk_surcharge=1.5)]
    assert appraise(lines, Parameters(0.0, 2024, 1)).npv_kn_r == 0.0


def test_npv_at_rate_zero_equals_plain_sum():
    # 4 × 30,000 − 100,000 = 20,000 €
    result = appraise(invest_and_save(), Parameters(0.0, 2024, 5))
    assert result.npv_kn == 20_000.0
    assert all(row.discount_factor == 1.0 for row in result.yearly)


def test_yearly_rows_cover_the_whole_horizon_with_balance_and_discount_factor():
    result = appraise(invest_and_save(), Parameters(0.03, 2024))  # default horizon 8
    assert [row.year for row in result.yearly] == list(range(2024, 2032))
    assert [row.t for row in result.yearly] == list(range(8))
    row = result.yearly[1]
    assert (row.costs, row.benefits, row.balance) == (0.0, 30_000.0, 30_000.0)
    assert row.discount_factor == pytest.approx(1 / 1.03)
    assert row.discounted_balance == pytest.approx(30_000 / 1.03)


def test_payback_year_is_none_when_balance_stays_negative():
    lines = [Line(2024, "cost", True, 100_000), Line(2025, "benefit", True, 10_000)]
    assert appraise(lines, Parameters(0.03, 2024, 3)).payback_year is None


def test_a_year_before_any_spending_is_not_payback():
    # cumulative: 2024 0; 2025 −10; 2026 +90 -> payback 2026, not 2024
    lines = [Line(2025, "cost", True, 10), Line(2026, "benefit", True, 100)]
    assert appraise(lines, Parameters(0.0, 2024, 3)).payback_year == 2026


def test_payback_year_is_the_start_year_when_only_benefits_accrue():
    lines = [Line(2024, "benefit", True, 100)]
    assert appraise(lines, Parameters(0.0, 2024, 3)).payback_year == 2024


def test_benefit_cost_ratio_is_none_without_costs():
    lines = [Line(2024, "benefit", False, 500)]
    assert appraise(lines, Parameters(0.03, 2024, 1)).benefit_cost_ratio is None


def test_negative_discount_rate_above_minus_hundred_percent_is_allowed():
    # i = −50 %: factor for t = 1 is 1 / 0.5 = 2
    lines = [Line(2025, "benefit", False, 100)]
    assert appraise(lines, Parameters(-0.5, 2024, 2)).npv_kn == 200.0


def test_decimal_amounts_from_the_database_are_accepted():
    from decimal import Decimal

    line = Line(2024, "cost", True, Decimal("1234.56"), low=Decimal("1000"), high=Decimal("2000"))
    assert line.amount == 1234.56 and isinstance(line.amount, float)


def test_explanation_cites_parameters_and_formats_numbers_the_german_way():
    params = Parameters(0.03, 2024, 5, sources={"discount_rate": BMF})
    explanation = appraise(invest_and_save(), params).explanation
    assert explanation.method == "Kapitalwertmethode (WiBe 5.0)"
    assert "(1 + i)^t" in explanation.formula
    rate = next(p for p in explanation.parameters if p["name"] == "discount_rate")
    assert rate["value"] == 0.03
    assert rate["source"].startswith("BMF-Rundschreiben") and rate["as_of"] == "2023-07-07"
    assert explanation.inputs[0]["ref"] == "line:1" and explanation.inputs[0]["budget"] == "h"
    steps = "\n".join(explanation.steps)
    assert "Kapitalwert KN = Summe der Barwerte = 11.512,95 €." in steps
    assert "Amortisation im Jahr 2028" in steps
    assert "Stand 2023-07-07" in steps
    json.dumps(explanation.as_dict())  # plain data, ready for JSON/templates


def test_german_number_format():
    assert format_eur(1234.56) == "1.234,56 €"
    assert format_eur(-1234567.891) == "−1.234.567,89 €"
    assert format_eur(-0.001) == "0,00 €"
    assert format_percent(0.009) == "0,9 %"
    assert format_percent(0.2) == "20 %"


def test_sensitivity_recomputes_npv_for_other_discount_rates():
    result = dict(npv_sensitivity(invest_and_save(), PARAMS_3, [0.0, 0.03]))
    assert result[0.0] == 20_000.0
    assert result[0.03] == pytest.approx(11_512.95, abs=0.005)


def test_portfolio_sums_measures_and_calendar_years():
    measures = {
        "dms": invest_and_save(),
        "portal": [Line(2025, "cost", True, 1_000), Line(2026, "benefit", True, 3_000)],
    }
    params = {"dms": PARAMS_3, "portal": Parameters(0.0, 2025, 2)}
    result = appraise_portfolio(measures, params)
    assert result.npv_kn == pytest.approx(11_512.95 + 2_000.0, abs=0.005)
    assert result.npv_kn_h == pytest.approx(-100_000.0 + 2_000.0)
    assert result.npv_kn_nh == pytest.approx(111_512.95, abs=0.005)
    year_2025 = next(row for row in result.yearly if row.year == 2025)
    # dms: +30,000 (t = 1); portal: −1,000 (t = 0, rate 0)
    assert year_2025.balance == 29_000.0
    assert year_2025.discounted_balance == pytest.approx(30_000 / 1.03 - 1_000)
    assert set(result.per_measure) == {"dms", "portal"}
    assert "Portfolio (2 Maßnahmen)" in result.explanation.steps[-1]


def test_portfolio_accepts_one_parameter_set_for_all_measures():
    result = appraise_portfolio({"a": invest_and_save(), "b": invest_and_save()}, PARAMS_3)
    assert result.npv_kn == pytest.approx(2 * 11_512.95, abs=0.01)


# --- validation --------------------------------------------------------------------


def test_line_outside_horizon_is_rejected_with_german_message():
    lines = [Line(2032, "cost", True, 1.0, label="Lizenzen DMS")]
    with pytest.raises(EconomicsError) as error:
        appraise(lines, Parameters(0.009, 2024))
    assert str(error.value).startswith("Das Jahr 2032 liegt außerhalb des Betrachtungszeitraums 2024–2031.")
    assert "Lizenzen DMS" in str(error.value) and error.value.field == "year"


def test_line_before_start_year_is_rejected():
    with pytest.raises(EconomicsError, match="Das Jahr 2023 liegt außerhalb"):
        appraise([Line(2023, "cost", True, 1.0)], Parameters(0.009, 2024))


def test_negative_amount_is_rejected():
    with pytest.raises(EconomicsError, match="darf nicht negativ sein") as error:
        Line(2024, "cost", True, -5.0, label="Lizenzen DMS")
    assert "„Lizenzen DMS“" in str(error.value) and error.value.field == "amount"


def test_low_above_amount_is_rejected():
    with pytest.raises(EconomicsError, match="Untergrenze .* nicht über dem wahrscheinlichsten"):
        Line(2024, "cost", True, 100.0, low=120.0)


def test_high_below_amount_is_rejected():
    with pytest.raises(EconomicsError, match="Obergrenze .* nicht unter dem wahrscheinlichsten"):
        Line(2024, "cost", True, 100.0, high=80.0)


def test_non_finite_amount_is_rejected():
    with pytest.raises(EconomicsError, match="endliche Zahl"):
        Line(2024, "cost", True, float("nan"))


def test_unknown_kind_is_rejected():
    with pytest.raises(EconomicsError, match="Unbekannte Art „income“"):
        Line(2024, "income", True, 1.0)


def test_unknown_group_is_rejected():
    with pytest.raises(EconomicsError, match="Unbekannte Gruppe"):
        Line(2024, "cost", True, 1.0, group="misc")


def test_negative_risk_surcharge_is_rejected():
    with pytest.raises(EconomicsError, match="Risikozuschlag .* nicht negativ"):
        Line(2024, "cost", True, 1.0, risk_surcharge=-0.1)


@pytest.mark.parametrize("rate", [-1.0, -1.5])
def test_discount_rate_at_or_below_minus_hundred_percent_is_rejected(rate):
    with pytest.raises(EconomicsError) as error:
        Parameters(rate, 2024)
    assert str(error.value) == "Der Kalkulationszinssatz muss größer als −100 % sein."


def test_horizon_below_one_year_is_rejected():
    with pytest.raises(EconomicsError, match="mindestens ein Jahr"):
        Parameters(0.009, 2024, horizon=0)


def test_portfolio_error_names_the_measure():
    with pytest.raises(EconomicsError, match="Maßnahme „portal“: Das Jahr 2040") as error:
        appraise_portfolio({"portal": [Line(2040, "cost", True, 1.0)]}, PARAMS_3)
    assert error.value.measure == "portal"


def test_portfolio_without_parameters_for_a_measure_is_rejected():
    with pytest.raises(EconomicsError, match="fehlen die Parameter"):
        appraise_portfolio({"a": []}, {"b": PARAMS_3})


def test_economics_error_is_a_value_error():
    assert issubclass(EconomicsError, ValueError)
