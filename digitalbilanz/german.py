"""German number formats (1.234.567,89; −3 Tage), free of any app: used by templates, reports
and the registry's block vocabulary alike."""

from decimal import Decimal

from django.utils.translation import gettext as _


def de_number(value, decimals: int = 0) -> str:
    """Format a number the German way: thousands with '.', decimals with ','."""
    if value is None or value == "":
        return "–"
    number = float(value) if not isinstance(value, Decimal) else value
    text = f"{number:,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if text.startswith("-"):
        text = "−" + text[1:]
    return text


def signed_days(value):
    if value is None:
        return "–"
    if value > 0:
        return _("+%(days)s Tage") % {"days": de_number(value)}
    if value < 0:
        return _("−%(days)s Tage") % {"days": de_number(-value)}
    return _("±0 Tage")
