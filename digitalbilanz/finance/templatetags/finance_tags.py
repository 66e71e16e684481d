"""Template helpers of the budget app."""

from django import template

from digitalbilanz.core.templatetags.dbformat import eur, num

register = template.Library()


@register.simple_tag
def cell_value(cell, key):
    """One value of a comparison cell, formatted for its column (€, hours, FTE)."""
    value = getattr(cell, key)
    if key == "work_hours":
        return f"{num(value, 0)} Std."
    if key == "work_fte":
        return num(value, 2)
    return eur(value)
