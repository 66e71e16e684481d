"""Pages of the budget app: overview (status, product groups, figures, assignments), the
comparison for the budget plan with its workbook, and the forms. Every request is one
transaction (ATOMIC_REQUESTS): nothing half-saves."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from digitalbilanz.core.forms import save_or_conflict
from digitalbilanz.core.history import history_entries
from digitalbilanz.core.permissions import can_edit, tenant_view
from digitalbilanz.core.visibility import levels_for
from digitalbilanz.finance import forms
from digitalbilanz.finance.comparison import (
    build_comparison,
    chosen_budget_year,
    comparison_context,
    default_budget_year,
)
from digitalbilanz.finance.models import BudgetAssignment, BudgetFigure, BudgetStatus, ProductGroup
from digitalbilanz.finance.workbook import comparison_workbook
from digitalbilanz.indicators.series import indicator_values

FORMS = {
    "produktgruppe": (ProductGroup, forms.ProductGroupForm, gettext_lazy("Produktgruppe")),
    "zahl": (BudgetFigure, forms.BudgetFigureForm, gettext_lazy("Haushaltszahl")),
    "zuordnung": (BudgetAssignment, forms.BudgetAssignmentForm, gettext_lazy("Zuordnung einer Maßnahme")),
    "stand": (BudgetStatus, forms.BudgetStatusForm, gettext_lazy("Stand des Haushalts")),
}


@tenant_view
def overview(request, municipality):
    levels = levels_for(request.user, municipality)
    context = {
        "municipality": municipality,
        "statuses": BudgetStatus.objects.for_municipality(municipality).with_levels(levels),
        "groups": ProductGroup.objects.for_municipality(municipality).with_levels(levels),
        "figures": BudgetFigure.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("product_group")
        .order_by("product_group__number", "-year", "kind", "plan", "line_number"),
        "assignments": BudgetAssignment.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("measure", "product_group"),
        "topics": [(_("Finanzen"), indicator_values(municipality, levels, "finance"))],
        "can_edit": can_edit(request.user, municipality),
    }
    return render(request, "finance/overview.html", context)


@tenant_view
def comparison(request, municipality):
    levels = levels_for(request.user, municipality)
    error = ""
    try:
        year = chosen_budget_year(request.GET.get("jahr"), municipality, levels)
    except ValidationError as exc:
        error, year = exc.messages[0], default_budget_year(municipality, levels)
    result = build_comparison(municipality, levels, year)
    context = {"municipality": municipality, "year_error": error, **comparison_context(result)}
    return render(request, "finance/comparison.html", context, status=400 if error else 200)


@tenant_view
def comparison_xlsx(request, municipality, year=None):
    levels = levels_for(request.user, municipality)
    try:
        year = chosen_budget_year(str(year) if year else request.GET.get("jahr"), municipality, levels)
    except ValidationError as exc:
        return HttpResponseBadRequest(exc.messages[0], content_type="text/plain; charset=utf-8")
    result = build_comparison(municipality, levels, year)
    response = HttpResponse(
        comparison_workbook(result),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="gegenueberstellung-{year}.xlsx"'
    return response


@tenant_view
def edit(request, municipality, kind, pk=None):
    if kind not in FORMS or not can_edit(request.user, municipality):
        raise Http404
    model, form_class, label = FORMS[kind]
    instance = get_object_or_404(model, municipality=municipality, pk=pk) if pk else None
    form = form_class(request.POST or None, instance=instance, municipality=municipality)
    url = f"/app/{municipality.slug}/haushalt/"
    if request.method == "POST" and form.is_valid() and (saved := save_or_conflict(form)):
        messages.success(request, _("„%(obj)s“ wurde gespeichert.") % {"obj": saved})
        return redirect(url)
    title = (_("%(label)s bearbeiten") if pk else _("%(label)s erfassen")) % {"label": label}
    context = {"municipality": municipality, "form": form, "title": title, "back_url": url}
    return render(request, "portfolio/form.html", context, status=400 if form.errors else 200)


@tenant_view
def history(request, municipality):
    """Changes of product groups, budget figures and budget status (deleted ones too)."""
    rows = []
    for model in (ProductGroup, BudgetFigure, BudgetStatus):
        rows += list(model.history.filter(municipality_id=municipality.pk).select_related("history_user"))
    return render(
        request,
        "finance/history.html",
        {
            "municipality": municipality,
            "record_label": _("Haushalt"),
            "back_url": reverse("budget_overview", args=[municipality.slug]),
            "intro": _(
                "Alle Änderungen an Produktgruppen, Haushaltszahlen und dem Stand der Haushalte, "
                "die Sie lesen dürfen."
            ),
            "entries": history_entries(rows, levels_for(request.user, municipality)),
        },
    )
