"""The portfolio's section of a report snapshot and its open problems.

``collect`` reads only through the visibility rule (``for_audience`` / ``audience_measures``);
internal data never enters. The section is plain JSON: ``parameters`` (value, source, date),
``fields``, ``measures`` (status, progress, RAG, figures, NPV, Monte Carlo, milestones with their
forecast-change log, benefits, lines) and ``totals`` (portfolio totals, yearly balance, Monte
Carlo).
"""

from django.utils.translation import gettext as _

from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portfolio.choices import (
    BenefitCategory,
    BenefitStatus,
    LineCategory,
    LineGroup,
    LineKind,
    MeasureStatus,
    Rag,
)
from digitalbilanz.portfolio.models import FieldOfAction, ForecastChange
from digitalbilanz.portfolio.queries import audience_measures
from digitalbilanz.portfolio.summary import summarise
from digitalbilanz.registry.chapters import entry


def collect(context) -> dict:
    """The portfolio section for the municipality, audience and reference date of ``context``."""
    municipality, audience, ref = context["municipality"], context["audience"], context["reference_date"]
    params = ParameterSet.for_municipality(municipality)
    measures = list(audience_measures(municipality, audience))
    summary = summarise(measures, params, today=ref, draws=context.get("draws"))
    section = {
        "parameters": _parameters(params),
        "fields": _fields(municipality, audience),
        "measures": _measures(summary, ref),
        "totals": _totals(summary),
    }
    _attach_forecast_reasons(section["measures"])
    return section


def _iso(day):
    return day.isoformat() if day else None


def _parameters(params):
    return [
        {
            "key": p.key,
            "label": p.title,
            "value": float(p.value),
            "source": p.cited_source,
            "as_of": _iso(p.as_of),
            "note": p.note,
            "is_default": p.is_default,
        }
        for p in params  # registration order: core first, then each app
    ]


def _fields(municipality, audience):
    return [
        {"id": f.pk, "code": f.code, "title": f.title, "description": f.description}
        for f in FieldOfAction.objects.for_audience(municipality, audience)
    ]


def _measures(summary, ref):
    mc = summary.monte_carlo.per_measure if summary.monte_carlo else {}
    fte = summary.params.hours_per_fte
    return [_measure(row, mc.get(row.measure.code), fte, ref) for row in summary.rows]


def _measure(row, sim, hours_per_fte, ref):
    m, fig = row.measure, row.figures
    a = fig.appraisal
    return {
        "id": m.pk,
        "code": m.code,
        "title": m.title,
        "description": m.description,
        "status": m.status,
        "status_label": str(MeasureStatus(m.status).label),
        "progress": m.effective_progress,
        "rag": row.rag,
        "rag_label": str(Rag(row.rag).label),
        "fields": sorted(f.pk for f in m.fields_of_action.all()),
        "lead": m.lead_department.name if m.lead_department else "",
        "start_date": _iso(m.start_date),
        "end_date": _iso(m.end_date),
        "assumptions": m.assumptions,
        "lacks_benefit": m.lacks_benefit,
        "error": fig.error,
        "investment": round(fig.investment, 2),
        "running_costs": round(fig.running_costs, 2),
        "cash_savings": round(fig.cash_savings, 2),
        "work_hours": round(fig.work_hours, 1),
        "fte_peak": round(fig.work_hours_peak / hours_per_fte, 2) if hours_per_fte else 0.0,
        "total_cost": round(fig.total_cost, 2),
        "npv_kn": round(a.npv_kn, 2) if a else None,
        "npv_kn_h": round(a.npv_kn_h, 2) if a else None,
        "npv_kn_nh": round(a.npv_kn_nh, 2) if a else None,
        "payback_year": a.payback_year if a else None,
        "notice": fig.notice,
        "folded_notice": fig.folded_notice,
        "benefit_cost_ratio": round(a.benefit_cost_ratio, 3) if a and a.benefit_cost_ratio else None,
        "mc": _simulation(sim),
        "milestones": [_milestone(ms, ref) for ms in m.milestones.all()],
        "benefits": [_benefit(b, ref) for b in m.benefits.all()],
        "lines": [_line(line) for line in m.lines.all()],
    }


def _simulation(sim):
    if sim is None:
        return None
    p = sim.npv_percentiles
    return {
        "p5": round(p.get(5, 0.0), 2),
        "p50": round(p.get(50, 0.0), 2),
        "p95": round(p.get(95, 0.0), 2),
        "payback_probability": round(sim.payback_probability, 4),
    }


