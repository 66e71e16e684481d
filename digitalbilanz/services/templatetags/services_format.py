"""Template filter of the services pages: a share (0.25) as German per cent (25,0 %)."""

from django import template

from digitalbilanz.german import de_number

register = template.Library()


@register.filter
def share(value, decimals=1):
    if value is None or value == "":
        return "–"
    return f"{de_number(float(value) * 100, int(decimals))}\u00a0%"  # no break before the sign
