"""The public finance page of the portal: status of the budgets, the finance indicators and the
comparison for the budget plan (public records only), and its workbook."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.finance.comparison import build_comparison, comparison_context, default_budget_year
from digitalbilanz.finance.models import BudgetStatus
from digitalbilanz.finance.workbook import comparison_workbook
from digitalbilanz.indicators.series import indicator_values
from digitalbilanz.registry.portal import Page, Route, Section

AUDIENCE = "public"


def finances(request, municipality, year=None):
    levels = levels_for_audience(AUDIENCE)
    year = year or default_budget_year(municipality, levels)
    if not 1990 <= year <= 2200:
        raise Http404
    result = build_comparison(municipality, levels, year)
    values = indicator_values(municipality, levels, "finance")
    context = {
        "statuses": BudgetStatus.objects.for_audience(municipality, AUDIENCE),
        "topics": [(_("Finanzen"), values)],
        **comparison_context(result),
    }
    return Page("finance/public_finances.html", context)


def comparison_file(request, municipality, year):
    if not 1990 <= year <= 2200:
        raise Http404
    result = build_comparison(municipality, levels_for_audience(AUDIENCE), year)
    response = HttpResponse(
        comparison_workbook(result),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="gegenueberstellung-{year}.xlsx"'
    return response


SECTION = Section(
    "finances",
    _("Finanzen"),
    order=62,
    path="finanzen/",
    view=finances,
    routes=(
        Route("finanzen/<int:year>/", finances, "finances_year"),
        Route("finanzen/gegenueberstellung-<int:year>.xlsx", comparison_file, "finances_xlsx", cache=False),
    ),
)
