"""Default parameters from methods.md, each with its source and date."""

import datetime as dt
from decimal import Decimal

from digitalbilanz.core.models import Parameter, ParameterKey

DESTATIS = (
    "Destatis, Leitfaden Erfüllungsaufwand, Lohnkostentabelle Verwaltung, Kommunen, Stand 2025 "
    "(sekundär: Wert aus einer Transkription der amtlichen Quelle)"
)

DEFAULT_PARAMETERS = [
    (
        ParameterKey.DISCOUNT_RATE,
        "0.9",
        "BMF, Kalkulationszinssatz für Wirtschaftlichkeitsuntersuchungen, veröffentlicht 07.07.2023",
        dt.date(2023, 7, 7),
    ),
    (
        ParameterKey.HORIZON,
        "8",
        "WiBe-Rechenbeispiel im Migrationsleitfaden 3.0 (8 Jahre); Stellungnahme Stadt Leverkusen "
        "13.09.2023: Amortisation in 5–10 Jahren",
        dt.date(2023, 9, 13),
    ),
    (
        ParameterKey.OVERHEAD,
        "20",
        "KGSt, Zuschlag für Büroarbeitsplätze (20 % der Personalkosten)",
        dt.date(2025, 1, 1),
    ),
    (ParameterKey.WAGE_MD, "25.50", DESTATIS, dt.date(2025, 1, 1)),
    (ParameterKey.WAGE_GD, "42.20", DESTATIS, dt.date(2025, 1, 1)),
    (ParameterKey.WAGE_HD, "70.40", DESTATIS, dt.date(2025, 1, 1)),
    (ParameterKey.WAGE_AVG, "40.70", DESTATIS, dt.date(2025, 1, 1)),
    (
        ParameterKey.HOURS_PER_FTE,
        "1600",
        "Destatis, Leitfaden Erfüllungsaufwand: 1 Personenjahr = 200 Tage × 8 h",
        dt.date(2025, 1, 1),
    ),
    (
        ParameterKey.SCORE_THRESHOLD,
        "50",
        "WiBe-Praxis: häufig genannte Schwelle 50 Punkte (sekundär)",
        dt.date(2015, 2, 1),
    ),
]


def ensure_default_parameters(municipality) -> int:
    """Create the missing default parameters; never overwrites a municipality's own values."""
    created = 0
    for key, value, source, as_of in DEFAULT_PARAMETERS:
        _, was_created = Parameter.objects.get_or_create(
            municipality=municipality,
            key=key,
            defaults={"value": Decimal(value), "source": source, "as_of": as_of},
        )
        created += was_created
    return created
