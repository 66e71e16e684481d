"""Overview, strategy tree and budget pages of the public portal."""

from collections import Counter

from django.conf import settings

from digitalbilanz.finance.models import BudgetFigure
from digitalbilanz.portal.views.common import AUDIENCE, page, portal_view
from digitalbilanz.portfolio import charts
from digitalbilanz.portfolio.appraisal import ParameterSet
from digitalbilanz.portfolio.choices import MeasureStatus
from digitalbilanz.portfolio.models import FieldOfAction, Strategy
from digitalbilanz.portfolio.queries import audience_measures
from digitalbilanz.portfolio.summary import summarise

OVERVIEW_DRAWS = 500


@portal_view
def overview(request, municipality):
    params = ParameterSet.for_municipality(municipality)
    draws = min(OVERVIEW_DRAWS, settings.DIGITALBILANZ_MC_DRAWS)
    summary = summarise(audience_measures(municipality, AUDIENCE), params, draws=draws)
    fields = list(FieldOfAction.objects.for_audience(municipality, AUDIENCE))
    context = {
        "summary": summary,
        "yearly_chart": charts.balance_chart(summary.yearly, title="Jährlicher Saldo aller Maßnahmen"),
        "field_rows": _status_by_field(summary.rows, fields),
        "statuses": MeasureStatus.choices,
        "status_chart": status_chart(summary.by_status),
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


def status_chart(by_status):
    """Horizontal bars: number of measures per status (the table beside it has the same data)."""
    from django.utils.html import escape

    from digitalbilanz.portfolio.charts import _svg

    top = max((count for _, count in by_status), default=0) or 1
    parts, row_h = [], 30
    for i, (label, count) in enumerate(by_status):
        y = 10 + i * row_h
        width = count / top * 380
        parts.append(
            f'<text x="180" y="{y + 18}" font-size="13" text-anchor="end" fill="#222">{escape(label)}</text>'
        )
        parts.append(f'<rect x="190" y="{y + 4}" width="{max(width, 1):.1f}" height="20" fill="#0b4f8a"/>')
        parts.append(f'<text x="{196 + width:.1f}" y="{y + 18}" font-size="13" fill="#222">{count}</text>')
    desc = "; ".join(f"{label}: {count}" for label, count in by_status)
    return _svg("Maßnahmen nach Status", desc, "".join(parts), 20 + row_h * len(by_status))


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
