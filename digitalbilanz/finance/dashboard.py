"""The budget panel of the app's dashboard (registered in ``finance/register.py``)."""

from digitalbilanz.finance.models import BudgetFigure, BudgetStatus


def budget_panel(dashboard):
    figures = (
        BudgetFigure.objects.visible_to(dashboard.user, dashboard.municipality)
        .select_related("product_group")
        .order_by("-year")
    )
    statuses = BudgetStatus.objects.visible_to(dashboard.user, dashboard.municipality).order_by("-year")[:2]
    return {"budget": figures, "statuses": statuses}
