"""The portfolio's panels of the app's dashboard (registered in ``portfolio/register.py``).

All panels read one portfolio summary, computed once per page (``Dashboard.once``).
"""

from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.permissions import can_edit_any
from digitalbilanz.portfolio import charts
from digitalbilanz.portfolio.queries import visible_measures
from digitalbilanz.portfolio.summary import summarise


def template(key: str) -> str:
    return f"portfolio/dashboard/{key}.html"


def summary(dashboard):
    def compute():
        params = ParameterSet.for_municipality(dashboard.municipality)
        return summarise(visible_measures(dashboard.user, dashboard.municipality), params)

    return dashboard.once("portfolio.summary", compute)


def balance_panel(dashboard):
    result = summary(dashboard)
    if not result.yearly:
        return None
    chart = charts.balance_chart(result.yearly, title="Jährlicher Saldo des Portfolios")
    return {"summary": result, "yearly_chart": chart}


def summary_panel(dashboard):
    """Context of the panels that show a part of the summary (figures, status, benefits, slips)."""
    return {"summary": summary(dashboard)}


def figures_panel(dashboard):
    """The key figures; on an empty portfolio a sentence and the way to the first measure."""
    result = summary(dashboard)
    return {
        "summary": result,
        "empty": not result.rows,
        "can_edit": can_edit_any(dashboard.user, dashboard.municipality),
    }