def _milestone(ms, ref):
    return {
        "id": ms.pk,
        "title": ms.title,
        "baseline": _iso(ms.baseline_date),
        "forecast": _iso(ms.forecast_date),
        "actual": _iso(ms.actual_date),
        "slip_days": ms.delay_days(ref),  # an open milestone past its forecast: as of the key date
        "overdue": ms.is_overdue(ref),
        "changes": [],
    }


def _benefit(b, ref):
    latest = b.latest_measurement
    return {
        "id": b.pk,
        "number": b.number,
        "category": str(BenefitCategory(b.category).label),
        "description": b.description,
        "kpi": b.kpi,
        "unit": b.unit,
        "baseline": float(b.baseline_value),
        "target": float(b.target_value),
        "target_date": _iso(b.target_date),
        "latest": float(latest.value) if latest else None,
        "latest_date": _iso(latest.measured_on) if latest else None,
        "status": str(BenefitStatus(b.status(ref)).label),
    }


def _line(line):
    return {
        "year": line.year,
        "kind": str(LineKind(line.kind).label),
        "group": str(LineGroup(line.group).label),
        "category": str(LineCategory(line.category).label),
        "budget_relevant": line.budget_relevant,
        "label": line.label,
        "amount": float(line.amount) if line.amount is not None else None,
        "hours": float(line.hours) if line.hours is not None else None,
        "career_level": line.career_level,
        "low": float(line.low) if line.low is not None else None,
        "high": float(line.high) if line.high is not None else None,
        "risk_surcharge": float(line.risk_surcharge),
        "note": line.note,
    }


def _totals(summary):
    mc = summary.monte_carlo
    sim = None
    if mc is not None:
        p = mc.portfolio.npv_percentiles
        sim = {
            "draws": mc.draws,
            "seed": mc.seed,
            "p5": round(p.get(5, 0.0), 2),
            "p50": round(p.get(50, 0.0), 2),
            "p95": round(p.get(95, 0.0), 2),
            "prob_nonnegative": round(mc.portfolio.npv_nonnegative_probability, 4),
        }
    return {
        "investment": round(summary.investment, 2),
        "running_costs": round(summary.running_costs, 2),
        "cash_savings": round(summary.cash_savings, 2),
        "work_hours": round(summary.work_hours, 1),
        "work_hours_peak": round(summary.work_hours_peak, 1),
        "fte_peak": round(summary.fte_peak, 2),
        "npv_kn": round(summary.npv_kn, 2),
        "npv_kn_h": round(summary.npv_kn_h, 2),
        "npv_kn_nh": round(summary.npv_kn_nh, 2),
        "npv_kn_r": round(summary.npv_kn_r, 2),
        "by_status": [[str(label), count] for label, count in summary.by_status],
        "by_rag": summary.by_rag,
        "yearly": {str(year): round(v, 2) for year, v in sorted(summary.yearly.items())},
        "monte_carlo": sim,
        "excluded": [row.measure.code for row in summary.unappraisable],  # left out of every total
    }


def _attach_forecast_reasons(measures):
    by_id = {ms["id"]: ms for m in measures for ms in m["milestones"]}
    changes = ForecastChange.objects.filter(milestone_id__in=by_id).order_by("changed_at", "pk")
    for c in changes:
        by_id[c.milestone_id]["changes"].append(
            {
                "id": c.pk,
                "old": _iso(c.old_date),
                "new": _iso(c.new_date),
                "reason": c.reason,
                "at": c.changed_at.date().isoformat(),
            }
        )


def problems(section) -> list[dict]:
    """Open points that need an explicit confirmation before publishing."""
    out = []
    for m in section["measures"]:
        name = f"{m['code']} {m['title']}"
        if m["lacks_benefit"]:
            out.append(entry("no_benefit", _("%(m)s: Kosten ohne Nutzenaussage.") % {"m": name}, m["code"]))
        if m["error"]:
            text = _("%(m)s: nicht bewertbar: %(error)s Die Maßnahme ist in den Summen nicht enthalten.")
            out.append(entry("economics", text % {"m": name, "error": m["error"]}, m["code"]))
        for ms in m["milestones"]:
            if ms["forecast"] != ms["baseline"] and not ms["changes"] and not ms["actual"]:
                text = _("%(m)s: Prognose für „%(ms)s“ weicht ohne Begründung ab.") % {
                    "m": name,
                    "ms": ms["title"],
                }
                out.append(entry("forecast_without_reason", text, m["code"]))
    return out
