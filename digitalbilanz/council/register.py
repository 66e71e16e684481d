"""What the council app contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.council import opendata, panels, public
from digitalbilanz.council.chapters import Council
from digitalbilanz.council.sources import paper_pages
from digitalbilanz.registry.chapters import register_chapter
from digitalbilanz.registry.dashboard import Panel, register_panel
from digitalbilanz.registry.measures import MeasurePanel, register_measure_panel
from digitalbilanz.registry.navigation import Entry, register_entry
from digitalbilanz.registry.portal import register_section
from digitalbilanz.registry.tables import register_table
from digitalbilanz.sources.links import register_linked_pages

# Open-data tables (files, catalogue, API)
register_table(opendata.PAPERS)
register_table(opendata.CONSULTATIONS)
register_table(opendata.MANDATES)

# Portal sections
register_section(public.SECTION)

# App navigation
register_entry(Entry("council", _("Rat"), "council:papers", 38))

# Dashboard panels
register_panel(
    Panel("council_mandates", "council/dashboard_mandates.html", panels.dashboard_panel, 45, "half")
)

# Measure page panels
register_measure_panel(MeasurePanel("council", "council/measure_panel.html", panels.measure_panel, 50))

# Report chapters
register_chapter(Council())

# Pages of council papers behind sources of the register
register_linked_pages("council.paper", paper_pages)
