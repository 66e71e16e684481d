"""Values of every indicator an audience may read: measured series, derived series, the target
or ceiling valid on each date, and the status. Everything is read through the visibility rule
(``with_levels``); a derived value needs its inputs to be readable too, so it is never more
public than the series it comes from."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from digitalbilanz.economics import EconomicsError
from digitalbilanz.economics import indicators as eco
from digitalbilanz.indicators.choices import Formula, LimitKind, Status, Unit
from digitalbilanz.indicators.models import Indicator, Limit, Observation

MAX_DEPTH = 5


@dataclass
class Point:
    date: object
    value: Decimal
    source: str = ""


@dataclass
class IndicatorValues:
    indicator: Indicator
    points: list[Point] = field(default_factory=list)
    limits: list[Limit] = field(default_factory=list)
    error: str = ""
    inputs: list[tuple[str, str]] = field(default_factory=list)  # readable inputs only: (A/B, name)

    def method(self) -> str:
        """How the value comes about: the formula and its readable inputs, or the source."""
        if not self.indicator.formula:
            return self.latest.source if self.latest else ""
        names = "; ".join(f"{letter} = {name}" for letter, name in self.inputs)
        label = str(self.indicator.get_formula_display())
        return f"{label}: {names}" if names else label

    @property
    def latest(self) -> Point | None:
        return self.points[-1] if self.points else None

    def limit_on(self, kind, day):
        valid = [lim for lim in self.limits if lim.kind == kind and lim.valid_from <= day]
        return valid[-1] if valid else None

    @property
    def target(self):
        return self.limit_on(LimitKind.TARGET, self.latest.date) if self.latest else None

    @property
    def ceiling(self):
        return self.limit_on(LimitKind.CEILING, self.latest.date) if self.latest else None

    @property
    def status(self) -> str:
        latest = self.latest
        if latest is None:
            return Status.NONE
        ind = self.indicator
        target, ceiling = self.target, self.ceiling
        return eco.status(
            latest.value,
            higher_is_better=ind.higher_is_better,
            target=target.value if target else None,
            limit=ceiling.value if ceiling else None,
            warning=ind.warning_threshold,
            critical=ind.critical_threshold,
        )

    def get_status_display(self) -> str:
        return str(Status(self.status).label)

    def display(self, value: Decimal | None = None) -> str:
        """The value as the committee writes it: 251,6 Mio. €, 71,9 %, 867."""
        return format_value(self.indicator, self.latest.value if value is None and self.latest else value)


def format_value(indicator, value) -> str:
    from digitalbilanz.german import de_number

    if value is None:
        return "–"
    places = indicator.decimals
    if indicator.unit == Unit.EUR:
        return _("%(value)s Mio. €") % {
            "value": de_number(float(eco.rounded(value / 1_000_000, places)), places)
        }
    text = de_number(float(eco.rounded(value, places)), places)
    if indicator.unit == Unit.PERCENT:
        return f"{text} %"
    if indicator.unit == Unit.HOURS:
        return _("%(value)s Std.") % {"value": text}
    if indicator.unit == Unit.DAYS:
        return _("%(value)s Tage") % {"value": text}
    return text


def indicator_values(municipality, levels, topic=None) -> list[IndicatorValues]:
    """Every readable indicator with its values, in display order."""
    indicators = list(
        Indicator.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("input_a", "input_b")
    )
    observations = (
        Observation.objects.for_municipality(municipality)
        .with_levels(levels)
        .order_by("indicator_id", "date")
    )
    limits = Limit.objects.for_municipality(municipality).with_levels(levels).order_by("valid_from")
    by_id = {i.pk: IndicatorValues(i) for i in indicators}
    for obs in observations:
        if obs.indicator_id in by_id:
            by_id[obs.indicator_id].points.append(Point(obs.date, obs.value, obs.source))
    for lim in limits:
        if lim.indicator_id in by_id:
            by_id[lim.indicator_id].limits.append(lim)
    done = set()
    for values in by_id.values():
        _derive(values, by_id, done, 0)
    result = [v for v in by_id.values() if topic is None or v.indicator.topic == topic]
    return sorted(result, key=lambda v: (v.indicator.topic, v.indicator.order, v.indicator.name))


def _derive(values: IndicatorValues, by_id, done, depth):
    ind = values.indicator
    if ind.pk in done or not ind.formula:
        done.add(ind.pk)
        return
    if depth > MAX_DEPTH:
        values.error = _("Die Berechnung ist zu tief verschachtelt oder kreisförmig.")
        done.add(ind.pk)
        return
    a = by_id.get(ind.input_a_id)
    b = by_id.get(ind.input_b_id)
    values.inputs = [(letter, v.indicator.name) for letter, v in (("A", a), ("B", b)) if v is not None]
    for inp in (a, b):
        if inp is not None:
            _derive(inp, by_id, done, depth + 1)
    done.add(ind.pk)
    if a is None or (ind.formula in (Formula.RATIO, Formula.DIFFERENCE) and b is None):
        return  # an input is not readable for this audience: no value
    series_a = [(p.date, p.value) for p in a.points]
    series_b = [(p.date, p.value) for p in b.points] if b else []
    points = []
    try:
        for day, value in series_a:
            result = _one(ind.formula, day, value, series_a, series_b, a)
            if result is not None:
                points.append(Point(day, result, _("berechnet")))
    except EconomicsError as exc:
        values.error = str(exc)
        points = []
    values.points = points


def _one(formula, day, value, series_a, series_b, a):
    if formula == Formula.RATIO:
        other = eco.value_on(series_b, day)
        return eco.ratio(value, other[1]) if other else None
    if formula == Formula.DIFFERENCE:
        other = eco.value_on(series_b, day)
        return eco.difference(value, other[1]) if other else None
    if formula == Formula.CHANGE_PRIOR_YEAR:
        before = eco.prior_year(series_a, day)
        return eco.difference(value, before[1]) if before else None
    if formula == Formula.CHANGE_PRIOR_PERIOD:
        before = eco.prior_period(series_a, day)
        return eco.difference(value, before[1]) if before else None
    if formula == Formula.UTILISATION:
        ceiling = a.limit_on(LimitKind.CEILING, day)
        return eco.utilisation(value, ceiling.value) if ceiling else None
    return None
