"""Template helpers of the indicator app."""

from django import template

from digitalbilanz.indicators.series import format_value

register = template.Library()


@register.filter
def indicator_value(value, indicator):
    """A value in the indicator's unit as the committee writes it (251,6 Mio. €, 71,9 %)."""
    return format_value(indicator, value)
