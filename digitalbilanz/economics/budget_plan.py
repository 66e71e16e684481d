"""The comparison for the budget plan (Gegenüberstellung, methods §9).

For a budget year and the three following planning years, every cost and benefit line of the
measures is sorted into one of the columns the finance department pastes into the budget plan:

* investment = one-off costs (development/introduction);
* running costs = recurring costs (operation);
* cash savings = budget-relevant (h) benefits;
* work improvement = non-budget-relevant (nh) benefits: hours, full-time equivalents
  (hours / hours per FTE) and their value in euros;
* net effect = cash savings − investment − running costs (only what reaches the budget; the
  work improvement is shown beside it because it frees time, not money).

Amounts are ``Decimal`` euros rounded to cents per line, so every total is the exact sum of its
lines and the page, the report chapter and the workbook built from one :class:`Comparison`
cannot differ. Pure Python, no Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .errors import EconomicsError

CENT = Decimal("0.01")
PLANNING_YEARS = 3  # the budget year and three following planning years (§ 84 GO NRW)


def cents(value) -> Decimal:
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Entry:
    """One line of a measure in plain values: which row it belongs to and what it is."""

    row: tuple  # the row key: (product group, measure), "" for a measure without product group
    year: int
    kind: str  # "cost" or "benefit"
    group: str  # "development" (one-off) or "operation" (recurring)
    budget_relevant: bool
    euros: Decimal  # already rounded to cents
    hours: Decimal | None = None
    ref: str = ""


@dataclass
class Cell:
    investment: Decimal = Decimal("0.00")
    running_costs: Decimal = Decimal("0.00")
    cash_savings: Decimal = Decimal("0.00")
    work_hours: Decimal = Decimal("0.0")
    work_value: Decimal = Decimal("0.00")
    hours_per_fte: Decimal = Decimal("1600")

    def add(self, entry: Entry):
        if entry.kind == "cost":
            if entry.group == "development":
                self.investment += entry.euros
            else:
                self.running_costs += entry.euros
        elif entry.budget_relevant:
            self.cash_savings += entry.euros
        else:
            self.work_value += entry.euros
            self.work_hours += entry.hours or Decimal("0")

    def merge(self, other: Cell):
        self.investment += other.investment
        self.running_costs += other.running_costs
        self.cash_savings += other.cash_savings
        self.work_hours += other.work_hours
        self.work_value += other.work_value

    @property
    def work_fte(self) -> Decimal:
        return (self.work_hours / self.hours_per_fte).quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def net_effect(self) -> Decimal:
        return self.cash_savings - self.investment - self.running_costs

    def values(self) -> dict:
        return {key: getattr(self, key) for key in COLUMNS}


COLUMNS = (
    "investment",
    "running_costs",
    "cash_savings",
    "work_hours",
    "work_fte",
    "work_value",
    "net_effect",
)


@dataclass
class Comparison:
    budget_year: int
    years: list[int]
    rows: dict[str, dict[int, Cell]] = field(default_factory=dict)
    totals: dict[int, Cell] = field(default_factory=dict)
    refs: dict[str, list[str]] = field(default_factory=dict)

    def groups(self) -> dict:
        """Subtotals per first part of the row key (the product group), in row order."""
        result = {}
        for key, cells in self.rows.items():
            target = result.setdefault(
                key[0], {y: Cell(hours_per_fte=c.hours_per_fte) for y, c in cells.items()}
            )
            for year, cell in cells.items():
                target[year].merge(cell)
        return result

    def total(self, column: str) -> Decimal:
        """One column summed over every year of the comparison."""
        return sum((getattr(cell, column) for cell in self.totals.values()), Decimal("0"))


def compare(entries: Iterable[Entry], budget_year: int, hours_per_fte: float) -> Comparison:
    """Sort the entries of the budget year and the three planning years into the columns."""
    if budget_year < 1990 or budget_year > 2200:
        raise EconomicsError(f"Das Haushaltsjahr {budget_year} liegt außerhalb des zulässigen Bereichs.")
    hpf = Decimal(str(hours_per_fte))
    if hpf <= 0:
        raise EconomicsError("Die Jahresarbeitsstunden je Vollzeitäquivalent müssen größer als 0 sein.")
    years = list(range(budget_year, budget_year + PLANNING_YEARS + 1))
    result = Comparison(budget_year, years, totals={y: Cell(hours_per_fte=hpf) for y in years})
    for entry in entries:
        if entry.year not in result.totals:
            continue
        if entry.kind not in ("cost", "benefit"):
            raise EconomicsError(f"Unbekannte Zeilenart „{entry.kind}“.")
        row = result.rows.setdefault(entry.row, {y: Cell(hours_per_fte=hpf) for y in years})
        row[entry.year].add(entry)
        result.totals[entry.year].add(entry)
        if entry.ref:
            result.refs.setdefault(entry.row, []).append(entry.ref)
    result.rows = dict(sorted(result.rows.items(), key=lambda item: tuple((not k, k) for k in item[0])))
    return result
