"""Delivery confidence of a measure (methods §Steuerung): pure functions, no Django.

Each dimension (schedule, cost, benefits) gets a rating from its figure and two thresholds:
green up to the amber threshold, amber above it up to the red threshold, red above that.
The published rating is the worse of the computed one and the owner's own rating.
"""

from dataclasses import dataclass
from decimal import Decimal

from digitalbilanz.economics.errors import EconomicsError

GREEN, AMBER, RED = "green", "amber", "red"
ORDER = {GREEN: 0, AMBER: 1, RED: 2}


@dataclass(frozen=True)
class Thresholds:
    """Amber and red thresholds per dimension; a figure *above* a threshold reaches it."""

    schedule_amber_days: Decimal
    schedule_red_days: Decimal
    cost_amber: Decimal  # relative overrun, 0.10 = 10 %
    cost_red: Decimal
    benefit_amber: Decimal  # share of benefits at risk or missed, 0.0–1.0
    benefit_red: Decimal

    def check(self) -> None:
        """Thresholds that contradict each other (amber not below red) are refused."""
        pairs = (
            ("schedule", self.schedule_amber_days, self.schedule_red_days, "Termin"),
            ("cost", self.cost_amber, self.cost_red, "Kosten"),
            ("benefit", self.benefit_amber, self.benefit_red, "Nutzen"),
        )
        for field, amber, red, label in pairs:
            if amber >= red:
                raise EconomicsError(
                    f"Schwellen für „{label}“ widersprechen sich: die Gelb-Schwelle muss "
                    f"unter der Rot-Schwelle liegen.",
                    field=field,
                )


def level(figure, amber, red) -> str | None:
    """Rating of one dimension; ``None`` when the figure is unknown."""
    if figure is None:
        return None
    figure = Decimal(str(figure))
    if figure > red:
        return RED
    if figure > amber:
        return AMBER
    return GREEN


def worse(*ratings) -> str | None:
    """The worst of the given ratings (unknown ones ignored)."""
    known = [r for r in ratings if r is not None]
    return max(known, key=ORDER.__getitem__) if known else None


@dataclass(frozen=True)
class Computed:
    schedule: str | None
    cost: str | None
    benefits: str | None

    @property
    def overall(self) -> str:
        return worse(self.schedule, self.cost, self.benefits) or GREEN


def compute(slip_days, overrun, benefit_share, t: Thresholds) -> Computed:
    t.check()
    return Computed(
        level(slip_days, t.schedule_amber_days, t.schedule_red_days),
        level(overrun, t.cost_amber, t.cost_red),
        level(benefit_share, t.benefit_amber, t.benefit_red),
    )


def trend(ratings) -> str:
    """'better', 'worse' or 'same' between the last two ratings of a series."""
    ratings = [r for r in ratings if r is not None]
    if len(ratings) < 2:
        return "same"
    a, b = ORDER[ratings[-2]], ORDER[ratings[-1]]
    return "worse" if b > a else "better" if b < a else "same"


ACHIEVED, PARTLY, MISSED, UNMEASURABLE = "achieved", "partly", "missed", "unmeasurable"


def realisation(results) -> float | None:
    """Portfolio benefit realisation: achieved counts 1, partly ½, missed 0, over the measurable
    results; ``None`` when nothing was measurable."""
    weights = {ACHIEVED: 1.0, PARTLY: 0.5, MISSED: 0.0}
    measurable = [weights[r] for r in results if r in weights]
    return sum(measurable) / len(measurable) if measurable else None
