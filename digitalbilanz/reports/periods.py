"""Report periods: a year and a half-year, written "2023-H2"."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PATTERN = re.compile(r"^(\d{4})-H([12])$")


def parse_period(period: str) -> tuple[int, int]:
    match = PATTERN.match(period or "")
    if not match:
        raise ValidationError(
            _("„%(value)s“ ist kein Berichtszeitraum. Erwartet wird z. B. 2023-H2.") % {"value": period}
        )
    year, half = int(match.group(1)), int(match.group(2))
    if not 2000 <= year <= 2100:
        raise ValidationError(_("Das Jahr des Berichtszeitraums ist unplausibel."))
    return year, half


def validate_period(period: str) -> None:
    parse_period(period)


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    year, half = parse_period(period)
    if half == 1:
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    return dt.date(year, 7, 1), dt.date(year, 12, 31)


def period_label(period: str) -> str:
    try:
        year, half = parse_period(period)
    except ValidationError:
        return period
    return _("%(half)s. Halbjahr %(year)s") % {"half": half, "year": year}


def reference_date(period: str, today: dt.date | None = None) -> dt.date:
    """The report's key date (Stichtag): the end of the period, or today if that is earlier."""
    today = today or dt.date.today()
    return min(period_bounds(period)[1], today)
