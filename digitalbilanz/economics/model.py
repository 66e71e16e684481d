"""Frozen dataclasses for the economic appraisal (WiBe 5.0 style).

Inputs (:class:`Line`, :class:`Parameters`, :class:`Criterion`) validate
themselves on construction and raise :class:`EconomicsError` with a German
message; numeric inputs are normalised to ``float`` so that callers may pass
``Decimal`` values straight from the database.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import EconomicsError
from .explain import Explanation, format_eur, format_percent

KINDS = ("cost", "benefit")
GROUPS = ("development", "operation")


def _finite(value: object, what: str, name: str, ref: str) -> float:
    try:
        number = float(value)  # accepts int, float, Decimal
    except (TypeError, ValueError):
        raise EconomicsError(f"{what} muss eine Zahl sein.", field=name, ref=ref) from None
    if not math.isfinite(number):
        raise EconomicsError(f"{what} muss eine endliche Zahl sein.", field=name, ref=ref)
    return number


def _integer(value: object, message: str, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise EconomicsError(message, field=name)
    if not math.isfinite(value) or int(value) != value:
        raise EconomicsError(message, field=name)
    return int(value)


@dataclass(frozen=True)
class Line:
    """One cost or benefit line of a measure in one calendar year.

    ``amount`` is the most likely value (>= 0); the sign comes from ``kind``.
    ``low``/``high`` optionally give a triangular range for the Monte Carlo
    run; a missing bound defaults to ``amount``.

    Risk rule for KN/R: a cost is multiplied by ``1 + risk_surcharge`` (the
    pessimistic overrun), a benefit by ``1 - risk_surcharge`` but never below
    zero (a surcharge of 100 % or more removes the benefit, it never turns it
    into a cost). Surcharges do not enter KN, KN/h, KN/nh or the Monte Carlo run.
    """

    year: int
    kind: str
    budget_relevant: bool
    amount: float
    low: float | None = None
    high: float | None = None
    risk_surcharge: float = 0.0
    label: str = ""
    group: str = "operation"
    ref: str = ""

    def __post_init__(self) -> None:
        name = f"„{self.label}“" if self.label else "der Position"
        for attr in ("kind", "group"):  # plain str, also for str-based enums (TextChoices)
            if isinstance(getattr(self, attr), str):
                object.__setattr__(self, attr, str(getattr(self, attr)))
        if self.kind not in KINDS:
            raise EconomicsError(
                f"Unbekannte Art „{self.kind}“ {name}: erlaubt sind „cost“ (Kosten) und „benefit“ (Nutzen).",
                field="kind",
                ref=self.ref,
            )
        if self.group not in GROUPS:
            raise EconomicsError(
                f"Unbekannte Gruppe „{self.group}“ {name}: erlaubt sind „development“ "
                "(Entwicklung/Einführung) und „operation“ (Betrieb).",
                field="group",
                ref=self.ref,
            )
        year = _integer(self.year, f"Das Jahr {name} muss eine ganze Zahl sein.", "year")
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "budget_relevant", bool(self.budget_relevant))
        self._check_amounts(name)

    def _check_amounts(self, name: str) -> None:
        amount = _finite(self.amount, f"Der Betrag {name}", "amount", self.ref)
        if amount < 0:
            raise EconomicsError(
                f"Der Betrag {name} darf nicht negativ sein ({format_eur(amount)}); das "
                "Vorzeichen ergibt sich aus der Art (Kosten oder Nutzen).",
                field="amount",
                ref=self.ref,
            )
        object.__setattr__(self, "amount", amount)
        if self.low is not None:
            low = _finite(self.low, f"Die Untergrenze {name}", "low", self.ref)
            if low > amount:
                raise EconomicsError(
                    f"Die Untergrenze {name} ({format_eur(low)}) darf nicht über dem "
                    f"wahrscheinlichsten Wert ({format_eur(amount)}) liegen.",
                    field="low",
                    ref=self.ref,
                )
            if low < 0:
                raise EconomicsError(
                    f"Die Untergrenze {name} darf nicht negativ sein.", field="low", ref=self.ref
                )
            object.__setattr__(self, "low", low)
        if self.high is not None:
            high = _finite(self.high, f"Die Obergrenze {name}", "high", self.ref)
            if high < amount:
                raise EconomicsError(
                    f"Die Obergrenze {name} ({format_eur(high)}) darf nicht unter dem "
                    f"wahrscheinlichsten Wert ({format_eur(amount)}) liegen.",
                    field="high",
                    ref=self.ref,
                )
            object.__setattr__(self, "high", high)
        risk = _finite(self.risk_surcharge, f"Der Risikozuschlag {name}", "risk_surcharge", self.ref)
        if risk < 0:
            raise EconomicsError(
                f"Der Risikozuschlag {name} darf nicht negativ sein ({format_percent(risk)}).",
                field="risk_surcharge",
                ref=self.ref,
            )
        object.__setattr__(self, "risk_surcharge", risk)

    @property
    def is_cost(self) -> bool:
        return self.kind == "cost"

    @property
    def bounds(self) -> tuple[float, float]:
        """(low, high) with missing bounds replaced by ``amount``."""
        low = self.amount if self.low is None else self.low
        high = self.amount if self.high is None else self.high
        return low, high

    @property
    def is_uncertain(self) -> bool:
        """True if the line has a range of positive width (enters Monte Carlo)."""
        low, high = self.bounds
        return low < high

    @property
    def risk_amount(self) -> float:
        """Amount used for KN/R (see the class docstring for the rule)."""
        if self.is_cost:
            return self.amount * (1.0 + self.risk_surcharge)
        return self.amount * max(0.0, 1.0 - self.risk_surcharge)


@dataclass(frozen=True)
class Source:
    """Where a parameter value comes from (cited in every explanation)."""

    value: float
    source: str
    as_of: str  # ISO date
    label: str = ""  # human-readable name, e.g. "Lohnsatz gehobener Dienst (€/h)"


@dataclass(frozen=True)
class Parameters:
    """Appraisal parameters: discount rate, first year (t = 0), horizon."""

    discount_rate: float
    start_year: int
    horizon: int = 8
    sources: Mapping[str, Source] = field(default_factory=dict)

    def __post_init__(self) -> None:
        rate = _finite(self.discount_rate, "Der Kalkulationszinssatz", "discount_rate", "")
        if rate <= -1.0:
            raise EconomicsError(
                "Der Kalkulationszinssatz muss größer als −100 % sein.", field="discount_rate"
            )
        object.__setattr__(self, "discount_rate", rate)
        for name in ("start_year", "horizon"):
            message = f"„{name}“ muss eine ganze Zahl sein."
            object.__setattr__(self, name, _integer(getattr(self, name), message, name))
        if self.horizon < 1:
            raise EconomicsError(
                "Der Betrachtungszeitraum muss mindestens ein Jahr umfassen.", field="horizon"
            )
        object.__setattr__(self, "sources", dict(self.sources))

    @property
    def end_year(self) -> int:
        return self.start_year + self.horizon - 1


@dataclass(frozen=True)
class YearRow:
    """One calendar year of the KN calculation."""

    year: int
    t: int
    costs: float
    benefits: float
    balance: float
    discount_factor: float
    discounted_balance: float
    cumulative_discounted: float


@dataclass(frozen=True)
class Appraisal:
    """Result of :func:`appraise` for one measure."""

    npv_kn: float
    npv_kn_h: float
    npv_kn_nh: float
    npv_kn_r: float
    payback_year: int | None
    benefit_cost_ratio: float | None
    pv_costs: float
    pv_benefits: float
    yearly: tuple[YearRow, ...]
    explanation: Explanation


@dataclass(frozen=True)
class PortfolioYearRow:
    """One calendar year summed over all measures (each discounted with its own t)."""

    year: int
    costs: float
    benefits: float
    balance: float
    discounted_balance: float


@dataclass(frozen=True)
class PortfolioAppraisal:
    """Result of :func:`appraise_portfolio`; totals are sums over the measures."""

    per_measure: dict[str, Appraisal]
    npv_kn: float
    npv_kn_h: float
    npv_kn_nh: float
    npv_kn_r: float
    pv_costs: float
    pv_benefits: float
    yearly: tuple[PortfolioYearRow, ...]
    explanation: Explanation


@dataclass(frozen=True)
class Criterion:
    """One criterion of a scoring module (Q or E): weight as fraction, score 0..10."""

    key: str
    label: str
    weight: float
    score: int

    def __post_init__(self) -> None:
        name = f"„{self.label or self.key}“"
        weight = _finite(self.weight, f"Das Gewicht von {name}", "weight", self.key)
        if weight < 0:
            raise EconomicsError(
                f"Das Gewicht von {name} darf nicht negativ sein.", field="weight", ref=self.key
            )
        object.__setattr__(self, "weight", weight)
        score = self.score
        valid = not isinstance(score, bool) and isinstance(score, numbers.Real)
        if not valid or score not in (0, 2, 4, 6, 8, 10):
            raise EconomicsError(
                f"Die Bewertung von {name} muss 0, 2, 4, 6, 8 oder 10 Punkte betragen (angegeben: {score}).",
                field="score",
                ref=self.key,
            )
        object.__setattr__(self, "score", int(score))


@dataclass(frozen=True)
class ScoreResult:
    """Result of :func:`score`: points 0..100 and the contribution of each criterion."""

    points: float
    contributions: tuple[dict, ...]
    explanation: Explanation
    max_points: float = 100.0
    threshold: float | None = None

    @property
    def meets_threshold(self) -> bool | None:
        return None if self.threshold is None else self.points >= self.threshold


@dataclass(frozen=True)
class MeasureSimulation:
    """Monte Carlo result for one measure (KN without risk surcharges)."""

    npv_percentiles: dict[float, float]
    npv_mean: float
    payback_probability: float  # P(cumulative discounted balance >= 0 in some year)
    npv_nonnegative_probability: float


@dataclass(frozen=True)
class PortfolioSimulation:
    """Monte Carlo result for the sum over all measures."""

    npv_percentiles: dict[float, float]
    npv_mean: float
    npv_nonnegative_probability: float


@dataclass(frozen=True)
class MonteCarloResult:
    """Result of :func:`monte_carlo`."""

    draws: int
    seed: int
    percentiles: tuple[float, ...]
    per_measure: dict[str, MeasureSimulation]
    portfolio: PortfolioSimulation
    explanation: Explanation


# --- process cost of a service (standard cost model, duplicate structures) ------------

CHANNELS = ("online", "counter", "post", "email", "phone")
ANALOG_CHANNELS = CHANNELS[1:]
CHANNEL_DE = {
    "online": "Online",
    "counter": "Schalter",
    "post": "Post",
    "email": "E-Mail",
    "phone": "Telefon",
}
LEVELS = ("md", "gd", "hd", "avg")
LEVEL_DE = {
    "md": "einfacher/mittlerer Dienst",
    "gd": "gehobener Dienst",
    "hd": "höherer Dienst",
    "avg": "Durchschnitt",
}
PRECONDITIONS = 6  # online application, e-payment, interface, e-file, account login, written form


def _level(value: object, name: str, ref: str) -> str:
    level = str(value) if isinstance(value, str) else value
    if level not in LEVELS:
        raise EconomicsError(
            f"Unbekannte Laufbahngruppe „{value}“ {name}: erlaubt sind „md“ (einfacher/mittlerer "
            "Dienst), „gd“ (gehobener Dienst), „hd“ (höherer Dienst) und „avg“ (Durchschnitt).",
            field="career_level",
            ref=ref,
        )
    return level


def _nonnegative(value: object, what: str, name: str, ref: str) -> float:
    number = _finite(value, what, name, ref)
    if number < 0:
        raise EconomicsError(f"{what} darf nicht negativ sein.", field=name, ref=ref)
    return number


def _per_channel(values: Mapping[str, object], what: str, name: str, ref: str) -> dict[str, float]:
    """A channel mapping with every channel present (missing ones are 0), all values ≥ 0."""
    unknown = [key for key in values if key not in CHANNELS]
    if unknown:
        raise EconomicsError(
            f"Unbekannter Kanal „{unknown[0]}“ bei {what}: erlaubt sind "
            + ", ".join(f"„{c}“ ({CHANNEL_DE[c]})" for c in CHANNELS)
            + ".",
            field=name,
            ref=ref,
        )
    return {
        channel: _nonnegative(
            values.get(channel, 0.0), f"{what} des Kanals „{CHANNEL_DE[channel]}“", name, ref
        )
        for channel in CHANNELS
    }


@dataclass(frozen=True)
class Activity:
    """One activity of handling a case on one channel: minutes per case and who does it."""

    channel: str
    minutes: float
    career_level: str
    label: str = ""

    def __post_init__(self) -> None:
        name = f"der Tätigkeit „{self.label}“" if self.label else "einer Tätigkeit"
        if isinstance(self.channel, str):
            object.__setattr__(self, "channel", str(self.channel))
        if self.channel not in CHANNELS:
            raise EconomicsError(
                f"Unbekannter Kanal „{self.channel}“ {name}: erlaubt sind "
                + ", ".join(f"„{c}“" for c in CHANNELS)
                + ".",
                field="channel",
                ref=self.label,
            )
        what = f"Die Minutenzahl {name}"
        object.__setattr__(self, "minutes", _nonnegative(self.minutes, what, "minutes", self.label))
        object.__setattr__(self, "career_level", _level(self.career_level, name, self.label))


@dataclass(frozen=True)
class ServiceCosts:
    """Input of the process-cost model for one service (methods §4, §5).

    ``cases``: cases per year and channel; ``activities``: staff minutes per case and
    channel with the career level doing them; ``media_break_minutes`` (t_mb): extra staff
    minutes per online case while the service still has a media break (0 once it is end to
    end), done at ``media_break_level``; ``material_cost``: € per case and channel;
    ``fixed_costs``: € per year and channel (online = C_dig, the analog channels together =
    C_ana); ``analog_fixed_change`` (ΔC_ana): change of the analog fixed costs caused by
    running the online channel (e.g. a scanning station +, fewer counter hours −);
    ``missing_preconditions``: how many of the six end-to-end preconditions are missing.
    """

    key: str
    cases: Mapping[str, float]
    activities: tuple[Activity, ...] = ()
    label: str = ""
    media_break_minutes: float = 0.0
    media_break_level: str = "md"
    material_cost: Mapping[str, float] = field(default_factory=dict)
    fixed_costs: Mapping[str, float] = field(default_factory=dict)
    analog_fixed_change: float = 0.0
    missing_preconditions: int = 0

    def __post_init__(self) -> None:
        ref = str(self.key)
        name = f"„{self.label or self.key}“"
        object.__setattr__(self, "key", ref)
        if not isinstance(self.cases, Mapping):
            raise EconomicsError(
                f"Die Fallzahlen des Dienstes {name} müssen je Kanal angegeben werden.",
                field="cases",
                ref=ref,
            )
        object.__setattr__(
            self, "cases", _per_channel(self.cases, f"Die Fallzahl des Dienstes {name}", "cases", ref)
        )
        object.__setattr__(
            self,
            "material_cost",
            _per_channel(
                self.material_cost, f"Die Sachkosten je Fall des Dienstes {name}", "material_cost", ref
            ),
        )
        object.__setattr__(
            self,
            "fixed_costs",
            _per_channel(self.fixed_costs, f"Die Fixkosten des Dienstes {name}", "fixed_costs", ref),
        )
        activities = tuple(self.activities)
        for activity in activities:
            if not isinstance(activity, Activity):
                raise EconomicsError(
                    f"Jede Tätigkeit des Dienstes {name} muss vom Typ Activity sein.",
                    field="activities",
                    ref=ref,
                )
        object.__setattr__(self, "activities", activities)
        what = f"Die Zusatzminuten je Online-Fall mit Medienbruch des Dienstes {name}"
        object.__setattr__(
            self,
            "media_break_minutes",
            _nonnegative(self.media_break_minutes, what, "media_break_minutes", ref),
        )
        object.__setattr__(
            self,
            "media_break_level",
            _level(self.media_break_level, f"beim Medienbruch des Dienstes {name}", ref),
        )
        what = f"Die Änderung der analogen Fixkosten des Dienstes {name}"
        object.__setattr__(
            self, "analog_fixed_change", _finite(self.analog_fixed_change, what, "analog_fixed_change", ref)
        )
        message = (
            f"Die Zahl der fehlenden Ende-zu-Ende-Voraussetzungen des Dienstes {name} muss eine "
            f"ganze Zahl von 0 bis {PRECONDITIONS} sein."
        )
        try:
            missing = _integer(self.missing_preconditions, message, "missing_preconditions")
        except EconomicsError:
            raise EconomicsError(message, field="missing_preconditions", ref=ref) from None
        if not 0 <= missing <= PRECONDITIONS:
            raise EconomicsError(message, field="missing_preconditions", ref=ref)
        object.__setattr__(self, "missing_preconditions", missing)


@dataclass(frozen=True)
class ProcessCostParameters:
    """Wage rates (€/h, without overhead) per career level and the overhead surcharge."""

    wage_rates: Mapping[str, float]
    overhead: float = 0.0
    sources: Mapping[str, Source] = field(default_factory=dict)

    def __post_init__(self) -> None:
        rates = {}
        for level, value in dict(self.wage_rates).items():
            level = _level(level, "bei den Lohnsätzen", "")
            what = f"Der Lohnsatz „{LEVEL_DE[level]}“"
            rates[level] = _nonnegative(value, what, "wage_rates", "")
        object.__setattr__(self, "wage_rates", rates)
        object.__setattr__(
            self, "overhead", _nonnegative(self.overhead, "Der Gemeinkostenzuschlag", "overhead", "")
        )
        object.__setattr__(self, "sources", dict(self.sources))

    def hourly_cost(self, level: str) -> float:
        """Wage rate × (1 + overhead); an unknown level raises :class:`EconomicsError`."""
        if level not in self.wage_rates:
            raise EconomicsError(
                f"Für die Laufbahngruppe „{LEVEL_DE.get(level, level)}“ fehlt der Lohnsatz.",
                field="wage_rates",
            )
        return self.wage_rates[level] * (1.0 + self.overhead)


@dataclass(frozen=True)
class ChannelCost:
    """Annual cost of one channel: cases × (staff + material per case) + fixed cost."""

    channel: str
    cases: float
    minutes_per_case: float  # staff minutes, online including the media break
    staff_cost_per_case: float
    material_cost_per_case: float
    fixed_cost: float
    annual_cost: float


@dataclass(frozen=True)
class BreakEven:
    """Break-even online share s*; ``share`` is None when there is none (see ``status``).

    Status: ``reachable`` (0 ≤ s* ≤ 1), ``not_reachable`` (s* > 1), ``no_saving`` (an online
    case costs at least as much staff time as an analog one), ``no_analog_cases``,
    ``no_cases``.
    """

    status: str
    share: float | None
    reached: bool  # the current online share is at least s*
    reason: str  # German
    explanation: Explanation


@dataclass(frozen=True)
class Projection:
    """Effects at a target online share (saving relative to handling every case analog)."""

    online_share: float
    online_cases: float
    hours_freed: float
    staff_saving: float
    net_effect: float
    change_from_current: float  # staff saving at the target − staff saving today


@dataclass(frozen=True)
class ProcessCost:
    """Result of :func:`process_cost` for one service."""

    key: str
    label: str
    channels: tuple[ChannelCost, ...]
    total_cases: float
    online_share: float | None
    total_cost: float  # cost of running all channels side by side (variable + fixed)
    fixed_digital: float  # C_dig
    fixed_analog: float  # C_ana
    analog_fixed_change: float  # ΔC_ana
    analog_cost_per_case: float | None  # staff € per analog case (case-weighted)
    digital_cost_per_case: float  # staff € per online case including the media break
    saving_per_case: float  # analog − digital, 0 without analog cases
    hours_freed: float
    hours_freed_by_level: dict[str, float]
    staff_saving: float
    net_effect: float
    break_even: BreakEven
    projections: tuple[Projection, ...]
    missing_preconditions: int
    explanation: Explanation

    def channel(self, name: str) -> ChannelCost:
        return next(item for item in self.channels if item.channel == name)


@dataclass(frozen=True)
class PriorityRow:
    """One service in the priority ranking."""

    rank: int
    key: str
    label: str
    cases: float
    saving_per_case: float
    missing_preconditions: int
    priority: float


@dataclass(frozen=True)
class PriorityRanking:
    """Result of :func:`rank_services`: rows in rank order."""

    rows: tuple[PriorityRow, ...]
    explanation: Explanation
