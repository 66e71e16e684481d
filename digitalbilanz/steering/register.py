"""What the steering app contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.parameters import register_parameters
from digitalbilanz.registry.chapters import register_chapter
from digitalbilanz.registry.dashboard import Panel, register_panel
from digitalbilanz.registry.navigation import Entry, register_entry
from digitalbilanz.registry.portal import register_section
from digitalbilanz.registry.tables import register_table
from digitalbilanz.steering import dashboard, opendata, public
from digitalbilanz.steering.chapters import Steering
from digitalbilanz.steering.parameters import SPECS

# Open-data tables (files, catalogue, API)
register_table(opendata.RATINGS)
register_table(opendata.FOLLOW_UPS)
register_table(opendata.REBASELINES)
register_table(opendata.COST_REBASELINES)
register_table(opendata.BENEFIT_REBASELINES)
register_table(opendata.SUCCESS_CHECKS)
register_table(opendata.REVIEWS)

# Portal sections
register_section(public.SECTION)

# App navigation
register_entry(Entry("steering", _("Steuerung"), "steering:overview", 33))

# Dashboard panels
register_panel(Panel("steering", "steering/dashboard_panel.html", dashboard.steering_panel, 25, "full"))

# Report chapters
register_chapter(Steering())

# Parameters
register_parameters(*SPECS)
