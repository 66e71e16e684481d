"""Bridge database → economics for the workplace model, and the derived lines of a measure.

``scenario_result(scenario, params)`` runs ``economics.workplace_model`` on the scenario's
snapshot with the municipality's parameters (own values or registered defaults, cited);
``sync_measure_lines(scenario, …)`` hands its lines to ``portfolio.derived.replace_derived_lines``.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from digitalbilanz import economics as eco
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portfolio.derived import remove_derived_lines, replace_derived_lines
from digitalbilanz.workplaces import parameters as p

# economics input name → parameter key
PARAMETER_KEYS = {
    "m2_per_desk": p.M2_PER_DESK.key,
    "rent_per_m2_year": p.RENT_PER_M2.key,
    "room_cost_per_desk": p.ROOM_COST.key,
    "one_off_per_worker": p.ONE_OFF.key,
    "device_annuity": p.EQUIPMENT_ANNUITY.key,
    "remote_access_licence": p.REMOTE_ACCESS.key,
    "double_licence_fee": p.DOUBLE_LICENCE.key,
    "desk_ratio_cap": p.DESK_RATIO_CAP.key,
}
# line reference prefix (economics.workplaces) → category of the measure's line
CATEGORIES = {
    "one_off": "hardware",
    "booking_one_off": "software",
    "device_annuity": "hardware",
    "docking": "hardware",
    "peripherals": "hardware",
    "remote_access_licence": "software",
    "double_licence_fee": "software",
    "other_annual": "other",
    "booking_annual": "software",
    "saving": "rent",
}


@dataclass(frozen=True)
class ScenarioFigures:
    """The model's result plus the check against the peak presence."""

    result: eco.WorkplaceResult | None
    error: str
    below_presence: bool
    peak_presence: float


def scenario_inputs(scenario, params: ParameterSet) -> eco.WorkplaceInputs:
    snapshot = scenario.snapshot
    values = {name: params.number(key) for name, key in PARAMETER_KEYS.items()}
    sources = params.sources(PARAMETER_KEYS.values())
    return eco.WorkplaceInputs(
        staff=snapshot.headcount,
        mobile_workers=snapshot.mobile_capable,
        already_costed=scenario.already_costed,
        # The scenario's desk ratio is the share of staff for whom a desk is kept.
        peak_presence=float(scenario.desk_ratio),
        current_desks=snapshot.desks,
        start_year=scenario.start_year,
        years=scenario.years,
        space_given_up=scenario.space_given_up,
        sources={name: sources[key] for name, key in PARAMETER_KEYS.items() if key in sources},
        **values,
    )


def scenario_result(scenario, params: ParameterSet | None = None) -> ScenarioFigures:
    params = params or ParameterSet.for_municipality(scenario.municipality)
    presence = params.number(p.PEAK_PRESENCE.key) / 100
    try:
        result = eco.workplace_model(scenario_inputs(scenario, params))
    except eco.EconomicsError as exc:
        return ScenarioFigures(None, exc.message, False, presence)
    return ScenarioFigures(result, "", float(scenario.desk_ratio) < presence - 1e-12, presence)


def line_dicts(result: eco.WorkplaceResult) -> list[dict]:
    """The economics lines as rows for ``replace_derived_lines``."""
    rows = []
    for line in result.lines:
        key = line.ref.split(":")[1]
        rows.append(
            {
                "year": line.year,
                "kind": line.kind,
                "group": line.group,
                "category": CATEGORIES[key],
                "budget_relevant": line.budget_relevant,
                "label": line.label[:200],
                "amount": Decimal(str(round(line.amount, 2))),
                "note": eco.workplaces.METHOD,
            }
        )
    return rows


def sync_measure_lines(scenario, *, reason: str, user=None, previous_measure=None):
    """Replace the measure's lines derived from ``scenario`` (and drop them from a former measure)."""
    if previous_measure is not None and previous_measure.pk != scenario.measure_id:
        remove_derived_lines(previous_measure, scenario, reason=reason, user=user)
    if scenario.measure_id is None:
        return None
    figures = scenario_result(scenario)
    if figures.result is None:
        from django.core.exceptions import ValidationError

        raise ValidationError(
            _("Szenario „%(s)s“ wäre nicht mehr berechenbar: %(e)s")
            % {"s": scenario.name, "e": figures.error}
        )
    return replace_derived_lines(
        scenario.measure,
        scenario,
        line_dicts(figures.result),
        reason=reason,
        method=_("Arbeitsplatzmodell mobile Arbeit und Desksharing (Methoden §6)"),
        visibility=_stricter(scenario),
        user=user,
    )


def _stricter(scenario) -> str:
    from digitalbilanz.core.visibility import stricter

    return stricter(scenario.visibility, scenario.snapshot.visibility)


def recompute_municipality(municipality, *, reason: str, user=None) -> None:
    """Recompute every linked scenario's lines (registered in ``register.py``: ``registry.derivations``)."""
    from digitalbilanz.workplaces.models import WorkplaceScenario

    scenarios = WorkplaceScenario.objects.filter(municipality=municipality, measure__isnull=False)
    for scenario in scenarios.select_related("snapshot", "measure", "municipality"):
        sync_measure_lines(scenario, reason=reason, user=user)
