"""The budget panel of the app's dashboard (registered in ``finance/register.py``)."""

from digitalbilanz.finance.models import BudgetFigure


def budget_panel(dashboard):
    figures = (
        BudgetFigure.objects.visible_to(dashboard.user, dashboard.municipality)
        .select_related("product_group")
        .order_by("-year")
    )
    return {"budget": figures}
