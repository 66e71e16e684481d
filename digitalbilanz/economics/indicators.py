"""Indicators: derived values, limits and status (methods §9, committee finance report).

Plain ``Decimal`` arithmetic so that derived figures reproduce the council's figures exactly
(e.g. 251.6 M€ − 263.8 M€ = −12.2 M€; 251.6 / 350 = 71.9 %). Pure Python, no Django.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from .errors import EconomicsError

HUNDRED = Decimal("100")

OK, WARNING, CRITICAL, NONE = "ok", "warning", "critical", "none"


def ratio(numerator: Decimal, denominator: Decimal, percent: bool = True) -> Decimal:
    """numerator / denominator (× 100 for a percentage)."""
    if denominator == 0:
        raise EconomicsError("Der Nenner ist 0; ein Anteil kann nicht berechnet werden.")
    value = Decimal(numerator) / Decimal(denominator)
    return value * HUNDRED if percent else value


def difference(minuend: Decimal, subtrahend: Decimal) -> Decimal:
    return Decimal(minuend) - Decimal(subtrahend)


def utilisation(value: Decimal, limit: Decimal) -> Decimal:
    """Share of a ceiling in use, in per cent; a ceiling must be greater than 0."""
    if limit is None or Decimal(limit) <= 0:
        raise EconomicsError("Eine Obergrenze muss größer als 0 sein.")
    return Decimal(value) / Decimal(limit) * HUNDRED


def rounded(value: Decimal, decimals: int) -> Decimal:
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def value_on(series: Sequence[tuple[dt.date, Decimal]], day: dt.date):
    """The latest (date, value) on or before ``day`` (series sorted by date), or None."""
    found = None
    for date, value in series:
        if date <= day:
            found = (date, value)
        else:
            break
    return found


def one_year_earlier(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def prior_year(series: Sequence[tuple[dt.date, Decimal]], day: dt.date):
    """The observation one year before ``day``: the latest on or before that date."""
    return value_on(series, one_year_earlier(day))


def prior_period(series: Sequence[tuple[dt.date, Decimal]], day: dt.date):
    """The observation before the one on ``day``."""
    earlier = [(d, v) for d, v in series if d < day]
    return earlier[-1] if earlier else None


def status(
    value: Decimal | None,
    *,
    higher_is_better: bool,
    target: Decimal | None = None,
    limit: Decimal | None = None,
    warning: Decimal | None = None,
    critical: Decimal | None = None,
) -> str:
    """Status of a value: critical beyond the limit or the critical threshold, warning beyond
    the warning threshold or short of the target, otherwise ok; none without a value or any
    yardstick."""
    if value is None:
        return NONE
    worse = (lambda a, b: a < b) if higher_is_better else (lambda a, b: a > b)
    if limit is not None and worse(value, limit):
        return CRITICAL
    if critical is not None and worse(value, critical):
        return CRITICAL
    if warning is not None and worse(value, warning):
        return WARNING
    if target is not None and worse(value, target):
        return WARNING
    if target is None and limit is None and warning is None and critical is None:
        return NONE
    return OK
