"""What the budget app contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.finance import dashboard, opendata, public
from digitalbilanz.finance.chapters import Budget, BudgetPlan, FinanceStatus
from digitalbilanz.registry.chapters import register_chapter
from digitalbilanz.registry.dashboard import Panel, register_panel
from digitalbilanz.registry.navigation import Entry, register_entry
from digitalbilanz.registry.portal import register_section
from digitalbilanz.registry.tables import register_table

# Open-data tables (files, catalogue, API)
register_table(opendata.BUDGET)
register_table(opendata.BUDGET_STATUS)
register_table(opendata.BUDGET_ASSIGNMENTS)

# Portal sections
register_section(public.SECTION)

# App navigation
register_entry(Entry("budget", _("Haushalt"), "budget_overview", 47))

# Dashboard panels
register_panel(Panel("budget", "finance/dashboard_budget.html", dashboard.budget_panel, 40, "half"))

# Report chapters
register_chapter(Budget())
register_chapter(BudgetPlan())
register_chapter(FinanceStatus())
