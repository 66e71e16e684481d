"""Open-data tables of the indicators (registered in ``indicators/register.py``)."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.permissions import can_edit
from digitalbilanz.indicators.forms import ObservationForm
from digitalbilanz.indicators.models import Indicator, Limit, Observation
from digitalbilanz.registry.tables import Column as C
from digitalbilanz.registry.tables import Filter, Parent, Table, Writes, choice_label, id_column


def _indicators(municipality, levels):
    """Readable indicators; an input series is named only if it is readable too."""
    readable = Indicator.objects.for_municipality(municipality).with_levels(levels)
    return readable.select_related("input_a", "input_b").annotate(
        input_a_readable=Exists(readable.filter(pk=OuterRef("input_a"))),
        input_b_readable=Exists(readable.filter(pk=OuterRef("input_b"))),
    )


def _input(name):
    def get(indicator):
        other = getattr(indicator, name)
        return other.key if other is not None and getattr(indicator, f"{name}_readable", False) else None

    return get


INDICATORS = Table(
    "indicators",
    _("Kennzahlen"),
    _("Kennzahlen der Digitalisierung und der Finanzen: Einheit, Berechnung und Schwellen."),
    (
        id_column(_("Eindeutige, dauerhafte Kennung der Kennzahl.")),
        C("key", "string", _("Kürzel"), _("Kürzel der Kennzahl.")),
        C("name", "string", _("Bezeichnung"), _("Bezeichnung der Kennzahl.")),
        C("topic", "string", _("Bereich"), _("finance (Finanzen) oder digital (Digitalisierung).")),
        C("unit", "string", _("Einheit"), _("EUR, percent, count, hours oder days.")),
        C(
            "formula",
            "string",
            _("Berechnung"),
            _("Leer: gemessen; sonst ratio, difference, change_year, change_period, utilisation."),
        ),
        C(
            "input_a",
            "string",
            _("Reihe A"),
            _("Kürzel der Eingangsreihe A."),
            _input("input_a"),
        ),
        C(
            "input_b",
            "string",
            _("Reihe B"),
            _("Kürzel der Eingangsreihe B."),
            _input("input_b"),
        ),
        C("higher_is_better", "boolean", _("höher ist besser"), _("Richtung der Bewertung.")),
        C("warning_threshold", "number", _("Schwelle Achtung"), _("Schwelle für den Status „Achtung“.")),
        C("critical_threshold", "number", _("Schwelle kritisch"), _("Schwelle für den Status „kritisch“.")),
    ),
    _indicators,
    keywords=(_("Kennzahlen"), _("Finanzen")),
    order=90,
    filters=(Filter("topic", "choice", "topic", _("finance oder digital."), ("finance", "digital")),),
)


def _observations(municipality, levels):
    return Observation.objects.for_municipality(municipality).with_levels(levels).select_related("indicator")


def _may_edit(user, municipality, row):
    return can_edit(user, municipality)


INDICATOR_PARENT = Parent(
    "indicator",
    _("Kennzahl"),
    lambda principal, municipality: Indicator.objects.visible_to(principal, municipality),
    code_field="key",
)

OBSERVATIONS = Table(
    "indicator_values",
    _("Messwerte der Kennzahlen"),
    _(
        "Gemessene Werte der Kennzahlen mit Stichtag, Einheit und Quelle "
        "(berechnete Kennzahlen ergeben sich daraus)."
    ),
    (
        id_column(_("Eindeutige, dauerhafte Kennung des Messwerts.")),
        C("indicator", "string", _("Kennzahl"), _("Kürzel der Kennzahl."), lambda o: o.indicator.key),
        C("date", "date", _("Stichtag"), _("Stichtag des Werts.")),
        C("value", "number", _("Wert"), _("Wert in der angegebenen Einheit.")),
        C("unit", "string", _("Einheit"), _("EUR, percent, count, hours oder days.")),
        C("source", "string", _("Quelle"), _("Quelle des Werts.")),
    ),
    _observations,
    keywords=(_("Kennzahlen"),),
    order=91,
    filters=(Filter("indicator", "string", "indicator__key", _("Kürzel der Kennzahl.")),),
    writes=Writes(ObservationForm, _may_edit, parent=INDICATOR_PARENT),
)


def _limits(municipality, levels):
    return Limit.objects.for_municipality(municipality).with_levels(levels).select_related("indicator")


LIMITS = Table(
    "indicator_limits",
    _("Ziele und Obergrenzen der Kennzahlen"),
    _("Ziele (Ansätze) und Obergrenzen der Kennzahlen, gültig ab dem Datum des Beschlusses."),
    (
        id_column(_("Eindeutige, dauerhafte Kennung.")),
        C("indicator", "string", _("Kennzahl"), _("Kürzel der Kennzahl."), lambda o: o.indicator.key),
        C("kind", "string", _("Art"), _("target (Ziel/Ansatz) oder ceiling (Obergrenze).")),
        C("kind_label", "string", _("Art (Text)"), _("Art als Text."), choice_label("kind")),
        C("value", "number", _("Wert"), _("Wert in der Einheit der Kennzahl.")),
        C("valid_from", "date", _("gültig ab"), _("Beginn der Gültigkeit.")),
        C("resolution", "string", _("Beschluss"), _("Beschluss, der den Wert festlegt.")),
    ),
    _limits,
    keywords=(_("Kennzahlen"),),
    order=92,
)
