"""What the workplaces app contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.parameters import register_parameters
from digitalbilanz.registry.chapters import register_chapter
from digitalbilanz.registry.dashboard import Panel, register_panel
from digitalbilanz.registry.derivations import register_recompute
from digitalbilanz.registry.navigation import Entry, register_entry
from digitalbilanz.registry.portal import register_section
from digitalbilanz.registry.tables import register_table
from digitalbilanz.workplaces import calc, dashboard, opendata, public
from digitalbilanz.workplaces.chapters import Workplaces
from digitalbilanz.workplaces.parameters import WORKPLACE_PARAMETERS

# Open-data tables (files, catalogue, API)
register_table(opendata.SNAPSHOTS)
register_table(opendata.SCENARIOS)

# Portal sections
register_section(public.SECTION)

# App navigation
register_entry(Entry("workplaces", _("Arbeitsplätze"), "workplaces:index", 35))

# Dashboard panels
register_panel(Panel("workplaces", "workplaces/dashboard_panel.html", dashboard.workplaces_panel, 45, "half"))

# Report chapters
register_chapter(Workplaces())

# Parameters
register_parameters(*WORKPLACE_PARAMETERS)

# Derived lines
register_recompute("workplaces", calc.recompute_municipality)
