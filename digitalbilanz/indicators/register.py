"""What the indicator app contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.indicators import dashboard, opendata, public
from digitalbilanz.indicators.chapters import DigitalIndicators
from digitalbilanz.registry.chapters import register_chapter
from digitalbilanz.registry.dashboard import Panel, register_panel
from digitalbilanz.registry.navigation import Entry, register_entry
from digitalbilanz.registry.portal import register_section
from digitalbilanz.registry.tables import register_table

# Open-data tables (files, catalogue, API)
register_table(opendata.INDICATORS)
register_table(opendata.OBSERVATIONS)
register_table(opendata.LIMITS)

# Portal sections
register_section(public.SECTION)

# App navigation
register_entry(Entry("indicators", _("Kennzahlen"), "indicator_board", 48))

# Dashboard panels
register_panel(
    Panel("indicators", "indicators/dashboard_indicators.html", dashboard.indicator_panel, 45, "half")
)

# Report chapters
register_chapter(DigitalIndicators())
