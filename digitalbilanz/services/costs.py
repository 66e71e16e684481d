"""Bridge database → economics for the services: case numbers per year and channel, the
standard cost model per service (``economics.process_cost``) and the priority ranking.

Reads only what the caller passes in (services already filtered by the visibility rule).
"""

from collections import defaultdict

from django.db.models import Sum
from django.db.models.functions import ExtractYear

from digitalbilanz import economics as eco
from digitalbilanz.core.parameters import OVERHEAD, WAGE_KEYS, ParameterSet
from digitalbilanz.economics.model import CHANNELS, LEVELS
from digitalbilanz.services.choices import PeriodKind
from digitalbilanz.services.models import CaseCount
from digitalbilanz.services.parameters import TARGET_SHARES

FINEST_LAST = (PeriodKind.YEAR, PeriodKind.QUARTER, PeriodKind.MONTH)


def annual_cases(services) -> dict[int, dict[int, dict[str, float]]]:
    """{service id: {year: {channel: cases}}}, one database query.

    Per channel and year a yearly figure wins; without one the quarters are summed, else the
    months — a file may give the same year as months and as a total without counting it twice.
    """
    ids = [s.pk for s in services]
    rows = (
        CaseCount.objects.filter(service_id__in=ids)
        .annotate(y=ExtractYear("period_start"))
        .values("service_id", "y", "period_kind", "channel")
        .annotate(total=Sum("cases"))
    )
    found: dict = defaultdict(dict)
    for row in rows:
        found[(row["service_id"], row["y"], row["channel"])][row["period_kind"]] = row["total"]
    result: dict = defaultdict(lambda: defaultdict(lambda: dict.fromkeys(CHANNELS, 0.0)))
    for (service_id, year, channel), kinds in found.items():
        kind = next(k for k in FINEST_LAST if k in kinds)
        result[service_id][year][channel] = float(kinds[kind])
    return {sid: dict(years) for sid, years in result.items()}


def parameters(params: ParameterSet) -> eco.ProcessCostParameters:
    keys = [OVERHEAD] + [WAGE_KEYS[level] for level in LEVELS]
    sources = params.sources(keys)
    return eco.ProcessCostParameters(
        wage_rates={level: params.number(WAGE_KEYS[level]) for level in LEVELS},
        overhead=params.number(OVERHEAD) / 100,
        sources=sources,  # keys "overhead" and "wage_<level>", as the economics cites them
    )


def service_costs(service, cases: dict[str, float]) -> eco.ServiceCosts:
    """The economics input of one service (activities and channel costs prefetched or queried)."""
    channel_costs = list(service.channel_costs.all())
    return eco.ServiceCosts(
        key=service.ozg_id,
        label=service.name,
        cases=cases,
        activities=tuple(
            eco.Activity(a.channel, float(a.minutes), a.career_level, a.label)
            for a in service.activities.all()
        ),
        media_break_minutes=float(service.media_break_minutes),
        media_break_level=service.media_break_level,
        material_cost={c.channel: float(c.material_cost) for c in channel_costs},
        fixed_costs={c.channel: float(c.fixed_cost) for c in channel_costs},
        analog_fixed_change=float(service.analog_fixed_change),
        missing_preconditions=len(service.missing_preconditions),
    )


def target_shares(params: ParameterSet) -> tuple[float, ...]:
    share = params.number(TARGET_SHARES) / 100
    return tuple(sorted({share, 1.0}))


def latest_year(years: dict) -> int | None:
    return max(years) if years else None


def evaluate(
    services, params: ParameterSet, year: int | None = None, until_year: int | None = None
) -> dict[int, dict]:
    """Per service: {"year", "cases" (per channel), "result" (ProcessCost) or "error"}.

    ``year`` None: each service's latest year with case numbers (not after ``until_year``, e.g.
    the last full year before a report's reference date). A service without any gets the model
    with zero cases (no break-even, reason given).
    """
    services = list(services)
    cases = annual_cases(services)
    process_params = parameters(params)
    targets = target_shares(params)
    out = {}
    for service in services:
        years = cases.get(service.pk, {})
        if until_year is not None:
            years = {y: v for y, v in years.items() if y <= until_year}
        chosen = year if year is not None else latest_year(years)
        out[service.pk] = evaluate_year(service, years, chosen, process_params, targets)
    return out


def evaluate_year(service, years: dict, chosen, process_params, targets) -> dict:
    """One service in one year, from case numbers already read (see :func:`evaluate`)."""
    per_channel = years.get(chosen, dict.fromkeys(CHANNELS, 0.0))
    item = {"year": chosen, "cases": per_channel, "years": years}
    try:
        item["result"] = eco.process_cost(
            service_costs(service, per_channel), process_params, targets=targets
        )
    except eco.EconomicsError as exc:
        item["error"] = str(exc)
    return item


def ranking(evaluated: dict[int, dict]) -> eco.PriorityRanking:
    return eco.rank_services([item["result"] for item in evaluated.values() if "result" in item])


def online_share_trend(years: dict[int, dict[str, float]]) -> list[tuple[int, float | None]]:
    """(year, online share) for every year with cases, oldest first."""
    trend = []
    for year in sorted(years):
        total = sum(years[year].values())
        trend.append((year, years[year]["online"] / total if total else None))
    return trend
