"""Overview, strategy tree and budget pages of the public portal."""

from collections import Counter

from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.finance.models import BudgetFigure
from digitalbilanz.portal.views.common import AUDIENCE, page, portal_view
from digitalbilanz.portfolio import charts
from digitalbilanz.portfolio.choices import MeasureStatus
from digitalbilanz.portfolio.models import FieldOfAction, Strategy
from digitalbilanz.portfolio.queries import audience_measures
from digitalbilanz.portfolio.summary import public_mc_draws, summarise


@portal_view
def overview(request, municipality):
    params = ParameterSet.for_municipality(municipality)
    summary = summarise(audience_measures(municipality, AUDIENCE), params, draws=public_mc_draws())
    fields = list(FieldOfAction.objects.for_audience(municipality, AUDIENCE))
    context = {
        "summary": summary,
        "yearly_chart": charts.balance_chart(summary.yearly, title="Jährlicher Saldo aller Maßnahmen"),
        "field_rows": _status_by_field(summary.rows, fields),
        "statuses": MeasureStatus.choices,
        "status_chart": charts.status_chart(summary.by_status),
    }
    return page(request, municipality, "overview.html", context, section="overview")


def _status_by_field(rows, fields):
    result = []
    for field in fields:
        counts = Counter(row.measure.status for row in rows if field in row.measure.fields_of_action.all())
        result.append(
            {
                "field": field,
                "counts": [counts.get(value, 0) for value, _ in MeasureStatus.choices],
                "total": sum(counts.values()),
            }
        )
    return result


@portal_view
def strategy(request, municipality):
    strategies = list(Strategy.objects.for_audience(municipality, AUDIENCE).prefetch_related("revisions"))
    fields = list(FieldOfAction.objects.for_audience(municipality, AUDIENCE))
    ids = {s.pk for s in strategies}
    tree = [_node(s, strategies, fields) for s in strategies if s.parent_id not in ids]
    loose = [f for f in fields if f.strategy_id not in ids]
    return page(request, municipality, "strategy.html", {"tree": tree, "loose": loose}, section="strategy")


def _node(strategy, strategies, fields):
    return {
        "strategy": strategy,
        "fields": [f for f in fields if f.strategy_id == strategy.pk],
        "children": [_node(s, strategies, fields) for s in strategies if s.parent_id == strategy.pk],
    }


@portal_view
def budget(request, municipality):
    figures = (
        BudgetFigure.objects.for_audience(municipality, AUDIENCE)
        .select_related("product_group")
        .order_by("product_group__number", "-year", "kind")
    )
    return page(request, municipality, "budget.html", {"figures": figures}, section="budget")
