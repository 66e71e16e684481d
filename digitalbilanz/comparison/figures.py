"""The comparison between municipalities: a few indicators per opted-in municipality, computed
from public data only.

Every figure goes through the rules the portal uses: measures, milestones and benefits through
``portfolio.queries.audience_measures(municipality, "public")`` (the visibility rule), money
through ``portfolio.appraisal.figures_for`` (the one rule for public figures, which leaves out
or folds non-public lines and says so), services through ``services.summary`` over the public
services. A municipality appears only when it opted in (``Municipality.comparison_opt_in``).
"""

import datetime as dt
import hashlib
from dataclasses import dataclass, field, fields

from django.core.cache import cache
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from digitalbilanz.core.cache import code_fingerprint
from digitalbilanz.core.choices import MunicipalityKind
from digitalbilanz.core.models import Municipality
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portfolio.appraisal import figures_for
from digitalbilanz.portfolio.queries import audience_measures
from digitalbilanz.services import summary as services_summary

AUDIENCE = "public"  # the comparison counts public records only, whoever asks

# Size classes by inhabitants, following the BBSR's town and municipality types
# (Landgemeinde < 5,000; Kleinstadt 5,000–19,999; Mittelstadt 20,000–99,999; Großstadt ≥ 100,000).
SIZE_CLASSES = (
    ("unter-5000", gettext_lazy("unter 5.000 Einwohner"), 0, 5_000),
    ("5000-20000", gettext_lazy("5.000 bis unter 20.000 Einwohner"), 5_000, 20_000),
    ("20000-100000", gettext_lazy("20.000 bis unter 100.000 Einwohner"), 20_000, 100_000),
    ("ab-100000", gettext_lazy("100.000 Einwohner und mehr"), 100_000, None),
)

# The indicators and how each is computed ("Wie wird verglichen?"), in the order of the table.
INDICATORS = (
    (
        "investment_per_inhabitant",
        gettext_lazy("Investition je Einwohner"),
        gettext_lazy(
            "Summe der Entwicklungskosten (einmalige Kosten, nominal) aller öffentlichen Maßnahmen, "
            "geteilt durch die Einwohnerzahl. Nur öffentliche Kostenzeilen; Maßnahmen, die sich nicht "
            "bewerten lassen, fehlen wie im Portal."
        ),
    ),
    (
        "npv_per_inhabitant",
        gettext_lazy("Kapitalwert (KN) je Einwohner"),
        gettext_lazy(
            "Summe der Kapitalwerte KN aller öffentlichen Maßnahmen, so wie das Portal der Kommune "
            "sie zeigt (dieselbe Berechnung, dieselben Parameter der Kommune), geteilt durch die "
            "Einwohnerzahl. Nicht öffentliche Zeilen fehlen oder sind nach Wahl der Kommune "
            "zusammengefasst; wie viele fehlen, steht in der Spalte „ohne Zeilen“."
        ),
    ),
    (
        "benefit_share",
        gettext_lazy("Anteil Maßnahmen mit Nutzenaussage"),
        gettext_lazy(
            "Öffentliche Maßnahmen mit einer Nutzenaussage (öffentliche Nutzenzeile, Nutzen im "
            "Nutzenregister oder qualitative Bewertung) geteilt durch alle öffentlichen Maßnahmen."
        ),
    ),
    (
        "on_time_share",
        gettext_lazy("Anteil Meilensteine im Plan"),
        gettext_lazy(
            "Öffentliche Meilensteine öffentlicher Maßnahmen, die spätestens zu ihrem Basisplan "
            "erreicht wurden oder – noch offen – weder später erwartet werden noch ihre Prognose "
            "schon überschritten haben, geteilt durch alle öffentlichen Meilensteine."
        ),
    ),
    (
        "services_online",
        gettext_lazy("Online-Dienste"),
        gettext_lazy("Anzahl der öffentlichen Online-Dienste mit dem Status „online“."),
    ),
    (
        "online_share",
        gettext_lazy("Online-Quote"),
        gettext_lazy(
            "Anteil der online gestellten Fälle an allen Fällen der öffentlichen Dienste im jeweils "
            "letzten Jahr mit Fallzahlen (wie auf der Seite „Online-Dienste“ der Kommune)."
        ),
    ),
)


class FilterError(ValueError):
    """An unknown filter value; ``param`` names the query parameter."""

    def __init__(self, param: str, message: str):
        super().__init__(message)
        self.param, self.message = param, message


@dataclass(frozen=True)
class Filters:
    state: str = ""
    kind: str = ""
    size: str = ""

    @property
    def active(self) -> bool:
        return bool(self.state or self.kind or self.size)


# Query parameters of the page, the file and the API.
PARAMS = {"land": "state", "art": "kind", "groesse": "size"}


def parse_filters(query) -> Filters:
    """Filters from a query dict; an unknown value raises ``FilterError`` with a German message."""
    values = {attr: (query.get(param) or "").strip() for param, attr in PARAMS.items()}
    if values["state"] and values["state"] not in states():
        raise FilterError("land", _("Unbekanntes Bundesland. Erlaubt: %(v)s") % {"v": ", ".join(states())})
    kinds = [value for value, _label in MunicipalityKind.choices]
    if values["kind"] and values["kind"] not in kinds:
        raise FilterError("art", _("Unbekannte Art. Erlaubt: %(v)s") % {"v": ", ".join(kinds)})
    sizes = [key for key, *_rest in SIZE_CLASSES]
    if values["size"] and values["size"] not in sizes:
        raise FilterError("groesse", _("Unbekannte Größenklasse. Erlaubt: %(v)s") % {"v": ", ".join(sizes)})
    return Filters(**values)


def participants():
    """Every municipality that opted in, whatever the filters."""
    return Municipality.objects.filter(comparison_opt_in=True).order_by("name", "pk")


