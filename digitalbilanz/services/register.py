"""What the services app contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.parameters import register_parameters
from digitalbilanz.registry.chapters import register_chapter
from digitalbilanz.registry.dashboard import Panel, register_panel
from digitalbilanz.registry.navigation import Entry, register_entry
from digitalbilanz.registry.portal import Section, register_section
from digitalbilanz.registry.tables import register_table
from digitalbilanz.services import dashboard, opendata, public
from digitalbilanz.services.chapters import OnlineServices
from digitalbilanz.services.parameters import TARGET_SHARE

# Open-data tables (files, catalogue, API)
register_table(opendata.SERVICES)
register_table(opendata.SERVICE_CASES)

# Portal sections
register_section(
    Section("services", _("Online-Dienste"), order=50, path="online-dienste/", view=public.services_page)
)

# App navigation
register_entry(Entry("services", _("Online-Dienste"), "service_list", 25))

# Dashboard panels
register_panel(Panel("services", "services/dashboard_services.html", dashboard.services_panel, 45, "half"))

# Report chapters
register_chapter(OnlineServices())

# Parameters
register_parameters(TARGET_SHARE)
