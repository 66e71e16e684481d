"""Deterministic appraisal: net present value (Kapitalwertmethode, WiBe 5.0).

KN = Σ_{t=0..T} (N_t − K_t) / (1 + i)^t with t = 0 the first year of the
measure and T = horizon − 1. KN/h and KN/nh use only the budget-relevant
(haushaltswirksam) or non-budget-relevant lines, KN/R applies each line's
risk surcharge (see :class:`~.model.Line`).

Sums are accumulated with plain left-to-right loops (not ``sum()``, whose
algorithm differs between Python versions), so the Monte Carlo module can
reproduce a deterministic NPV bit for bit.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from .errors import EconomicsError
from .explain import (
    Explanation,
    appraisal_steps,
    format_year_range,
    line_input,
    parameter_rows,
    portfolio_parameter_rows,
    portfolio_steps,
)
from .model import Appraisal, Line, Parameters, PortfolioAppraisal, PortfolioYearRow, YearRow

METHOD = "Kapitalwertmethode (WiBe 5.0)"
FORMULA = "KW = Σ_{t=0..T} (N_t − K_t) / (1 + i)^t"


# No published figure may exceed this amount in euros (a thousand times Germany's GDP): beyond it
# float arithmetic loses the cents and, a little further, overflows to infinity.
MAX_FIGURE = 1e15
NOT_FINITE = (
    "Die Kennzahlen lassen sich nicht als endliche Zahl berechnen (Überlauf): ein "
    "Kalkulationszinssatz nahe −100 %, sehr große Beträge oder ein langer Betrachtungszeitraum "
    "ergeben Werte über 1 Billiarde €. Bitte Zinssatz, Zeitraum und Beträge prüfen."
)


def discount_factors(rate: float, horizon: int) -> list[float]:
    """1 / (1 + i)^t for t = 0 .. horizon − 1; refused (German message) if one is not finite."""
    try:
        factors = [1.0 / (1.0 + rate) ** t for t in range(horizon)]
    except (OverflowError, ZeroDivisionError):
        raise EconomicsError(NOT_FINITE, field="discount_rate") from None
    if not all(math.isfinite(f) and f > 0 for f in factors):
        raise EconomicsError(NOT_FINITE, field="discount_rate")
    return factors


def require_finite(*values: float | None) -> None:
    """Every published figure is a finite number of at most ``MAX_FIGURE``, or the appraisal is
    refused."""
    if not all(value is None or (math.isfinite(value) and abs(value) <= MAX_FIGURE) for value in values):
        raise EconomicsError(NOT_FINITE)


def validate_lines(lines: Sequence[Line], params: Parameters) -> None:
    """Raise :class:`EconomicsError` if a line lies outside the horizon."""
    for line in lines:
        if not isinstance(line, Line):
            raise EconomicsError("Jede Position muss vom Typ Line sein.")
        if not params.start_year <= line.year <= params.end_year:
            span = format_year_range(params.start_year, params.end_year)
            message = f"Das Jahr {line.year} liegt außerhalb des Betrachtungszeitraums {span}."
            if line.label:
                message += f" Betroffene Position: „{line.label}“."
            raise EconomicsError(message, field="year", ref=line.ref)


def year_sums(
    lines: Sequence[Line],
    params: Parameters,
    select: Callable[[Line], bool] = lambda line: True,
    value: Callable[[Line], float] = lambda line: line.amount,
) -> tuple[list[float], list[float]]:
    """Costs and benefits per t (lists of length horizon), in line order."""
    costs = [0.0] * params.horizon
    benefits = [0.0] * params.horizon
    for line in lines:
        if select(line):
            target = costs if line.is_cost else benefits
            target[line.year - params.start_year] += value(line)
    return costs, benefits


def present_value(flows: Sequence[float], factors: Sequence[float]) -> float:
    total = 0.0
    for flow, factor in zip(flows, factors, strict=True):
        total += flow * factor
    return total


def _npv(costs: list[float], benefits: list[float], factors: list[float]) -> float:
    return present_value([b - c for b, c in zip(benefits, costs, strict=True)], factors)


def _yearly(
    costs: list[float], benefits: list[float], factors: list[float], start_year: int
) -> tuple[YearRow, ...]:
    rows, cumulative = [], 0.0
    for t, factor in enumerate(factors):
        balance = benefits[t] - costs[t]
        discounted = balance * factor
        cumulative += discounted
        rows.append(
            YearRow(start_year + t, t, costs[t], benefits[t], balance, factor, discounted, cumulative)
        )
    return tuple(rows)


def payback_year(yearly: Sequence[YearRow]) -> int | None:
    """First year from which the cumulative discounted balance stays >= 0 to the horizon's end.

    A year with nothing spent yet (cumulative 0) does not count as payback when costs follow;
    hence payback within the horizon is equivalent to KN >= 0.
    """
    year = None
    for row in reversed(yearly):
        if row.cumulative_discounted < 0:
            break
        year = row.year
    return year


def appraise(lines: Sequence[Line], params: Parameters) -> Appraisal:
    """Appraise one measure: KN, KN/h, KN/nh, KN/R, payback year and BCR."""
    validate_lines(lines, params)
    factors = discount_factors(params.discount_rate, params.horizon)
    costs, benefits = year_sums(lines, params)
    yearly = _yearly(costs, benefits, factors, params.start_year)
    kn_h = _npv(*year_sums(lines, params, select=lambda x: x.budget_relevant), factors)
    kn_nh = _npv(*year_sums(lines, params, select=lambda x: not x.budget_relevant), factors)
    kn_r = _npv(*year_sums(lines, params, value=lambda x: x.risk_amount), factors)
    pv_costs = present_value(costs, factors)
    pv_benefits = present_value(benefits, factors)
    payback = payback_year(yearly)
    require_finite(kn_h, kn_nh, kn_r, pv_costs, pv_benefits, *(row.cumulative_discounted for row in yearly))
    require_finite(*(row.discounted_balance for row in yearly), *costs, *benefits)
    appraisal = Appraisal(
        npv_kn=yearly[-1].cumulative_discounted,
        npv_kn_h=kn_h,
        npv_kn_nh=kn_nh,
        npv_kn_r=kn_r,
        payback_year=payback,
        benefit_cost_ratio=pv_benefits / pv_costs if pv_costs != 0 else None,
        pv_costs=pv_costs,
        pv_benefits=pv_benefits,
        yearly=yearly,
        explanation=Explanation(METHOD, FORMULA),  # replaced below, steps need the values
    )
    risk_lines = sum(1 for line in lines if line.risk_surcharge > 0)
    explanation = Explanation(
        method=METHOD,
        formula=FORMULA,
        inputs=tuple(line_input(line) for line in lines),
        parameters=parameter_rows(params),
        steps=appraisal_steps(appraisal, params, risk_lines),
    )
    return replace(appraisal, explanation=explanation)


def params_for(key: str, params: Parameters | Mapping[str, Parameters]) -> Parameters:
    """The parameters of one measure: a shared set or a per-measure mapping."""
    if isinstance(params, Parameters):
        return params
    try:
        return params[key]
    except KeyError:
        raise EconomicsError(f"Für die Maßnahme „{key}“ fehlen die Parameter.", measure=key) from None


def appraise_portfolio(
    measures: Mapping[str, Sequence[Line]],
    params_by_measure: Mapping[str, Parameters] | Parameters,
) -> PortfolioAppraisal:
    """Appraise every measure and sum the results per calendar year."""
    per_measure: dict[str, Appraisal] = {}
    for key, lines in measures.items():
        try:
            per_measure[key] = appraise(lines, params_for(key, params_by_measure))
        except EconomicsError as error:
            raise error if error.measure else error.for_measure(key) from None
    totals = [0.0] * 6
    for a in per_measure.values():
        values = (a.npv_kn, a.npv_kn_h, a.npv_kn_nh, a.npv_kn_r, a.pv_costs, a.pv_benefits)
        totals = [total + value for total, value in zip(totals, values, strict=True)]
    return PortfolioAppraisal(
        per_measure,
        *totals,
        yearly=_portfolio_years(per_measure),
        explanation=_portfolio_explanation(measures, params_by_measure, per_measure, totals),
    )


def _portfolio_years(per_measure: Mapping[str, Appraisal]) -> tuple[PortfolioYearRow, ...]:
    sums: dict[int, list[float]] = {}
    for appraisal in per_measure.values():
        for row in appraisal.yearly:
            acc = sums.setdefault(row.year, [0.0, 0.0, 0.0, 0.0])
            acc[0] += row.costs
            acc[1] += row.benefits
            acc[2] += row.balance
            acc[3] += row.discounted_balance
    return tuple(PortfolioYearRow(year, *sums[year]) for year in sorted(sums))


def _portfolio_explanation(measures, params_by_measure, per_measure, totals) -> Explanation:
    inputs = tuple(line_input(line, measure=key) for key, lines in measures.items() for line in lines)
    parameters = portfolio_parameter_rows(measures, params_by_measure)
    return Explanation(
        method=f"{METHOD}, Summe über das Portfolio",
        formula="KW_Portfolio = Σ_m KW_m (jede Maßnahme mit eigenem t = 0)",
        inputs=inputs,
        parameters=parameters,
        steps=portfolio_steps(per_measure, totals[:4]),
    )


def npv_sensitivity(
    lines: Sequence[Line], params: Parameters, rates: Sequence[float]
) -> tuple[tuple[float, float], ...]:
    """KN for alternative discount rates, e.g. BMF 0,9 % vs. Bremen 4,0 %."""
    validate_lines(lines, params)
    costs, benefits = year_sums(lines, params)
    result = []
    for rate in rates:
        checked = Parameters(rate, params.start_year, params.horizon)  # validates the rate
        result.append(
            (
                checked.discount_rate,
                _npv(costs, benefits, discount_factors(checked.discount_rate, params.horizon)),
            )
        )
    return tuple(result)