def states() -> list[str]:
    return sorted({s for s in participants().values_list("state", flat=True) if s})


def size_class(inhabitants: int | None):
    """(key, label) of the size class, or None without a number of inhabitants."""
    if inhabitants is None:
        return None
    for key, label, low, high in SIZE_CLASSES:
        if inhabitants >= low and (high is None or inhabitants < high):
            return key, label
    return None


def version() -> int:
    """Changes whenever any participant's data changes or a municipality joins or leaves (the key
    of the response cache for the national pages)."""
    rows = list(participants().values_list("pk", "data_version"))
    digest = hashlib.sha256(repr(sorted(rows)).encode()).hexdigest()
    return int(digest[:15], 16)


@dataclass
class Row:
    municipality: Municipality
    size: tuple | None
    measures: int = 0
    unappraisable: int = 0
    investment: float = 0.0
    npv_kn: float = 0.0
    omitted_lines: int = 0
    folded_lines: int = 0
    with_benefit: int = 0
    milestones: int = 0
    on_time: int = 0
    services: int = 0
    services_online: int = 0
    online_share: float | None = None

    def _per_inhabitant(self, value):
        inhabitants = self.municipality.inhabitants
        return value / inhabitants if inhabitants else None

    @property
    def investment_per_inhabitant(self) -> float | None:
        return self._per_inhabitant(self.investment)

    @property
    def npv_per_inhabitant(self) -> float | None:
        return self._per_inhabitant(self.npv_kn)

    @property
    def benefit_share(self) -> float | None:
        return self.with_benefit / self.measures if self.measures else None

    @property
    def on_time_share(self) -> float | None:
        return self.on_time / self.milestones if self.milestones else None


ROW_TIMEOUT = 24 * 3600


def row_for(municipality: Municipality) -> Row:
    """The indicators of one municipality, from its public records only.

    Kept in the cache per municipality and data version (and release), so a change in one
    municipality recomputes only its own row, not the whole comparison."""
    key = f"comparison-row:{code_fingerprint()}:{municipality.pk}:{municipality.data_version}"
    stored = cache.get(key)
    if stored is not None:
        return Row(municipality=municipality, size=size_class(municipality.inhabitants), **stored)
    row = compute_row(municipality)
    plain = {f.name: getattr(row, f.name) for f in fields(row) if f.name not in ("municipality", "size")}
    cache.set(key, plain, ROW_TIMEOUT)
    return row


def compute_row(municipality: Municipality) -> Row:
    row = Row(municipality=municipality, size=size_class(municipality.inhabitants))
    params = ParameterSet.for_municipality(municipality)
    for measure in audience_measures(municipality, AUDIENCE):
        row.measures += 1
        figures = figures_for(measure, params)
        row.omitted_lines += figures.omitted_count
        row.folded_lines += figures.folded_count
        if figures.unappraisable:
            row.unappraisable += 1
        else:
            row.investment += figures.investment
            if figures.appraisal is not None:
                row.npv_kn += figures.appraisal.npv_kn
        if measure.has_benefit_statement():
            row.with_benefit += 1
        for milestone in measure.milestones.all():
            row.milestones += 1
            if milestone.delay <= 0:  # an open milestone past its forecast is late (as of today)
                row.on_time += 1
    totals = services_summary.collect(services_summary.public_services(municipality), municipality)["totals"]
    row.services, row.services_online = totals["count"], totals["online"]
    row.online_share = totals["online_share"]
    return row


@dataclass
class Comparison:
    filters: Filters
    rows: list[Row] = field(default_factory=list)
    participants: list[Municipality] = field(default_factory=list)
    as_of: dt.date | None = None

    @property
    def indicators(self):
        return INDICATORS


def compare(filters: Filters | None = None) -> Comparison:
    """The comparison of the opted-in municipalities matching ``filters``."""
    filters = filters or Filters()
    everyone = list(participants())
    chosen = [m for m in everyone if _matches(m, filters)]
    return Comparison(
        filters=filters,
        rows=[row_for(m) for m in chosen],
        participants=everyone,
        as_of=dt.date.today(),
    )


def _matches(municipality, filters: Filters) -> bool:
    if filters.state and municipality.state != filters.state:
        return False
    if filters.kind and municipality.kind != filters.kind:
        return False
    if filters.size:
        size = size_class(municipality.inhabitants)
        return size is not None and size[0] == filters.size
    return True


def record(row: Row) -> dict:
    """One row as plain, JSON-ready values (the CSV and the API)."""
    m = row.municipality
    return {
        "slug": m.slug,
        "name": m.name,
        "ags": m.ags,
        "state": m.state,
        "kind": m.kind,
        "inhabitants": m.inhabitants,
        "inhabitants_as_of": m.inhabitants_as_of.isoformat() if m.inhabitants_as_of else None,
        "inhabitants_source": m.inhabitants_source,
        "size_class": row.size[0] if row.size else None,
        "public_measures": row.measures,
        "unappraisable_measures": row.unappraisable,
        "investment": _round(row.investment),
        "investment_per_inhabitant": _round(row.investment_per_inhabitant),
        "npv_kn": _round(row.npv_kn),
        "npv_per_inhabitant": _round(row.npv_per_inhabitant),
        "lines_not_included": row.omitted_lines,
        "lines_folded": row.folded_lines,
        "measures_with_benefit": row.with_benefit,
        "benefit_share": _round(row.benefit_share, 4),
        "milestones": row.milestones,
        "milestones_on_time": row.on_time,
        "on_time_share": _round(row.on_time_share, 4),
        "services": row.services,
        "services_online": row.services_online,
        "online_share": _round(row.online_share, 4),
    }


def _round(value, digits=2):
    return None if value is None else round(value, digits)
