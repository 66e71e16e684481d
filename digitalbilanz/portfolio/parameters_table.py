"""The parameters as an open-data table (registered in ``portfolio/register.py``, beside the
appraisal that uses them; the values come from ``core.parameters``).

Every published figure is computed with these values; with them, ``lines.csv`` and
``measures.csv`` anyone can recompute it. A municipality's own value or — marked as such — the
registered default, each with its source and date.
"""

import datetime as dt
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.parameters import ParameterSet, ParameterSpec, ParameterValue
from digitalbilanz.registry.tables import Column as C
from digitalbilanz.registry.tables import Table

PARAMETER_COLUMNS = (
    C("key", "string", _("Schlüssel"), _("Maschinenlesbarer Name des Parameters, z. B. discount_rate.")),
    C("label", "string", _("Parameter"), _("Bezeichnung des Parameters.")),
    C(
        "value",
        "number",
        _("Wert"),
        _("Wert, mit dem alle veröffentlichten Zahlen gerechnet sind."),
        lambda p: int(p.value) if p.spec.integer else p.value,
    ),
    C("unit", "string", _("Einheit"), _("Einheit des Werts, z. B. % p. a., €/h, Jahre.")),
    C(
        "is_default",
        "boolean",
        _("Standardwert"),
        _("wahr: keine eigene Festlegung der Kommune, der Standardwert gilt."),
    ),
    C("source", "string", _("Quelle"), _("Quelle des Werts.")),
    C("as_of", "date", _("Stand"), _("Datum, auf das sich die Quelle bezieht.")),
    C("note", "string", _("Anmerkung"), _("Anmerkung der Kommune zum Wert.")),
)


MC_AS_OF = dt.date(2026, 12, 1)
MC_METHOD = (
    "Monte-Carlo-Simulation (NumPy SFC64, Startwert monte_carlo_seed, je Block von Maßnahmen ein "
    "eigener Strom): jede Zeile mit Schätzspanne "
    "wird aus einer Dreiecksverteilung (niedrig, wahrscheinlich, hoch) gezogen, Zeilen ohne Spanne "
    "bleiben fest; alle Zeilen, Jahre und Maßnahmen werden unabhängig voneinander gezogen (keine "
    "Korrelation) – das verengt die Spanne des Portfolios, wenn Abweichungen gemeinsame Ursachen "
    "haben. Wahrscheinlichkeiten: Anteil der Ziehungen mit KN ≥ 0."
)


def monte_carlo_values():
    """The Monte Carlo's fixed settings as parameter rows (not editable: set by the software)."""
    from digitalbilanz.portfolio.summary import MC_SEED, public_mc_draws

    rows = (
        (
            "monte_carlo_draws",
            _("Monte Carlo: Ziehungen (öffentliche Übersicht)"),
            _("Ziehungen"),
            public_mc_draws(),
        ),
        ("monte_carlo_seed", _("Monte Carlo: Startwert des Zufallsgenerators"), _("Zahl"), MC_SEED),
    )
    values = []
    for key, label, unit, value in rows:
        spec = ParameterSpec(key, label, unit, Decimal(value), MC_METHOD, MC_AS_OF, integer=True)
        values.append(
            ParameterValue(spec, spec.default, MC_METHOD, MC_AS_OF, note=MC_METHOD, is_default=True)
        )
    return values


def parameter_rows(municipality, levels):
    """All registered parameters with the value in force (parameters are always public), and the
    Monte Carlo's draws and seed with its distribution and independence assumption."""
    return list(ParameterSet.for_municipality(municipality)) + monte_carlo_values()


PARAMETERS = Table(
    "parameters",
    _("Parameter der Wirtschaftlichkeitsbetrachtung"),
    _(
        "Kalkulationszinssatz, Betrachtungszeitraum, Lohnsätze, Gemeinkostenzuschlag und weitere "
        "Parameter, mit denen alle veröffentlichten Kennzahlen gerechnet sind, mit Quelle und Stand."
    ),
    PARAMETER_COLUMNS,
    parameter_rows,
    keywords=(_("Wirtschaftlichkeit"), _("Parameter")),
    order=90,
)
