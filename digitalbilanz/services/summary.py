"""What the portal, the report and the dashboard show of the services: one collection per
audience, computed from the visible services only (no database access after it returns)."""

from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.services import costs
from digitalbilanz.services.models import Service


def collect(services, municipality, until_year: int | None = None) -> dict:
    """Plain, JSON-ready figures per service plus totals (latest year with case numbers, not
    after ``until_year``)."""
    services = list(services.select_related("department").prefetch_related("activities", "channel_costs"))
    params = ParameterSet.for_municipality(municipality)
    evaluated = costs.evaluate(services, params, until_year=until_year)
    ranks = {row.key: (row.rank, row.priority) for row in costs.ranking(evaluated).rows}
    previous = {}
    process_params, targets = costs.parameters(params), costs.target_shares(params)
    for service in services:
        item = evaluated[service.pk]
        if item["year"] is not None and item["year"] - 1 in item["years"]:
            previous[service.pk] = costs.evaluate_year(
                service, item["years"], item["year"] - 1, process_params, targets
            )
    rows = []
    for service in services:
        item = evaluated[service.pk]
        result = item.get("result")
        before = previous.get(service.pk, {}).get("result")
        rows.append(
            {
                "ozg_id": service.ozg_id,
                "name": service.name,
                "department": service.department.code if service.department else "",
                "wave": service.wave,
                "wave_due": service.wave_due.isoformat() if service.wave_due else None,
                "solution": service.solution,
                "solution_label": str(service.get_solution_display()),
                "status": service.status,
                "status_label": str(service.get_status_display()),
                "maturity_model": service.maturity_model,
                "maturity_level": service.maturity_level,
                "maturity_label": service.maturity_label,
                "missing": [str(label) for label in service.missing_preconditions],
                "year": item["year"],
                "trend": [[y, s] for y, s in costs.online_share_trend(item["years"])],
                "cases": result.total_cases if result else 0,
                "online_share": result.online_share if result else None,
                "total_cost": result.total_cost if result else 0,
                "duplicate_cost": _duplicate(result),
                "duplicate_cost_previous": _duplicate(before) if before else None,
                "hours_freed": result.hours_freed if result else 0,
                "net_effect": result.net_effect if result else 0,
                "break_even": result.break_even.share if result else None,
                "break_even_reason": result.break_even.reason if result else item.get("error", ""),
                "rank": ranks.get(service.ozg_id, (None, 0))[0],
                "priority": ranks.get(service.ozg_id, (None, 0))[1],
            }
        )
    cases = sum(r["cases"] for r in rows)
    online = sum(r["cases"] * (r["online_share"] or 0) for r in rows)
    return {
        "services": rows,
        "totals": {
            "count": len(rows),
            "online": sum(1 for r in rows if r["status"] == "online"),
            "end_to_end": sum(1 for r in rows if not r["missing"]),
            "cases": cases,
            "online_share": online / cases if cases else None,
            "duplicate_cost": sum(r["duplicate_cost"] for r in rows),
            "hours_freed": sum(r["hours_freed"] for r in rows),
        },
    }


def _duplicate(result) -> float:
    """Cost of running both ways: all channels' cost where cases come online *and* analog."""
    if result is None or result.online_share is None or not 0 < result.online_share < 1:
        return 0.0
    return result.total_cost


def public_services(municipality):
    return Service.objects.for_audience(municipality, "public").order_by("ozg_id")
