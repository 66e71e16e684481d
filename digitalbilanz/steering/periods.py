"""Report periods of the rating: half-years, written „2026-H2“."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PATTERN = re.compile(r"^(\d{4})-H([12])$")


def period_of(day: dt.date) -> str:
    return f"{day.year}-H{1 if day.month <= 6 else 2}"


def bounds(period: str) -> tuple[dt.date, dt.date]:
    match = PATTERN.match(period or "")
    if not match:
        raise ValidationError(_("Berichtszeitraum bitte als Jahr und Halbjahr angeben, z. B. 2026-H2."))
    year, half = int(match[1]), int(match[2])
    return (
        (dt.date(year, 1, 1), dt.date(year, 6, 30))
        if half == 1
        else (dt.date(year, 7, 1), dt.date(year, 12, 31))
    )


def label(period: str) -> str:
    match = PATTERN.match(period or "")
    if not match:
        return period
    return _("%(h)s. Halbjahr %(y)s") % {"h": match[2], "y": match[1]}


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)
