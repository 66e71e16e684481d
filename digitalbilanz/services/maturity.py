"""Maturity levels of online services, always with their model version (methods §8).

Model 1.1 (since June 2020) has the levels 0–4, model 2.0 (since July 2025) 0–7. A service's
overall level is the minimum over its criteria. Levels of different models are never compared:
:func:`compare` refuses it. No Django import: the rules are shared by models, forms and imports.
"""

LEVELS = {"1.1": 4, "2.0": 7}  # model version → highest level
# The level from which the OZG obligation counts as met (model 1.1: 3 = online service).
OZG_MET = {"1.1": 3, "2.0": 3}


class MaturityError(ValueError):
    """An invalid maturity value; the message is German."""


def check(model: str, level: int | None) -> None:
    if level is None:
        return
    if model not in LEVELS:
        raise MaturityError(f"Unbekanntes Reifegradmodell „{model}“: erlaubt sind 1.1 und 2.0.")
    if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= LEVELS[model]:
        raise MaturityError(
            f"Im Reifegradmodell {model} liegt der Reifegrad zwischen 0 und {LEVELS[model]} "
            f"(angegeben: {level})."
        )


def overall(model: str, criteria: dict[str, int]) -> int | None:
    """The overall level: the minimum over the criteria's levels (None without criteria)."""
    if not criteria:
        return None
    for name, level in criteria.items():
        try:
            check(model, level)
        except MaturityError as exc:
            raise MaturityError(f"Kriterium „{name}“: {exc}") from None
    return min(criteria.values())


def compare(a: tuple[str, int], b: tuple[str, int]) -> int:
    """−1/0/1 for two (model, level) pairs of the same model; different models raise."""
    if a[0] != b[0]:
        raise MaturityError(f"Reifegrade verschiedener Modelle ({a[0]} und {b[0]}) sind nicht vergleichbar.")
    return (a[1] > b[1]) - (a[1] < b[1])


def label(model: str, level: int | None) -> str:
    if level is None:
        return "–"
    return f"{level} von {LEVELS.get(model, '?')} (Modell {model})"
