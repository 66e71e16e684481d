"""The API's batch write of case numbers (``registry.tables.Batch`` of ``service_cases``).

Rows are validated exactly like an imported file (same messages, row = position in the list)
and written by the same upsert in one ``bulk_import``: all or nothing, one data change.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from digitalbilanz.core.models import Membership
from digitalbilanz.core.permissions import can_edit, can_edit_any
from digitalbilanz.services import imports
from digitalbilanz.services.models import Service

MAX_ROWS = 10_000
FIELDS = (
    ("service", "string", gettext_lazy("OZG-ID des Dienstes.")),
    ("period_kind", "string", gettext_lazy("month, quarter oder year (auch Monat, Quartal, Jahr).")),
    ("period_start", "string", gettext_lazy("Erster Tag des Zeitraums: 2024-03-01 oder 01.03.2024.")),
    ("channel", "string", gettext_lazy("online, counter, post, email, phone (auch Schalter, Telefon, …).")),
    ("cases", "integer", gettext_lazy("Zahl der Fälle (ganze Zahl ≥ 0).")),
)
# The values each field takes, for the OpenAPI document (``Batch.schemas``).
SCHEMAS = {
    "service": {"minLength": 1},
    "period_kind": {"enum": sorted({*imports.PERIOD_WORDS, *(w.capitalize() for w in imports.PERIOD_WORDS)})},
    "period_start": {"format": "date"},  # 01.03.2024 is taken too (as in an imported file)
    "channel": {"enum": sorted({*imports.CHANNEL_WORDS, *(w.capitalize() for w in imports.CHANNEL_WORDS)})},
    "cases": {"minimum": 0, "maximum": imports.MAX_CASES},
}
NAMES = [name for name, _t, _d in FIELDS]
POSITIONS = dict(zip(imports.HEADER, range(len(imports.HEADER)), strict=True))


def may_write(user, municipality) -> bool:
    return can_edit_any(user, municipality)


def write_cases(user, municipality, rows: list[dict]):
    parsed = imports.Parsed()
    cells = []
    for number, row in enumerate(rows, start=1):
        unknown = sorted(set(row) - set(NAMES))
        for name in unknown:
            parsed.problem(number, name, _("Unbekanntes Feld."))
        cells.append((number, ["" if row.get(n) is None else row.get(n) for n in NAMES]))
    services = dict(Service.objects.filter(municipality=municipality).values_list("ozg_id", "pk"))
    imports.validate(parsed, POSITIONS, iter(cells), services)
    _check_departments(user, municipality, parsed)
    return imports.write(municipality, parsed, user=user, file_name=_("API-Sammelschreibung"))


def _check_departments(user, municipality, parsed):
    """A department-limited editor writes case numbers of their departments' services only."""
    membership = Membership.of(user, municipality)
    if membership is None or not membership.org_units.exists():
        return
    ids = {row[0] for row in parsed.rows}
    denied = [
        s.ozg_id
        for s in Service.objects.filter(pk__in=ids).select_related("department")
        if not can_edit(user, municipality, s.department)
    ]
    for ozg_id in sorted(denied):
        parsed.problem(None, "service", _("Keine Berechtigung für den Dienst „%(id)s“.") % {"id": ozg_id})
