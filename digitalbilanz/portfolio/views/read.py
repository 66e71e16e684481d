"""Read views: dashboard, measure list and detail, strategies, history, parameters."""

import datetime as dt

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, render

from digitalbilanz.core.history import history_entries
from digitalbilanz.core.models import Membership, Municipality, OrgUnit
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.permissions import can_admin, can_edit, can_edit_any, tenant_view
from digitalbilanz.core.visibility import levels_for
from digitalbilanz.portfolio import charts
from digitalbilanz.portfolio.appraisal import criteria_scores, figures_for
from digitalbilanz.portfolio.choices import MeasureStatus, Rag
from digitalbilanz.portfolio.models import FieldOfAction, Strategy
from digitalbilanz.portfolio.queries import measure_history_rows, visible_measures
from digitalbilanz.portfolio.summary import summarise
from digitalbilanz.portfolio.views.common import visible_measure_or_404
from digitalbilanz.registry.dashboard import Dashboard, render_panels
from digitalbilanz.registry.measures import render_measure_panels


def home(request):
    """Start page: the municipalities of the user."""
    from django.shortcuts import redirect

    if not request.user.is_authenticated:
        # Visitors start at the public portals; staff log in from there.
        return render(request, "portfolio/welcome.html", {"towns": Municipality.objects.order_by("name")})
    memberships = Membership.objects.filter(user=request.user).select_related("municipality")
    if len(memberships) == 1:
        return redirect("dashboard", slug=memberships[0].municipality.slug)
    return render(request, "portfolio/home.html", {"memberships": memberships})


@tenant_view
def dashboard(request, municipality):
    """The registered panels in order (``registry.dashboard``): portfolio, budget, later modules."""
    panels = render_panels(Dashboard(request, municipality))
    return render(request, "portfolio/dashboard.html", {"municipality": municipality, "panels": panels})


def _filtered(request, municipality):
    measures = visible_measures(request.user, municipality)
    params = request.GET
    if params.get("q"):
        term = params["q"].strip()
        measures = measures.filter(
            Q(title__icontains=term) | Q(description__icontains=term) | Q(code__icontains=term)
        )
    if params.get("status") in MeasureStatus.values:
        measures = measures.filter(status=params["status"])
    if params.get("handlungsfeld", "").isdigit():
        measures = measures.filter(fields_of_action__pk=int(params["handlungsfeld"]))
    if params.get("fb", "").isdigit():
        measures = measures.filter(lead_department__pk=int(params["fb"]))
    return measures.distinct()


@tenant_view
def measure_list(request, municipality):
    params = ParameterSet.for_municipality(municipality)
    summary = summarise(_filtered(request, municipality), params, monte_carlo=False)
    rows = summary.rows
    rag = request.GET.get("ampel")
    if rag in Rag.values:
        rows = [row for row in rows if row.rag == rag]
    if request.GET.get("ohne_nutzen") == "1":
        rows = [row for row in rows if row.measure.lacks_benefit]
    page = Paginator(rows, 50).get_page(request.GET.get("seite"))
    context = {
        "municipality": municipality,
        "page": page,
        "rows": page.object_list,
        "statuses": MeasureStatus.choices,
        "rags": Rag.choices,
        "fields": FieldOfAction.objects.visible_to(request.user, municipality),
        "units": OrgUnit.objects.filter(municipality=municipality),
        "filters": request.GET,
        "can_edit": can_edit_any(request.user, municipality),
        "querystring": _querystring(request),
    }
    return render(request, "portfolio/measure_list.html", context)


def _querystring(request):
    query = request.GET.copy()
    query.pop("seite", None)
    return query.urlencode()


@tenant_view
def measure_detail(request, municipality, pk):
    measure = visible_measure_or_404(request, municipality, pk)
    params = ParameterSet.for_municipality(municipality)
    figures = figures_for(measure, params)
    yearly = {row.year: row.balance for row in figures.appraisal.yearly} if figures.appraisal else {}
    context = {
        "municipality": municipality,
        "measure": measure,
        "figures": figures,
        "rag": measure.rag(figures.total_cost),
        "today": dt.date.today(),
        "chart": charts.balance_chart(yearly, title=f"Jährlicher Saldo: {measure.title}"),
        "timeline": charts.milestone_timeline(measure.milestones.all()),
        "can_edit": can_edit(request.user, municipality, measure.lead_department),
        "criteria": criteria_scores(measure),
        "simulation": _simulation(measure, params),
        "lines": sorted(measure.lines.all(), key=lambda line: (line.year, line.kind != "cost", line.pk)),
        "panels": render_measure_panels(
            request, municipality, measure, levels_for(request.user, municipality), public=False
        ),
    }
    return render(request, "portfolio/measure_detail.html", context)


def _simulation(measure, params):
    """Monte Carlo range of this measure's NPV (None without lines or on invalid input)."""
    from digitalbilanz import economics as eco
    from digitalbilanz.portfolio.appraisal import eco_inputs
    from digitalbilanz.portfolio.summary import MC_SEED

    lines, parameters = eco_inputs([measure], params)
    if not lines:
        return None
    try:
        result = eco.monte_carlo(lines, parameters, draws=settings.DIGITALBILANZ_MC_DRAWS, seed=MC_SEED)
    except eco.EconomicsError:
        return None
    simulation = result.per_measure[measure.code]
    return {
        "p5": simulation.npv_percentiles[5],
        "p50": simulation.npv_percentiles[50],
        "p95": simulation.npv_percentiles[95],
        "draws": result.draws,
        "payback_pct": simulation.payback_probability * 100,
    }


@tenant_view
def measure_history(request, municipality, pk):
    measure = visible_measure_or_404(request, municipality, pk)
    entries = history_entries(measure_history_rows(measure), levels_for(request.user, municipality))
    return render(
        request,
        "portfolio/history.html",
        {
            "municipality": municipality,
            "measure": measure,
            "entries": entries,
        },
    )


@tenant_view
def strategy_list(request, municipality):
    strategies = (
        Strategy.objects.visible_to(request.user, municipality)
        .select_related("parent")
        .prefetch_related("revisions")
    )
    fields = FieldOfAction.objects.visible_to(request.user, municipality).select_related("strategy")
    return render(
        request,
        "portfolio/strategy_list.html",
        {
            "municipality": municipality,
            "strategies": strategies,
            "fields": fields,
            "can_edit": can_edit(request.user, municipality),
        },
    )


@tenant_view
def strategy_detail(request, municipality, pk):
    strategy = get_object_or_404(
        Strategy.objects.visible_to(request.user, municipality).prefetch_related("revisions"), pk=pk
    )
    fields = FieldOfAction.objects.visible_to(request.user, municipality).filter(strategy=strategy)
    return render(
        request,
        "portfolio/strategy_detail.html",
        {
            "municipality": municipality,
            "strategy": strategy,
            "fields": fields,
            "can_edit": can_edit(request.user, municipality),
        },
    )


@tenant_view
def parameter_list(request, municipality):
    return render(
        request,
        "portfolio/parameters.html",
        {
            "municipality": municipality,
            "parameters": ParameterSet.for_municipality(municipality),
            "can_admin": can_admin(request.user, municipality),
        },
    )
