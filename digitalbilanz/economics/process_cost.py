"""Process cost of a service and the cost of duplicate structures (methods §4, §5).

Standard cost model per channel k (online, counter, post, e-mail, phone)::

    r_l      = w_l × (1 + overhead)                       hourly cost of career level l
    c_k      = Σ_l m_{k,l} / 60 × r_l                     staff € per case (online: + t_mb)
    K_k      = N_k × (c_k + material_k) + F_k             cost of the channel per year

Duplicate structures, with N = Σ_k N_k cases, s = N_online / N the online share::

    a_l      = Σ_{k analog} N_k m_{k,l} / Σ_{k analog} N_k      analog minutes per case
    d_l      = m_{online,l} + t_mb (at its level)               online minutes per case
    Δc       = Σ_l (a_l − d_l) / 60 × r_l                       staff saving per case moved online
    saving   = N × s × Δc            hours freed = N × s × Σ_l (a_l − d_l) / 60
    net      = saving − C_dig − ΔC_ana
    s*       = (C_dig + ΔC_ana) / (N × Δc)   (0 if the numerator is ≤ 0)

Without analog cases there is no analog reference: Δc, the saving and the hours freed are 0
and there is no break-even share. Priority ranking: P = N × max(0, Δc) × missing
preconditions. :func:`duplicate_structure_arrays` computes the same figures for many services
and municipalities at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .errors import EconomicsError
from .explain import Explanation, format_eur, format_number, format_percent
from .model import (
    ANALOG_CHANNELS,
    CHANNEL_DE,
    CHANNELS,
    LEVEL_DE,
    LEVELS,
    PRECONDITIONS,
    BreakEven,
    ChannelCost,
    PriorityRanking,
    PriorityRow,
    ProcessCost,
    ProcessCostParameters,
    Projection,
    ServiceCosts,
)

METHOD = "Standardkostenmodell mit Doppelstrukturen (Methoden §4, §5)"
FORMULA = (
    "K_k = N_k × (Σ_l m_{k,l} / 60 × w_l × (1 + GK) + Sachkosten_k) + F_k; "
    "Einsparung = N × s × (t_a − t_d − t_mb) / 60 × w; "
    "Nettoeffekt = Einsparung − C_dig − ΔC_ana; "
    "s* = (C_dig + ΔC_ana) / (N × (t_a − t_d − t_mb) / 60 × w)"
)
BREAK_EVEN_METHOD = "Gewinnschwelle des Online-Anteils (Methoden §5)"
BREAK_EVEN_FORMULA = "s* = (C_dig + ΔC_ana) / (N × Δc), Δc = Personalkosten je analogem − je Online-Fall"
RANKING_METHOD = "Priorisierung der Online-Dienste"
RANKING_FORMULA = (
    "P = N × max(0; Δc) × f, N = Fälle pro Jahr, Δc = Einsparung je Fall (€), "
    "f = Zahl der fehlenden Ende-zu-Ende-Voraussetzungen (0–6); "
    "bei gleichem P entscheidet die höhere Fallzahl, dann der Schlüssel"
)

# Break-even status codes (the array function returns their index).
STATUSES = ("reachable", "not_reachable", "no_saving", "no_analog_cases", "no_cases")
# A saving per case below a billionth of a cent is rounding noise of equal minutes: no saving.
ZERO_SAVING = 1e-9


def _minutes(service: ServiceCosts) -> dict[str, dict[str, float]]:
    """Staff minutes per case, per channel and career level."""
    minutes = {channel: dict.fromkeys(LEVELS, 0.0) for channel in CHANNELS}
    for activity in service.activities:
        minutes[activity.channel][activity.career_level] += activity.minutes
    return minutes


def _check_levels(service: ServiceCosts, params: ProcessCostParameters) -> None:
    used = {a.career_level for a in service.activities if a.minutes > 0}
    if service.media_break_minutes > 0:
        used.add(service.media_break_level)
    for level in LEVELS:
        if level in used and level not in params.wage_rates:
            raise EconomicsError(
                f"Für die Laufbahngruppe „{LEVEL_DE[level]}“ fehlt der Lohnsatz "
                f"(Dienst „{service.label or service.key}“).",
                field="wage_rates",
                ref=service.key,
            )


def _rates(params: ProcessCostParameters) -> dict[str, float]:
    return {level: params.hourly_cost(level) if level in params.wage_rates else 0.0 for level in LEVELS}


def _staff_cost(minutes: dict[str, float], rates: dict[str, float]) -> float:
    total = 0.0
    for level in LEVELS:
        total += minutes[level] / 60.0 * rates[level]
    return total


def _validate_targets(targets: Sequence[float], ref: str) -> tuple[float, ...]:
    checked = []
    for target in targets:
        try:
            share = float(target)
        except (TypeError, ValueError):
            raise EconomicsError(
                "Ein Ziel-Online-Anteil muss eine Zahl sein.", field="targets", ref=ref
            ) from None
        if not 0.0 <= share <= 1.0:
            raise EconomicsError(
                "Ein Ziel-Online-Anteil muss zwischen 0 % und 100 % liegen "
                f"(angegeben: {format_number(share * 100)} %).",
                field="targets",
                ref=ref,
            )
        checked.append(share)
    return tuple(checked)


def process_cost(
    service: ServiceCosts, params: ProcessCostParameters, *, targets: Sequence[float] = ()
) -> ProcessCost:
    """Cost per channel, duplicate-structure effects, break-even share and projections."""
    if not isinstance(service, ServiceCosts):
        raise EconomicsError("Der Dienst muss vom Typ ServiceCosts sein.", field="service")
    if not isinstance(params, ProcessCostParameters):
        raise EconomicsError("Die Parameter müssen vom Typ ProcessCostParameters sein.", field="params")
    _check_levels(service, params)
    targets = _validate_targets(targets, service.key)
    rates = _rates(params)
    minutes = _minutes(service)
    online_minutes = dict(minutes["online"])
    online_minutes[service.media_break_level] += service.media_break_minutes

    channels = []
    for channel in CHANNELS:
        per_case = online_minutes if channel == "online" else minutes[channel]
        staff = _staff_cost(per_case, rates)
        cases = service.cases[channel]
        material = service.material_cost[channel]
        fixed = service.fixed_costs[channel]
        channels.append(
            ChannelCost(
                channel=channel,
                cases=cases,
                minutes_per_case=sum(per_case[level] for level in LEVELS),
                staff_cost_per_case=staff,
                material_cost_per_case=material,
                fixed_cost=fixed,
                annual_cost=cases * (staff + material) + fixed,
            )
        )

    n_online = service.cases["online"]
    n_analog = 0.0
    for channel in ANALOG_CHANNELS:
        n_analog += service.cases[channel]
    total = n_online + n_analog
    delta = dict.fromkeys(LEVELS, 0.0)  # analog − online minutes per case, per level
    analog_cost = None
    if n_analog > 0:
        for level in LEVELS:
            weighted = 0.0
            for channel in ANALOG_CHANNELS:
                weighted += service.cases[channel] * minutes[channel][level]
            delta[level] = weighted / n_analog - online_minutes[level]
        analog_cost = _staff_cost({level: delta[level] + online_minutes[level] for level in LEVELS}, rates)
    saving_per_case = _staff_cost(delta, rates)
    if abs(saving_per_case) < ZERO_SAVING:
        saving_per_case = 0.0
    hours_by_level = {level: n_online * delta[level] / 60.0 for level in LEVELS}
    hours = sum(hours_by_level.values())
    staff_saving = n_online * saving_per_case
    c_dig = service.fixed_costs["online"]
    c_ana = sum(service.fixed_costs[channel] for channel in ANALOG_CHANNELS)
    fixed_change = c_dig + service.analog_fixed_change
    share = n_online / total if total > 0 else None
    break_even = _break_even(service, total, n_analog, share, saving_per_case, fixed_change)
    projections = tuple(
        _project(target, total, share, saving_per_case, delta, fixed_change) for target in targets
    )
    result = ProcessCost(
        key=service.key,
        label=service.label,
        channels=tuple(channels),
        total_cases=total,
        online_share=share,
        total_cost=sum(item.annual_cost for item in channels),
        fixed_digital=c_dig,
        fixed_analog=c_ana,
        analog_fixed_change=service.analog_fixed_change,
        analog_cost_per_case=analog_cost,
        digital_cost_per_case=_staff_cost(online_minutes, rates),
        saving_per_case=saving_per_case,
        hours_freed=hours,
        hours_freed_by_level=hours_by_level,
        staff_saving=staff_saving,
        net_effect=staff_saving - fixed_change,
        break_even=break_even,
        projections=projections,
        missing_preconditions=service.missing_preconditions,
        explanation=Explanation(METHOD, FORMULA),
    )
    return _with_explanation(result, service, params)


def _project(target, total, share, saving_per_case, delta, fixed_change) -> Projection:
    online = total * target
    saving = online * saving_per_case
    current = total * (share or 0.0) * saving_per_case
    return Projection(
        online_share=target,
        online_cases=online,
        hours_freed=online * sum(delta.values()) / 60.0,
        staff_saving=saving,
        net_effect=saving - fixed_change,
        change_from_current=saving - current,
    )


def _break_even(service, total, n_analog, share, saving_per_case, fixed_change) -> BreakEven:
    name = f"„{service.label or service.key}“"
    value: float | None = None
    if total <= 0:
        status = "no_cases"
        reason = f"Kein Break-even: Für den Dienst {name} sind keine Fälle erfasst."
    elif n_analog <= 0:
        status = "no_analog_cases"
        reason = (
            f"Kein Break-even: Der Dienst {name} hat keine analogen Fälle; alle Fälle kommen "
            "bereits online, ein analoger Vergleichswert fehlt."
        )
    elif saving_per_case <= 0:
        status = "no_saving"
        reason = (
            f"Kein Break-even: Ein Online-Fall des Dienstes {name} spart keine Personalkosten "
            f"gegenüber einem analogen Fall (Einsparung je Fall {format_eur(saving_per_case)}); "
            "der Parallelbetrieb rechnet sich bei keinem Online-Anteil. Erst wenn der Medienbruch "
            "wegfällt oder die Online-Bearbeitung schneller wird, entsteht eine Einsparung."
        )
    else:
        value = max(0.0, fixed_change / (total * saving_per_case))
        if value > 1.0:
            status = "not_reachable"
            reason = (
                f"Break-even nicht erreichbar: Selbst wenn alle Fälle des Dienstes {name} online "
                "kämen, deckte die Einsparung die Fixkosten nicht "
                f"(rechnerisch s* = {format_percent(value, 1)})."
            )
        else:
            status = "reachable"
            reason = (
                f"Break-even bei einem Online-Anteil von {format_percent(value, 1)}; heute "
                f"{format_percent(share, 1)}."
            )
    reached = value is not None and share is not None and share >= value
    steps = [
        f"Fälle pro Jahr N = {format_number(total, 0)}, davon analog {format_number(n_analog, 0)}.",
        f"Fixkosten des Online-Wegs C_dig + ΔC_ana = {format_eur(fixed_change)}.",
        f"Einsparung je Fall Δc = {format_eur(saving_per_case)}.",
    ]
    if value is not None:
        steps.append(
            f"s* = {format_eur(fixed_change)} / ({format_number(total, 0)} × {format_eur(saving_per_case)}) "
            f"= {format_percent(value, 2)}" + (" (negativer Zähler: 0 %)." if fixed_change <= 0 else ".")
        )
    steps.append(reason)
    explanation = Explanation(BREAK_EVEN_METHOD, BREAK_EVEN_FORMULA, steps=tuple(steps))
    return BreakEven(status, value, reached, reason, explanation)


def _parameter_rows(params: ProcessCostParameters) -> tuple[dict, ...]:
    rows = []
    for level, rate in params.wage_rates.items():
        name = f"wage_{level}"
        src = params.sources.get(name)
        rows.append(
            {
                "name": name,
                "label": src.label if src and src.label else f"Lohnsatz {LEVEL_DE[level]} (€/h)",
                "value": rate,
                "display": f"{format_number(rate)} €/h",
                "source": src.source if src else "",
                "as_of": src.as_of if src else "",
            }
        )
    src = params.sources.get("overhead")
    rows.append(
        {
            "name": "overhead",
            "label": src.label if src and src.label else "Gemeinkostenzuschlag",
            "value": params.overhead,
            "display": format_percent(params.overhead),
            "source": src.source if src else "",
            "as_of": src.as_of if src else "",
        }
    )
    return tuple(rows)


def _inputs(service: ServiceCosts) -> tuple[dict, ...]:
    items: list[dict] = [
        {
            "ref": service.key,
            "channel": channel,
            "label": CHANNEL_DE[channel],
            "cases": service.cases[channel],
            "material_cost": service.material_cost[channel],
            "fixed_cost": service.fixed_costs[channel],
        }
        for channel in CHANNELS
    ]
    items += [
        {
            "ref": service.key,
            "channel": a.channel,
            "label": a.label,
            "minutes": a.minutes,
            "career_level": a.career_level,
        }
        for a in service.activities
    ]
    items.append(
        {
            "ref": service.key,
            "label": "Zusatzminuten je Online-Fall mit Medienbruch",
            "minutes": service.media_break_minutes,
            "career_level": service.media_break_level,
        }
    )
    items.append(
        {
            "ref": service.key,
            "label": "Änderung der analogen Fixkosten ΔC_ana",
            "amount": service.analog_fixed_change,
        }
    )
    return tuple(items)


def _with_explanation(result: ProcessCost, service: ServiceCosts, params) -> ProcessCost:
    steps = []
    for level, rate in params.wage_rates.items():
        steps.append(
            f"Stundensatz {LEVEL_DE[level]}: {format_number(rate)} €/h × (1 + "
            f"{format_percent(params.overhead)}) = {format_number(rate * (1 + params.overhead))} €/h."
        )
    for item in result.channels:
        steps.append(
            f"{CHANNEL_DE[item.channel]}: {format_number(item.cases, 0)} Fälle × "
            f"({format_eur(item.staff_cost_per_case)} Personal "
            f"({format_number(item.minutes_per_case, 1)} Min.) "
            f"+ {format_eur(item.material_cost_per_case)} Sachkosten) + {format_eur(item.fixed_cost)} "
            f"Fixkosten = {format_eur(item.annual_cost)} pro Jahr."
        )
    steps.append(
        f"Kosten des Parallelbetriebs aller Kanäle: {format_eur(result.total_cost)} pro Jahr, davon "
        f"Fixkosten C_dig = {format_eur(result.fixed_digital)} und C_ana = {format_eur(result.fixed_analog)}."
    )
    if result.analog_cost_per_case is None:
        steps.append("Keine analogen Fälle: kein Vergleichswert, Einsparung und freigesetzte Stunden sind 0.")
    else:
        steps.append(
            "Personalkosten je analogem Fall (nach Fallzahlen gewichtet) "
            f"{format_eur(result.analog_cost_per_case)} − je Online-Fall einschließlich Medienbruch "
            f"({format_number(service.media_break_minutes, 1)} Min.) "
            f"{format_eur(result.digital_cost_per_case)} = Einsparung je Fall "
            f"{format_eur(result.saving_per_case)}."
        )
    share = result.online_share
    steps.append(
        f"Online-Anteil s = {format_percent(share, 1) if share is not None else 'nicht bestimmbar'}; "
        f"freigesetzte Stunden = {format_number(result.hours_freed, 1)} h pro Jahr; Personaleinsparung "
        f"= {format_number(result.channel('online').cases, 0)} × {format_eur(result.saving_per_case)} "
        f"= {format_eur(result.staff_saving)} (nicht haushaltswirksam, solange keine Stellen wegfallen)."
    )
    steps.append(
        f"Nettoeffekt = {format_eur(result.staff_saving)} − C_dig {format_eur(result.fixed_digital)} − "
        f"ΔC_ana {format_eur(result.analog_fixed_change)} = {format_eur(result.net_effect)}."
    )
    steps.append(result.break_even.reason)
    for p in result.projections:
        steps.append(
            f"Ziel-Online-Anteil {format_percent(p.online_share, 1)}: {format_number(p.online_cases, 0)} "
            f"Online-Fälle, {format_number(p.hours_freed, 1)} h frei, "
            f"Einsparung {format_eur(p.staff_saving)}, "
            f"Nettoeffekt {format_eur(p.net_effect)} ({format_eur(p.change_from_current)} gegenüber heute)."
        )
    explanation = Explanation(
        method=METHOD,
        formula=FORMULA,
        inputs=_inputs(service),
        parameters=_parameter_rows(params),
        steps=tuple(steps),
    )
    return replace(result, explanation=explanation)


def rank_services(results: Sequence[ProcessCost]) -> PriorityRanking:
    """Order services by P = N × max(0, Δc) × missing preconditions (see ``RANKING_FORMULA``)."""
    seen: set[str] = set()
    scored = []
    for result in results:
        if not isinstance(result, ProcessCost):
            raise EconomicsError("Jeder Eintrag der Rangfolge muss ein Ergebnis von process_cost sein.")
        if result.key in seen:
            raise EconomicsError(
                f"Der Dienst „{result.key}“ ist doppelt angegeben.", field="key", ref=result.key
            )
        seen.add(result.key)
        priority = result.total_cases * max(0.0, result.saving_per_case) * result.missing_preconditions
        scored.append((priority, result))
    scored.sort(key=lambda item: (-item[0], -item[1].total_cases, item[1].key))
    rows = tuple(
        PriorityRow(
            rank=index,
            key=r.key,
            label=r.label,
            cases=r.total_cases,
            saving_per_case=r.saving_per_case,
            missing_preconditions=r.missing_preconditions,
            priority=priority,
        )
        for index, (priority, r) in enumerate(scored, start=1)
    )
    steps = tuple(
        f"{row.rank}. „{row.label or row.key}“: {format_number(row.cases, 0)} Fälle × "
        f"{format_eur(max(0.0, row.saving_per_case))} × {row.missing_preconditions} von {PRECONDITIONS} "
        f"fehlenden Voraussetzungen = {format_number(row.priority)}."
        for row in rows
    )
    explanation = Explanation(
        method=RANKING_METHOD,
        formula=RANKING_FORMULA,
        inputs=tuple(
            {
                "ref": row.key,
                "label": row.label,
                "cases": row.cases,
                "saving_per_case": row.saving_per_case,
                "missing_preconditions": row.missing_preconditions,
            }
            for row in rows
        ),
        steps=steps,
    )
    return PriorityRanking(rows, explanation)


# --- vectorised: many services × municipalities at once -------------------------------


@dataclass(frozen=True)
class ArrayProcessCost:
    """Result of :func:`duplicate_structure_arrays`; leading axes follow the inputs."""

    channel_cost: np.ndarray  # (..., 5) € per year, channel order CHANNELS
    total_cost: np.ndarray
    online_share: np.ndarray  # NaN without cases
    saving_per_case: np.ndarray
    hours_freed: np.ndarray
    staff_saving: np.ndarray
    net_effect: np.ndarray
    break_even: np.ndarray  # s*, NaN where there is none (may exceed 1: not reachable)
    status: np.ndarray  # index into STATUSES

    def status_names(self) -> np.ndarray:
        return np.asarray(STATUSES)[self.status]


def duplicate_structure_arrays(
    cases: np.ndarray,
    minutes: np.ndarray,
    media_break: np.ndarray,
    hourly_cost: np.ndarray,
    material_cost: np.ndarray,
    fixed_costs: np.ndarray,
    analog_fixed_change: np.ndarray | float = 0.0,
) -> ArrayProcessCost:
    """The duplicate-structure model for arrays of services (and municipalities).

    ``cases`` (..., 5) per channel in the order of ``CHANNELS``; ``minutes`` (..., 5, L) staff
    minutes per case, channel and career level; ``media_break`` (..., L) t_mb per level;
    ``hourly_cost`` (L,) € per hour including overhead; ``material_cost`` and ``fixed_costs``
    (..., 5); ``analog_fixed_change`` (...) ΔC_ana. Leading axes broadcast, e.g. services ×
    municipalities with per-service minutes of shape (S, 1, 5, L).
    """
    cases = np.asarray(cases, dtype=np.float64)
    minutes = np.asarray(minutes, dtype=np.float64)
    media_break = np.asarray(media_break, dtype=np.float64)
    rate = np.asarray(hourly_cost, dtype=np.float64) / 60.0
    material = np.asarray(material_cost, dtype=np.float64)
    fixed = np.asarray(fixed_costs, dtype=np.float64)
    change = np.asarray(analog_fixed_change, dtype=np.float64)
    for name, array in (("cases", cases), ("material_cost", material), ("fixed_costs", fixed)):
        if array.shape[-1:] != (len(CHANNELS),):
            raise EconomicsError(f"„{name}“ braucht als letzte Achse die {len(CHANNELS)} Kanäle.", field=name)
        if not np.all(np.isfinite(array)) or np.any(array < 0):
            raise EconomicsError(f"„{name}“ darf nur endliche, nicht negative Werte enthalten.", field=name)
    if minutes.shape[-2:] != (len(CHANNELS), rate.shape[-1]) or not np.all(minutes >= 0):
        raise EconomicsError(
            "„minutes“ braucht die Form (…, Kanäle, Laufbahngruppen) und Werte ≥ 0.", field="minutes"
        )
    if media_break.shape[-1:] != rate.shape[-1:] or not np.all(media_break >= 0):
        raise EconomicsError("„media_break“ braucht je Laufbahngruppe einen Wert ≥ 0.", field="media_break")

    online_minutes = minutes[..., 0, :] + media_break  # (..., L)
    staff = minutes @ rate  # (..., 5) € per case
    staff_online = online_minutes @ rate
    staff = np.concatenate([staff_online[..., None], staff[..., 1:]], axis=-1)
    staff = np.broadcast_to(staff, np.broadcast_shapes(staff.shape, cases.shape))
    channel_cost = cases * (staff + material) + fixed
    n_online = cases[..., 0]
    analog = cases[..., 1:]
    n_analog = analog.sum(axis=-1)
    total = n_online + n_analog
    has_analog = n_analog > 0
    safe_analog = np.where(has_analog, n_analog, 1.0)
    analog_cost = (analog * staff[..., 1:]).sum(axis=-1) / safe_analog
    saving_per_case = np.where(has_analog, analog_cost - staff_online, 0.0)
    saving_per_case = np.where(np.abs(saving_per_case) < ZERO_SAVING, 0.0, saving_per_case)
    # Minutes: the case-weighted analog minutes minus the online minutes, summed over levels.
    analog_minutes = np.einsum("...k,...kl->...", analog, minutes[..., 1:, :]) / safe_analog
    minutes_freed = np.where(has_analog, analog_minutes - online_minutes.sum(axis=-1), 0.0)
    fixed_change = fixed[..., 0] + change
    staff_saving = n_online * saving_per_case
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(total > 0, n_online / np.where(total > 0, total, 1.0), np.nan)
        positive = has_analog & (saving_per_case > 0)
        s_star = np.where(
            positive, np.maximum(0.0, fixed_change / np.where(positive, total * saving_per_case, 1.0)), np.nan
        )
    status = np.select(
        [total <= 0, ~has_analog, saving_per_case <= 0, s_star > 1.0],
        [4, 3, 2, 1],
        default=0,
    ).astype(np.int8)
    return ArrayProcessCost(
        channel_cost=channel_cost,
        total_cost=channel_cost.sum(axis=-1),
        online_share=share,
        saving_per_case=saving_per_case,
        hours_freed=n_online * minutes_freed / 60.0,
        staff_saving=staff_saving,
        net_effect=staff_saving - fixed_change,
        break_even=s_star,
        status=status,
    )


def service_arrays(services: Sequence[ServiceCosts], params: ProcessCostParameters) -> dict[str, np.ndarray]:
    """The inputs of :func:`duplicate_structure_arrays` for a list of services (axis 0)."""
    for service in services:
        _check_levels(service, params)
    rates = _rates(params)
    minutes = np.zeros((len(services), len(CHANNELS), len(LEVELS)))
    media_break = np.zeros((len(services), len(LEVELS)))
    for i, service in enumerate(services):
        for activity in service.activities:
            minutes[i, CHANNELS.index(activity.channel), LEVELS.index(activity.career_level)] += (
                activity.minutes
            )
        media_break[i, LEVELS.index(service.media_break_level)] = service.media_break_minutes

    def per_channel(attr: str) -> np.ndarray:
        rows = [[getattr(s, attr)[c] for c in CHANNELS] for s in services]
        return np.array(rows, dtype=np.float64).reshape(len(services), len(CHANNELS))

    return {
        "cases": per_channel("cases"),
        "minutes": minutes,
        "media_break": media_break,
        "hourly_cost": np.array([rates[level] for level in LEVELS]),
        "material_cost": per_channel("material_cost"),
        "fixed_costs": per_channel("fixed_costs"),
        "analog_fixed_change": np.array([s.analog_fixed_change for s in services], dtype=np.float64),
    }
