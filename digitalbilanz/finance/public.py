"""The public finance page of the portal: status of the budgets, the finance indicators and the
comparison for the budget plan (public records only), and its workbook."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.finance.comparison import (
    build_comparison,
    chosen_budget_year,
    comparison_context,
    default_budget_year,
)
from digitalbilanz.finance.models import BudgetStatus
from digitalbilanz.finance.workbook import comparison_workbook
from digitalbilanz.indicators.series import indicator_values
from digitalbilanz.registry.portal import Page, Route, Section

AUDIENCE = "public"


def finances(request, municipality, year=None):
    levels = levels_for_audience(AUDIENCE)
    error = ""
    try:
        year = chosen_budget_year(str(year) if year else request.GET.get("jahr"), municipality, levels)
    except ValidationError as exc:
        error, year = exc.messages[0], default_budget_year(municipality, levels)
    result = build_comparison(municipality, levels, year)
    values = indicator_values(municipality, levels, "finance")
    context = {
        "statuses": BudgetStatus.objects.for_audience(municipality, AUDIENCE),
        "topics": [(_("Finanzen"), values)],
        "year_error": error,
        **comparison_context(result),
    }
    return Page("finance/public_finances.html", context, status=400 if error else 200)


def comparison_file(request, municipality, year=None):
    levels = levels_for_audience(AUDIENCE)
    try:
        year = chosen_budget_year(str(year) if year else request.GET.get("jahr"), municipality, levels)
    except ValidationError as exc:
        return HttpResponseBadRequest(exc.messages[0], content_type="text/plain; charset=utf-8")
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
        Route("finanzen/gegenueberstellung.xlsx", comparison_file, "finances_xlsx_chosen", cache=False),
        Route("finanzen/gegenueberstellung-<int:year>.xlsx", comparison_file, "finances_xlsx", cache=False),
    ),
)
