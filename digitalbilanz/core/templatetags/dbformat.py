"""German number formatting for templates and texts (1.234.567,89 €), independent of locale setup."""

from django import template
from django.utils.translation import gettext as _

from digitalbilanz.german import de_number, signed_days  # noqa: F401 - de_number used by other modules

register = template.Library()


@register.filter
def num(value, decimals=0):
    return de_number(value, int(decimals))


@register.filter
def qty(value, decimals=2):
    """A counted or measured quantity: whole numbers without decimals ("3.200", "100.000"),
    others with up to ``decimals`` places and no trailing zeros ("12,5")."""
    if value is None or value == "":
        return "–"
    text = de_number(value, int(decimals))
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


@register.filter
def eur(value, decimals=0):
    if value is None or value == "":
        return "–"
    return f"{de_number(value, int(decimals))} €"


@register.filter
def meur(value):
    """Millions of euros with one decimal: 19,0 Mio. €."""
    if value is None or value == "":
        return "–"
    return _("%(value)s Mio. €") % {"value": de_number(float(value) / 1_000_000, 1)}


@register.filter
def pct(value, decimals=1):
    if value is None or value == "":
        return "–"
    return f"{de_number(value, int(decimals))} %"


register.filter("signed_days", signed_days)


@register.filter
def de_date(value):
    return value.strftime("%d.%m.%Y") if value else "–"


@register.filter
def de_datetime(value):
    """Date and local time, e.g. 01.12.2026, 14:05 Uhr."""
    if not value:
        return "–"
    from django.utils import timezone

    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return _("%(date)s, %(time)s Uhr") % {"date": local.strftime("%d.%m.%Y"), "time": local.strftime("%H:%M")}
