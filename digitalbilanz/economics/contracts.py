"""Contracts and obligations: licence, rental, service and usage-fee contracts (methods §6).

A contract runs for its minimum term from its start; with automatic renewal it is extended
by the renewal period again and again unless notice is given by the notice deadline
(``notice months`` before the end of the running period). From these terms:

* :func:`periods` — the contract periods with their notice deadlines;
* :func:`earliest_exit` — the last day the contract binds if notice is given at the earliest
  possible moment from a given day on (across year boundaries and renewals);
* :func:`year_costs` — per calendar year the cost that is bound (cannot be avoided any more)
  and the cost that can still be reduced (would only arise if the contract kept running);
* :func:`double_fees` — per-device licences paid twice for people who hold two devices.

Costs are prorated by day: an annual cost of 365,000 € for a contract running the whole of a
non-leap year gives 365,000 €, half a year about half. Pure Python, no Django.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .errors import EconomicsError
from .explain import format_eur

METHOD = "Vertragsbindung und frühester Ausstieg (Methoden §6)"
BASES = ("per_device", "per_user", "flat")


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months; the day of month is clamped (31 Jan + 1 month = 28/29 Feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def format_date(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


@dataclass(frozen=True)
class Price:
    """The annual cost of a contract from ``valid_from`` on (until the next price)."""

    valid_from: dt.date
    annual_cost: float

    def __post_init__(self) -> None:
        try:
            cost = float(self.annual_cost)
        except (TypeError, ValueError):
            raise EconomicsError("Die Jahreskosten müssen eine Zahl sein.", field="annual_cost") from None
        if cost != cost or cost < 0:
            raise EconomicsError("Die Jahreskosten dürfen nicht negativ sein.", field="annual_cost")
        object.__setattr__(self, "annual_cost", cost)


@dataclass(frozen=True)
class ContractTerms:
    """The terms of one contract; validated on construction (German messages).

    ``terminated_to``: notice has been given, the contract ends on that day.
    ``prices``: the annual cost over time; before the first ``valid_from`` the first price applies.
    """

    start: dt.date
    minimum_term_months: int
    notice_months: int = 0
    auto_renewal: bool = False
    renewal_months: int = 12
    prices: tuple[Price, ...] = ()
    terminated_to: dt.date | None = None
    label: str = ""
    unit_price: float = 0.0  # per device or user and year (for double fees)
    basis: str = "flat"
    sources: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        object.__setattr__(self, "prices", tuple(sorted(self.prices, key=lambda p: p.valid_from)))
        check_terms(self)

    @property
    def minimum_end(self) -> dt.date:
        """Last day of the minimum term."""
        return add_months(self.start, self.minimum_term_months) - dt.timedelta(days=1)

    def price_on(self, day: dt.date) -> float:
        current = self.prices[0].annual_cost if self.prices else 0.0
        for price in self.prices:
            if price.valid_from <= day:
                current = price.annual_cost
        return current


def check_terms(t: ContractTerms) -> None:
    """Contradicting terms raise :class:`EconomicsError` naming the field."""
    for name, label in (
        ("minimum_term_months", "Mindestlaufzeit"),
        ("notice_months", "Kündigungsfrist"),
        ("renewal_months", "Verlängerungsdauer"),
    ):
        value = getattr(t, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise EconomicsError(f"Die {label} muss eine ganze Zahl von Monaten ab 0 sein.", field=name)
    if t.minimum_term_months < 1:
        raise EconomicsError(
            "Die Mindestlaufzeit muss mindestens einen Monat betragen.", field="minimum_term_months"
        )
    if t.notice_months > t.minimum_term_months:
        raise EconomicsError(
            f"Die Kündigungsfrist ({t.notice_months} Monate) ist länger als die Mindestlaufzeit "
            f"({t.minimum_term_months} Monate): der Vertrag könnte nie fristgerecht gekündigt werden.",
            field="notice_months",
        )
    if t.auto_renewal and t.renewal_months < 1:
        raise EconomicsError(
            "Bei automatischer Verlängerung muss die Verlängerungsdauer mindestens einen Monat betragen.",
            field="renewal_months",
        )
    if t.auto_renewal and t.notice_months > t.renewal_months:
        raise EconomicsError(
            f"Die Kündigungsfrist ({t.notice_months} Monate) ist länger als die Verlängerungsdauer "
            f"({t.renewal_months} Monate): eine Verlängerung könnte nie fristgerecht gekündigt werden.",
            field="notice_months",
        )
    if t.terminated_to is not None:
        if t.terminated_to < t.start:
            raise EconomicsError(
                f"Das Vertragsende ({format_date(t.terminated_to)}) liegt vor dem Vertragsbeginn "
                f"({format_date(t.start)}).",
                field="terminated_to",
            )
        if t.terminated_to < t.minimum_end:
            raise EconomicsError(
                f"Das Vertragsende ({format_date(t.terminated_to)}) liegt vor dem Ende der "
                f"Mindestlaufzeit ({format_date(t.minimum_end)}).",
                field="terminated_to",
            )
    if t.basis not in BASES:
        raise EconomicsError(f"Unbekannte Abrechnungsgrundlage „{t.basis}“.", field="basis")


@dataclass(frozen=True)
class Period:
    """One contract period: first day, last day and the last day notice can be given for it."""

    start: dt.date
    end: dt.date
    notice_by: dt.date


def periods(t: ContractTerms) -> Iterator[Period]:
    """The minimum term, then (with automatic renewal) the renewals, without end."""
    begin, months = t.start, t.minimum_term_months
    while True:
        following = add_months(begin, months)
        end = following - dt.timedelta(days=1)
        yield Period(begin, end, add_months(following, -t.notice_months) - dt.timedelta(days=1))
        if not t.auto_renewal:
            return
        begin, months = following, t.renewal_months


@dataclass(frozen=True)
class Exit:
    """The earliest end of a contract seen from ``today``."""

    end: dt.date  # last day the contract binds
    notice_by: dt.date | None  # last day to give notice (None: ends without notice / already given)
    reason: str  # German sentence


def earliest_exit(t: ContractTerms, today: dt.date) -> Exit:
    """The earliest day the contract can end if notice is given from ``today`` on."""
    if t.terminated_to is not None:
        return Exit(t.terminated_to, None, f"Gekündigt zum {format_date(t.terminated_to)}.")
    if not t.auto_renewal:
        end = t.minimum_end
        verb = "endete" if end < today else "endet"
        return Exit(end, None, f"Keine automatische Verlängerung: der Vertrag {verb} am {format_date(end)}.")
    for period in periods(t):
        if period.notice_by >= today:
            return Exit(
                period.end,
                period.notice_by,
                f"Kündigung bis {format_date(period.notice_by)} ({t.notice_months} Monate vor Ende "
                f"der Laufzeit) beendet den Vertrag am {format_date(period.end)}; danach verlängert er "
                f"sich um jeweils {t.renewal_months} Monate.",
            )
    raise AssertionError("unreachable: renewals never end")  # pragma: no cover


def cost_between(t: ContractTerms, first: dt.date, last: dt.date) -> float:
    """Cost of the days ``first``…``last`` (inclusive) at the prices in force, prorated by day."""
    total = 0.0
    day = first
    while day <= last:
        year_end = dt.date(day.year, 12, 31)
        changes = [p.valid_from for p in t.prices if day < p.valid_from <= min(last, year_end)]
        stop = min([last, year_end] + [c - dt.timedelta(days=1) for c in changes])
        days_in_year = 366 if calendar.isleap(day.year) else 365
        total += t.price_on(day) * ((stop - day).days + 1) / days_in_year
        day = stop + dt.timedelta(days=1)
    return total


@dataclass(frozen=True)
class YearCost:
    """One calendar year of one contract (or a sum of contracts)."""

    year: int
    running: float  # cost if the contract keeps running (ends only where it must)
    bound: float  # cost that arises even if notice is given at the earliest moment
    reducible: float  # running − bound: what can still be saved in this year


def _running_end(t: ContractTerms, horizon_end: dt.date) -> dt.date:
    if t.terminated_to is not None:
        return min(t.terminated_to, horizon_end)
    if not t.auto_renewal:
        return min(t.minimum_end, horizon_end)
    return horizon_end


def year_costs(t: ContractTerms, years: Iterable[int], today: dt.date) -> tuple[YearCost, ...]:
    """Running, bound and reducible cost of each year (seen from ``today``)."""
    years = list(years)
    if not years:
        return ()
    horizon_end = dt.date(max(years), 12, 31)
    bound_end = earliest_exit(t, today).end
    running_end = _running_end(t, horizon_end)
    rows = []
    for year in years:
        first = max(t.start, dt.date(year, 1, 1))
        running = cost_between(t, first, min(running_end, dt.date(year, 12, 31)))
        bound = cost_between(t, first, min(bound_end, running_end, dt.date(year, 12, 31)))
        rows.append(YearCost(year, round(running, 2), round(bound, 2), round(running - bound, 2)))
    return tuple(rows)


def totals_by_year(contracts: Iterable[ContractTerms], years: Iterable[int], today: dt.date):
    """Sum of :func:`year_costs` over several contracts, per year."""
    years = list(years)
    sums = {y: [0.0, 0.0, 0.0] for y in years}
    for terms in contracts:
        for row in year_costs(terms, years, today):
            sums[row.year][0] += row.running
            sums[row.year][1] += row.bound
            sums[row.year][2] += row.reducible
    return tuple(YearCost(y, round(r, 2), round(b, 2), round(x, 2)) for y, (r, b, x) in sums.items())


def double_fees(t: ContractTerms, people_with_two_devices: int) -> float:
    """Annual per-device fee paid twice for people with two devices (0 for other bases).

    Never more than the contract's latest annual cost (the second device cannot cost more than
    the whole contract).
    """
    if people_with_two_devices < 0:
        raise EconomicsError(
            "Die Zahl der Beschäftigten mit zwei Geräten darf nicht negativ sein.",
            field="people_with_two_devices",
        )
    if t.basis != "per_device":
        return 0.0
    latest = t.prices[-1].annual_cost if t.prices else 0.0
    return round(min(float(t.unit_price) * people_with_two_devices, latest), 2)


def double_fee_sentence(t: ContractTerms, people: int) -> str:
    return (
        f"{people} Beschäftigte mit zwei Geräten × {format_eur(t.unit_price)} je Gerät und Jahr = "
        f"{format_eur(double_fees(t, people))} doppelte Gebühr je Jahr."
    )
