"""Core's economic parameters with their defaults, sources and dates (docs/methods.md).

Registered in ``core/register.py``. A municipality without its own value uses the default, and
every explanation says so; changing a default here changes the figures of every municipality
that has not set its own value (published report editions stay frozen).
"""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core import parameters as p
from digitalbilanz.core.parameters import ParameterSpec

DESTATIS = (
    "Destatis, Leitfaden Erfüllungsaufwand, Lohnkostentabelle Verwaltung, Kommunen, Stand 2025 "
    "(sekundär: Wert aus einer Transkription der amtlichen Quelle)"
)
DESTATIS_DATE = dt.date(2025, 1, 1)
EURO_PER_HOUR = _("€/h")


def _wage(key, label, default):
    return ParameterSpec(key, label, EURO_PER_HOUR, default, DESTATIS, DESTATIS_DATE, minimum=0)


CORE_PARAMETERS = (
    ParameterSpec(
        key=p.DISCOUNT_RATE,
        label=_("Kalkulationszinssatz"),
        unit=_("% p. a."),
        default="0.9",
        source="BMF, Kalkulationszinssatz für Wirtschaftlichkeitsuntersuchungen, veröffentlicht 07.07.2023",
        as_of=dt.date(2023, 7, 7),
        greater_than=-100,
    ),
    ParameterSpec(
        key=p.HORIZON,
        label=_("Betrachtungszeitraum"),
        unit=_("Jahre"),
        default="8",
        source="WiBe-Rechenbeispiel im Migrationsleitfaden 3.0 (8 Jahre); Stellungnahme Stadt "
        "Leverkusen 13.09.2023: Amortisation in 5–10 Jahren",
        as_of=dt.date(2023, 9, 13),
        minimum=1,
        maximum=50,
        integer=True,
    ),
    ParameterSpec(
        key=p.OVERHEAD,
        label=_("Gemeinkostenzuschlag Büroarbeitsplatz"),
        unit="%",
        default="20",
        source="KGSt, Zuschlag für Büroarbeitsplätze (20 % der Personalkosten)",
        as_of=dt.date(2025, 1, 1),
        minimum=0,
    ),
    _wage(p.WAGE_KEYS["md"], _("Lohnsatz einfacher/mittlerer Dienst"), "25.50"),
    _wage(p.WAGE_KEYS["gd"], _("Lohnsatz gehobener Dienst"), "42.20"),
    _wage(p.WAGE_KEYS["hd"], _("Lohnsatz höherer Dienst"), "70.40"),
    _wage(p.WAGE_KEYS["avg"], _("Lohnsatz Durchschnitt"), "40.70"),
    ParameterSpec(
        key=p.HOURS_PER_FTE,
        label=_("Jahresarbeitsstunden je Vollzeitäquivalent"),
        unit="h",
        default="1600",
        source="Destatis, Leitfaden Erfüllungsaufwand: 1 Personenjahr = 200 Tage × 8 h",
        as_of=dt.date(2025, 1, 1),
        greater_than=0,
    ),
)
