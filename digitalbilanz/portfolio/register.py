"""What the portfolio contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.parameters import register_parameters
from digitalbilanz.core.permissions import can_admin
from digitalbilanz.portfolio import dashboard, opendata
from digitalbilanz.portfolio.chapters.economics import Economics
from digitalbilanz.portfolio.chapters.fields import Fields
from digitalbilanz.portfolio.chapters.summary import Summary
from digitalbilanz.portfolio.parameters import PORTFOLIO_PARAMETERS
from digitalbilanz.portfolio.parameters_table import PARAMETERS
from digitalbilanz.registry.chapters import register_chapter
from digitalbilanz.registry.dashboard import Panel, register_panel
from digitalbilanz.registry.navigation import Entry, register_entry
from digitalbilanz.registry.tables import register_table

# Open-data tables (files, catalogue, API)
register_table(opendata.MEASURES)
register_table(opendata.LINES)
register_table(opendata.MILESTONES)
register_table(opendata.BENEFITS)
register_table(opendata.FIGURES)
register_table(opendata.STRATEGIES)
register_table(opendata.FIELDS_OF_ACTION)
register_table(PARAMETERS)

# App navigation
register_entry(Entry("dashboard", _("Übersicht"), "dashboard", 10))
register_entry(Entry("measures", _("Maßnahmen"), "measure_list", 20))
register_entry(Entry("strategy", _("Strategie"), "strategy_list", 30))
register_entry(Entry("parameters", _("Parameter"), "parameter_list", 40))
register_entry(Entry("municipality", _("Kommune"), "municipality_edit", 95, visible=can_admin))

# Dashboard panels
register_panel(Panel("figures", dashboard.template("figures"), dashboard.figures_panel, 10))
register_panel(Panel("balance", dashboard.template("balance"), dashboard.balance_panel, 20))
register_panel(Panel("status", dashboard.template("status"), dashboard.summary_panel, 30, "half"))
register_panel(Panel("lacking_benefit", dashboard.template("lacking_benefit"), dashboard.summary_panel, 50))
register_panel(Panel("benefits", dashboard.template("benefits"), dashboard.summary_panel, 60))
register_panel(Panel("slipped", dashboard.template("slipped"), dashboard.summary_panel, 70))

# Report chapters
register_chapter(Summary())
register_chapter(Fields())
register_chapter(Economics())

# Parameters
register_parameters(*PORTFOLIO_PARAMETERS)
