"""Explanations: every result says how it was computed, in German.

An :class:`Explanation` lists the method, the formula, the input lines, the
parameters with their sources, and the calculation steps with the numbers
formatted the German way (``1.234,56 €``), so that a council member or the
audit office (Rechnungsprüfungsamt) can recompute each figure by hand.

This module holds the number formatting and the step builders; it imports
nothing else from the package at runtime, so the model can use it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

MINUS = "\u2212"  # typographic minus sign, as in printed German reports


@dataclass(frozen=True)
class Explanation:
    """How a result was obtained; ``as_dict()`` gives a JSON-ready form."""

    method: str
    formula: str
    inputs: tuple[dict, ...] = ()
    parameters: tuple[dict, ...] = ()
    steps: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            "method": self.method,
            "formula": self.formula,
            "inputs": [dict(item) for item in self.inputs],
            "parameters": [dict(item) for item in self.parameters],
            "steps": list(self.steps),
        }


# --- number formatting -------------------------------------------------------


def format_number(value: float, decimals: int = 2) -> str:
    """German number format: ``-1234.5`` -> ``−1.234,50``."""
    if not math.isfinite(value):
        return str(value)
    text = f"{abs(value):,.{decimals}f}"
    text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    # Avoid "−0,00" for tiny negative values that round to zero.
    negative = value < 0 and text.strip("0.,") != ""
    return f"{MINUS}{text}" if negative else text


def format_eur(value: float) -> str:
    return f"{format_number(value, 2)} €"


def format_percent(fraction: float, max_decimals: int = 2) -> str:
    """``0.009`` -> ``0,9 %``; ``0.2`` -> ``20 %`` (trailing zeros dropped)."""
    text = format_number(fraction * 100, max_decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text} %"


def format_factor(value: float) -> str:
    return format_number(value, 6)


def format_year_range(first: int, last: int) -> str:
    return f"{first}–{last}"


# --- inputs and parameters ---------------------------------------------------

_PARAM_DE = {
    "discount_rate": "Kalkulationszinssatz",
    "start_year": "Erstes Jahr der Maßnahme (t = 0)",
    "horizon": "Betrachtungszeitraum (Jahre)",
}


def line_input(line: Any, measure: str | None = None) -> dict:
    """One input line as a plain dict (echoes the caller's ``ref``)."""
    item = {
        "ref": line.ref,
        "label": line.label,
        "year": line.year,
        "kind": line.kind,
        "group": line.group,
        "budget": "h" if line.budget_relevant else "nh",
        "amount": line.amount,
        "low": line.low,
        "high": line.high,
        "risk_surcharge": line.risk_surcharge,
    }
    if measure is not None:
        item["measure"] = measure
    return item


def parameter_rows(params: Any, measure: str | None = None) -> tuple[dict, ...]:
    """Parameters with value, source and date; core parameters first."""
    values: dict[str, float] = {
        "discount_rate": params.discount_rate,
        "start_year": params.start_year,
        "horizon": params.horizon,
    }
    for name, src in params.sources.items():
        values.setdefault(name, src.value)
    rows = []
    for name, value in values.items():
        src = params.sources.get(name)
        row = {
            "name": name,
            "label": (src.label if src and src.label else _PARAM_DE.get(name, name)),
            "value": value,
            "display": _display(name, value),
            "source": src.source if src else "",
            "as_of": src.as_of if src else "",
        }
        if measure is not None:
            row["measure"] = measure
        rows.append(row)
    return tuple(rows)


def _display(name: str, value: float) -> str:
    """The value as a German reader expects it (0,9 %; 8 Jahre; 42,20)."""
    if name == "discount_rate":
        return format_percent(value)
    if name == "start_year":
        return str(int(value))
    if name == "horizon":
        return f"{int(value)} Jahre"
    return format_number(value, 2)


def portfolio_parameter_rows(keys: Any, params: Any) -> tuple[dict, ...]:
    """Rows for one shared parameter set, or per measure (with a ``measure`` key)."""
    if hasattr(params, "discount_rate"):
        return parameter_rows(params)
    return tuple(row for key in keys for row in parameter_rows(params[key], key))


def cite(params: Any, name: str) -> str:
    """Source note for one parameter, e.g. ``(Quelle: BMF …, Stand 2023-07-07)``."""
    src = params.sources.get(name)
    if src is None:
        return "(Quelle nicht angegeben)"
    return f"(Quelle: {src.source}, Stand {src.as_of})"


# --- appraisal steps -----------------------------------------------------------


def appraisal_steps(appraisal: Any, params: Any, risk_lines: int) -> tuple[str, ...]:
    """German calculation steps for one measure (see ``npv.appraise``)."""
    last = params.start_year + params.horizon - 1
    steps = [
        f"Betrachtungszeitraum {format_year_range(params.start_year, last)} "
        f"({params.horizon} Jahre); t = 0 ist das Jahr {params.start_year}.",
        f"Kalkulationszinssatz i = {format_percent(params.discount_rate)} {cite(params, 'discount_rate')}.",
    ]
    rate = format_number(params.discount_rate, 6).rstrip("0").rstrip(",")
    for row in appraisal.yearly:
        steps.append(
            f"{row.year} (t = {row.t}): Nutzen {format_eur(row.benefits)} − Kosten "
            f"{format_eur(row.costs)} = Saldo {format_eur(row.balance)}; Abzinsungsfaktor "
            f"1 / (1 + {rate})^{row.t} = {format_factor(row.discount_factor)}; Barwert "
            f"{format_eur(row.discounted_balance)}; kumuliert "
            f"{format_eur(row.cumulative_discounted)}."
        )
    steps += _summary_steps(appraisal, risk_lines)
    return tuple(steps)


def _summary_steps(appraisal: Any, risk_lines: int) -> list[str]:
    a = appraisal
    steps = [
        f"Kapitalwert KN = Summe der Barwerte = {format_eur(a.npv_kn)}.",
        f"KN/h (nur haushaltswirksame Positionen) = {format_eur(a.npv_kn_h)}; "
        f"KN/nh (nur nicht haushaltswirksame Positionen) = {format_eur(a.npv_kn_nh)}; "
        f"KN/h + KN/nh = KN.",
        f"KN/R: {risk_lines} Position(en) mit Risikozuschlag r; Kosten × (1 + r), "
        f"Nutzen × (1 − r), mindestens 0 €. KN/R = {format_eur(a.npv_kn_r)}.",
    ]
    if a.payback_year is None:
        steps.append("Keine Amortisation im Betrachtungszeitraum (kumulierter Barwert bleibt < 0).")
    else:
        steps.append(
            f"Amortisation im Jahr {a.payback_year}: ab diesem Jahr bleibt der kumulierte "
            "Barwert bis zum Ende des Betrachtungszeitraums ≥ 0."
        )
    if a.benefit_cost_ratio is None:
        steps.append("Nutzen-Kosten-Verhältnis nicht definiert (Barwert der Kosten = 0 €).")
    else:
        steps.append(
            f"Nutzen-Kosten-Verhältnis = Barwert Nutzen / Barwert Kosten = "
            f"{format_eur(a.pv_benefits)} / {format_eur(a.pv_costs)} = "
            f"{format_number(a.benefit_cost_ratio, 2)}."
        )
    return steps


def portfolio_steps(per_measure: Mapping[str, Any], totals: Sequence[float]) -> tuple[str, ...]:
    """One step per measure, then the totals (KN, KN/h, KN/nh, KN/R)."""
    steps = [
        f"Maßnahme „{key}“: KN = {format_eur(a.npv_kn)}, KN/h = {format_eur(a.npv_kn_h)}, "
        f"KN/nh = {format_eur(a.npv_kn_nh)}, KN/R = {format_eur(a.npv_kn_r)}."
        for key, a in per_measure.items()
    ]
    kn, kn_h, kn_nh, kn_r = totals
    steps.append(
        f"Portfolio ({len(per_measure)} Maßnahmen): KN = {format_eur(kn)}, "
        f"KN/h = {format_eur(kn_h)}, KN/nh = {format_eur(kn_nh)}, KN/R = {format_eur(kn_r)}."
    )
    return tuple(steps)


# --- Monte Carlo steps ------------------------------------------------------------


def _pct_label(p: float) -> str:
    return f"P{format_number(p, 2).rstrip('0').rstrip(',')}"


def _distribution(percentiles: Mapping[float, float]) -> str:
    return ", ".join(f"{_pct_label(p)} = {format_eur(v)}" for p, v in percentiles.items())


SIMULATION_METHOD = "Monte-Carlo-Simulation mit Dreiecksverteilungen"
SIMULATION_FORMULA = (
    "KW^(k) = Σ_t (N_t^(k) − K_t^(k)) / (1 + i)^t für jede Ziehung k; "
    "unsichere Beträge ~ Dreieck(Untergrenze, wahrscheinlichster Wert, Obergrenze)"
)


def simulation_explanation(
    measures: Mapping[str, Sequence[Any]],
    params: Any,
    per_measure: Mapping[str, Any],
    portfolio: Any,
    *,
    draws: int,
    seed: int,
    block: int,
) -> Explanation:
    """Explanation for ``montecarlo.monte_carlo``."""
    lines = [(key, line) for key, items in measures.items() for line in items]
    uncertain = sum(1 for _, line in lines if line.is_uncertain)
    steps = [
        f"{format_number(draws, 0)} Ziehungen mit Startwert {seed}; je Block von {block} "
        "Maßnahmen ein eigener Zufallszahlengenerator (SFC64), das Ergebnis ist daher "
        "reproduzierbar.",
        f"{uncertain} Position(en) mit Spanne werden aus einer Dreiecksverteilung gezogen "
        f"(inverse Verteilungsfunktion); die übrigen {len(lines) - uncertain} gehen mit ihrem "
        "Betrag ein.",
        "Risikozuschläge (KN/R) werden nicht angewandt: die Spannen bilden die Unsicherheit ab.",
        "Annahme: alle Positionen, Jahre und Maßnahmen werden unabhängig voneinander gezogen (keine "
        "Korrelation); haben Abweichungen gemeinsame Ursachen, ist die wahre Spanne – vor allem "
        "die des Portfolios – breiter.",
        "Wahrscheinlichkeit der Amortisation = Anteil der Ziehungen mit KN ≥ 0 (der kumulierte "
        "Barwert am Ende des Betrachtungszeitraums ist nicht negativ).",
    ]
    for key, sim in per_measure.items():
        steps.append(
            f"Maßnahme „{key}“: KN {_distribution(sim.npv_percentiles)}; Mittelwert "
            f"{format_eur(sim.npv_mean)}; Wahrscheinlichkeit der Amortisation im "
            f"Betrachtungszeitraum {format_percent(sim.payback_probability, 1)}."
        )
    steps.append(
        f"Portfolio: KN {_distribution(portfolio.npv_percentiles)}; Mittelwert "
        f"{format_eur(portfolio.npv_mean)}; Wahrscheinlichkeit KN ≥ 0: "
        f"{format_percent(portfolio.npv_nonnegative_probability, 1)}."
    )
    return Explanation(
        method=SIMULATION_METHOD,
        formula=SIMULATION_FORMULA,
        inputs=tuple(line_input(line, measure=key) for key, line in lines),
        parameters=portfolio_parameter_rows(measures, params),
        steps=tuple(steps),
    )
