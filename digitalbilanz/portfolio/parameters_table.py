"""The parameters as an open-data table (registered in ``portfolio/register.py``, beside the
appraisal that uses them; the values come from ``core.parameters``).

Every published figure is computed with these values; with them, ``lines.csv`` and
``measures.csv`` anyone can recompute it. A municipality's own value or — marked as such — the
registered default, each with its source and date.
"""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.parameters import ParameterSet
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


def parameter_rows(municipality, levels):
    """All registered parameters with the value in force (parameters are always public)."""
    return list(ParameterSet.for_municipality(municipality))


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
