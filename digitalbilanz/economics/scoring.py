"""Weighted scoring for the WiBe modules Q (qualitative-strategic) and E (external).

Each criterion is scored 0–10 in steps of 2 (a verbal anchor per step); the
module result is P = Σ_k g_k × s_k × 10 with weights g_k summing to 100 %,
so the maximum is 100 points. A measure with a negative NPV may still be
justified by a high score; a commonly cited threshold is 50 points
(secondary source), which callers may pass as ``threshold``.
"""

from __future__ import annotations

from collections.abc import Sequence

from .errors import EconomicsError
from .explain import Explanation, format_number, format_percent
from .model import Criterion, ScoreResult

WEIGHT_TOLERANCE = 1e-6
METHOD = "Gewichtete Punktbewertung (WiBe 5.0, Module Q/E)"
FORMULA = "P = Σ_k g_k × s_k × 10 mit Σ_k g_k = 100 %, s_k ∈ {0, 2, 4, 6, 8, 10}"


def _validate(criteria: Sequence[Criterion]) -> None:
    if not criteria:
        raise EconomicsError("Für die Bewertung ist mindestens ein Kriterium nötig.", field="criteria")
    seen: set[str] = set()
    total = 0.0
    for criterion in criteria:
        if not isinstance(criterion, Criterion):
            raise EconomicsError("Jedes Kriterium muss vom Typ Criterion sein.")
        if criterion.key in seen:
            raise EconomicsError(
                f"Das Kriterium „{criterion.key}“ ist doppelt angegeben.",
                field="key",
                ref=criterion.key,
            )
        seen.add(criterion.key)
        total += criterion.weight
    if abs(total - 1.0) > WEIGHT_TOLERANCE:
        raise EconomicsError(
            f"Die Gewichte müssen zusammen 100 % ergeben (Summe: {format_percent(total, 4)}).",
            field="weight",
        )


def score(criteria: Sequence[Criterion], *, threshold: float | None = None) -> ScoreResult:
    """Aggregate the criteria of one module to 0..100 points."""
    criteria = tuple(criteria)
    _validate(criteria)
    points = 0.0
    contributions = []
    steps = []
    for c in criteria:
        contribution = c.weight * c.score * 10
        points += contribution
        contributions.append(
            {
                "key": c.key,
                "label": c.label,
                "weight": c.weight,
                "score": c.score,
                "points": contribution,
            }
        )
        steps.append(
            f"{c.label or c.key}: Gewicht {format_percent(c.weight)} × "
            f"{c.score} von 10 × 10 = {format_number(contribution)} Punkte."
        )
    # Round away binary noise such as 62.00000000000001; far below the display precision.
    points = round(points, 9)
    steps.append(f"Summe: {format_number(points)} von 100 Punkten.")
    if threshold is not None:
        verdict = "erreicht" if points >= threshold else "nicht erreicht"
        steps.append(f"Schwelle von {format_number(threshold)} Punkten {verdict}.")
    explanation = Explanation(
        method=METHOD,
        formula=FORMULA,
        inputs=tuple(dict(item) for item in contributions),
        parameters=(),
        steps=tuple(steps),
    )
    return ScoreResult(
        points=points,
        contributions=tuple(contributions),
        explanation=explanation,
        threshold=threshold,
    )
