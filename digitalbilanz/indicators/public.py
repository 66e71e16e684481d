"""The public indicator page of the portal (public indicators and values only)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.indicators.series import indicator_values
from digitalbilanz.indicators.views import board_context
from digitalbilanz.registry.portal import Page, Section


def indicators(request, municipality):
    return Page(
        "indicators/public_board.html",
        board_context(indicator_values(municipality, levels_for_audience("public"))),
    )


SECTION = Section("indicators", _("Kennzahlen"), order=64, path="kennzahlen/", view=indicators)
