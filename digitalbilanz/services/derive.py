"""The services' effect on the measure economics, through the derived-lines contract.

Per linked measure and per year with case numbers, the staff hours a service frees (hours
freed per career level, standard cost model) become hours lines — benefit if online cases save
time, cost if they take longer (media break) — non-cash (nh), marked as derived from the
service. The hours are valued at appraisal time like every other hours line. A service linked
to n measures gives each of them 1/n of its hours, so nothing is counted twice. After the last
year with case numbers the last year is carried forward to the end of the appraisal horizon
of the measure (start year + horizon − 1), labelled as such.
"""

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from digitalbilanz import economics as eco
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.visibility import stricter
from digitalbilanz.economics.model import CHANNELS, LEVEL_DE, LEVELS
from digitalbilanz.portfolio.derived import derived_lines_of, remove_derived_lines, replace_derived_lines
from digitalbilanz.portfolio.models import Measure
from digitalbilanz.services import costs

METHOD = "Standardkostenmodell, freigesetzte Arbeitszeit je Laufbahngruppe (Methoden §4, §5)"


def lines_for(
    service,
    years: dict,
    params: ParameterSet,
    share: Decimal,
    last_year: int | None,
    first_year: int | None = None,
) -> list[dict]:
    """The line dicts of one measure's share of ``service`` (see module doc); years before
    ``first_year`` (the measure's start) are left out."""
    process_params = costs.parameters(params)
    lines = []
    data_years = sorted(years)
    if not data_years:
        return lines
    plan = [(y, y) for y in data_years]
    if last_year is not None:
        plan += [(y, data_years[-1]) for y in range(data_years[-1] + 1, last_year + 1)]
    if first_year is not None:
        plan = [(y, source) for y, source in plan if y >= first_year]
    results = {}
    base = costs.service_costs(service, dict.fromkeys(CHANNELS, 0.0))  # activities read once
    for year, source_year in plan:
        if source_year not in results:
            cases = {c: years[source_year].get(c, 0.0) for c in CHANNELS}
            results[source_year] = eco.process_cost(replace(base, cases=cases), process_params)
        result = results[source_year]
        for level in LEVELS:
            hours = Decimal(str(result.hours_freed_by_level[level])) * share
            hours = hours.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            if hours == 0:
                continue
            benefit = hours > 0
            note = _("Online-Anteil %(share)s %%, %(n)s Fälle im Jahr %(year)s") % {
                "share": f"{(result.online_share or 0) * 100:.1f}".replace(".", ","),
                "n": f"{result.total_cases:,.0f}".replace(",", "."),
                "year": source_year,
            }
            if source_year != year:
                note += _("; fortgeschrieben aus %(year)s") % {"year": source_year}
            if share != 1:
                note += _("; Anteil dieser Maßnahme %(share)s") % {
                    "share": f"{share:.4f}".rstrip("0").rstrip(".")
                }
            lines.append(
                {
                    "year": year,
                    "kind": "benefit" if benefit else "cost",
                    "group": "operation",
                    "category": "staff_time" if benefit else "own_staff",
                    "budget_relevant": False,
                    "label": (
                        _("Online-Dienst %(id)s: frei werdende Arbeitszeit (%(level)s)")
                        if benefit
                        else _("Online-Dienst %(id)s: Mehraufwand durch Medienbruch (%(level)s)")
                    )
                    % {"id": service.ozg_id, "level": LEVEL_DE[level]},
                    "hours": abs(hours),
                    "career_level": level,
                    "note": note,
                }
            )
    return lines


def update_measure_lines(service, *, reason: str, user=None, params: ParameterSet | None = None):
    """Replace the lines ``service`` derives for each linked measure; drop them from unlinked ones."""
    params = params or ParameterSet.for_municipality(service.municipality)
    measures = list(service.measures.all().order_by("pk"))
    years = costs.annual_cases([service]).get(service.pk, {})
    horizon = params.horizon
    linked = {m.pk for m in measures}
    for measure_id in set(derived_lines_of(service).values_list("measure_id", flat=True)) - linked:
        remove_derived_lines(Measure.objects.get(pk=measure_id), service, reason=reason, user=user)
    if not measures:
        return
    share = Decimal(1) / Decimal(len(measures))
    for measure in measures:
        start = measure.start_date.year if measure.start_date else None
        last_year = start + horizon - 1 if start is not None else None
        replace_derived_lines(
            measure,
            service,
            lines_for(service, years, params, share, last_year, start),
            reason=reason,
            method=METHOD,
            visibility=stricter(service.visibility, measure.visibility),
            user=user,
        )
