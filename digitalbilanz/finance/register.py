"""What the budget app contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from digitalbilanz.finance import dashboard, opendata
from digitalbilanz.finance.chapters import Budget
from digitalbilanz.registry.chapters import register_chapter
from digitalbilanz.registry.dashboard import Panel, register_panel
from digitalbilanz.registry.tables import register_table

# Open-data tables (files, catalogue, API)
register_table(opendata.BUDGET)

# Dashboard panels
register_panel(Panel("budget", "finance/dashboard_budget.html", dashboard.budget_panel, 40, "half"))

# Report chapters
register_chapter(Budget())
