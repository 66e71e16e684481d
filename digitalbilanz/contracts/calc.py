"""Bridge database → ``economics.contracts``: obligations, exits, reducible cost, double fees,
and the lines a contract derives for its linked measures.

Every read goes through the visibility rule with the reader's levels: a reader who may see a
contract but not its values gets the contract without money (``values`` empty).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from digitalbilanz.contracts.choices import LINE_CATEGORY, Basis, ContractKind
from digitalbilanz.contracts.models import Contract, ContractValue
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.visibility import LEVEL_ORDER, stricter
from digitalbilanz.economics import contracts as ec
from digitalbilanz.portfolio.derived import remove_derived_lines, replace_derived_lines
from digitalbilanz.portfolio.models import Derivation
from digitalbilanz.workplaces.models import WorkplaceSnapshot

ALL_LEVELS = [level.value for level in LEVEL_ORDER]
METHOD = "Vertragsbindung und frühester Ausstieg (Methoden §6)"


@dataclass
class ContractFigures:
    contract: Contract
    values: list  # readable ContractValue rows, oldest first
    terms: ec.ContractTerms
    exit: ec.Exit
    years: tuple  # ec.YearCost per year (empty without readable values)
    double_fee: float | None  # None: no readable values or not per device
    today: dt.date | None = None

    @property
    def annual_cost(self):
        """The annual cost in force on ``today`` (the first value before the contract starts)."""
        if not self.values:
            return None
        return Decimal(str(self.terms.price_on(self.today))) if self.today else self.values[-1].annual_cost


def default_years(today: dt.date, count: int = 5) -> range:
    return range(today.year, today.year + count)


def two_device_holders(municipality, levels) -> int:
    """People with two devices in the latest readable whole-administration snapshot (0 if none)."""
    snapshot = (
        WorkplaceSnapshot.objects.for_municipality(municipality)
        .with_levels(levels)
        .filter(org_unit__isnull=True)
        .order_by("-as_of")
        .first()
    )
    return snapshot.two_devices if snapshot else 0


def figures(contracts, municipality, levels, today: dt.date, years) -> list[ContractFigures]:
    """Figures of ``contracts`` (already filtered by the rule) with only readable values."""
    contracts = list(contracts)
    values = {}
    rows = ContractValue.objects.for_municipality(municipality).with_levels(levels)
    for value in rows.filter(contract__in=contracts).order_by("valid_from"):
        values.setdefault(value.contract_id, []).append(value)
    people = two_device_holders(municipality, levels)
    result = []
    for contract in contracts:
        own = values.get(contract.pk, [])
        terms = contract.terms(own)
        result.append(
            ContractFigures(
                contract,
                own,
                terms,
                ec.earliest_exit(terms, today),
                ec.year_costs(terms, years, today) if own else (),
                ec.double_fees(terms, people) if own and _per_device_licence(contract) else None,
                today,
            )
        )
    return result


def _per_device_licence(contract) -> bool:
    """Double fees arise from licences charged per device (methods §6), not from rented devices."""
    return contract.kind == ContractKind.LICENCE and contract.basis == Basis.PER_DEVICE


def totals(rows: list[ContractFigures], years) -> tuple:
    """Per year: running, bound and reducible cost over the contracts with readable values."""
    sums = {y: [0.0, 0.0, 0.0] for y in years}
    for row in rows:
        for cost in row.years:
            sums[cost.year][0] += cost.running
            sums[cost.year][1] += cost.bound
            sums[cost.year][2] += cost.reducible
    return tuple(ec.YearCost(y, round(r, 2), round(b, 2), round(x, 2)) for y, (r, b, x) in sums.items())


def measure_lines(contract: Contract, values, share: int, people: int, years) -> list[dict]:
    """Cost lines of one linked measure: its share of each year's running cost, double fees apart."""
    if not values:
        return []
    terms = contract.terms(values)
    today = dt.date(min(years), 1, 1)
    double = ec.double_fees(terms, people) if _per_device_licence(contract) else 0.0
    annual = float(values[-1].annual_cost) or 1.0
    suffix = "" if share == 1 else _(" (Anteil 1/%(n)s)") % {"n": share}
    rows = []
    for cost in ec.year_costs(terms, years, today):
        running = cost.running / share
        doubled = min(running, double / share * (cost.running / annual)) if double else 0.0
        for amount, label in (
            (running - doubled, _("Vertrag %(c)s") % {"c": contract}),
            (doubled, _("Doppelte Gerätegebühren: %(c)s") % {"c": contract}),
        ):
            if round(amount, 2) > 0:
                rows.append(
                    {
                        "year": cost.year,
                        "kind": "cost",
                        "group": "operation",
                        "category": LINE_CATEGORY[contract.kind],
                        "budget_relevant": True,
                        "label": (label + suffix)[:200],
                        "amount": Decimal(str(round(amount, 2))),
                        "note": METHOD,
                    }
                )
    return rows


def sync_contract_lines(contract: Contract, *, reason: str, user=None) -> None:
    """Replace the lines the contract derives for each linked measure; drop them from unlinked ones."""
    values = list(contract.values.order_by("valid_from"))
    params = ParameterSet.for_municipality(contract.municipality)
    years = range(contract.start.year, contract.start.year + params.horizon)
    people = two_device_holders(contract.municipality, ALL_LEVELS)
    level = stricter(contract.visibility, *(v.visibility for v in values))
    linked = list(contract.measures.all())
    source_type = ContentType.objects.get_for_model(Contract)
    former = Derivation.objects.filter(source_type=source_type, source_id=contract.pk).select_related(
        "measure"
    )
    for derivation in former:
        if derivation.measure not in linked:
            remove_derived_lines(derivation.measure, contract, reason=reason, user=user)
    for measure in linked:
        replace_derived_lines(
            measure,
            contract,
            measure_lines(contract, values, len(linked), people, years),
            reason=reason,
            method=_(
                "Vertragskosten je Jahr, zu gleichen Teilen auf die verbundenen Maßnahmen (Methoden §6)"
            ),
            visibility=level,
            user=user,
        )


def recompute_municipality(municipality, *, reason: str, user=None) -> None:
    """Recompute the lines of every contract linked to a measure (registered in ``register.py``)."""
    source_type = ContentType.objects.get_for_model(Contract)
    derived = Derivation.objects.filter(source_type=source_type, measure__municipality=municipality)
    pks = set(derived.values_list("source_id", flat=True))
    linked = Contract.objects.filter(municipality=municipality, measures__isnull=False)
    pks |= set(linked.values_list("pk", flat=True))
    for contract in Contract.objects.filter(pk__in=pks).select_related("municipality"):
        sync_contract_lines(contract, reason=reason, user=user)
