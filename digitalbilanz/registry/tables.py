"""Open-data tables: one :class:`Table` drives downloads, catalogue, column page and API.

A registered table appears, without any change to the portal or the API, in

* the CSV/JSON/XLSX downloads ``/<slug>/daten/<name>.<fmt>``, ``datapackage.json``, the DCAT-AP.de
  catalogue and the column documentation page (portal), and
* the API endpoints ``/api/v1/<slug>/<name>/`` and ``…/<id>/`` with its filters, search and, if
  it declares :class:`Writes`, creating and changing records through its form (api).

Every table reads through the single visibility rule: its ``rows`` function receives the
municipality and the visibility *levels* (``core.visibility``) and must filter with them::

    register_table(Table(
        "contracts", _("IT-Verträge"), _("Verträge mit Laufzeit und Kosten."),
        (id_column(_("Kennung des Vertrags.")), Column("title", "string", _("Titel"), _("…"))),
        lambda municipality, levels: Contract.objects.for_municipality(municipality).with_levels(levels),
    ))
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    """One documented column: name (machine), Frictionless type, German title and description."""

    name: str
    type: str  # string | integer | number | date | boolean
    title: str
    description: str
    get: Callable[[object], object] | None = None  # defaults to getattr(row, name)
    unit: str = ""

    def value(self, row):
        return self.get(row) if self.get is not None else getattr(row, self.name)


@dataclass(frozen=True)
class Filter:
    """A query parameter of the table's API list: ``?<param>=<value>`` → ``filter(<lookup>=value)``."""

    param: str
    type: str  # integer | string | date | choice
    lookup: str
    description: str
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Parent:
    """The record a child row belongs to (a line's measure), named in a write by id or code.

    ``rows(principal, municipality)`` returns the parents the caller may read; a number is looked
    up by id, a text by ``code_field`` within the municipality. The parent is handed to the form
    as the keyword argument ``field`` and can never be changed afterwards.
    """

    field: str  # payload key, form keyword and model attribute: "measure"
    label: str  # German, for messages: "Maßnahme"
    rows: Callable[[object, object], object]
    code_field: str = "code"


@dataclass(frozen=True)
class Writes:
    """How the API creates and changes rows of a table: through the web UI's form.

    * ``form``: a ModelForm taking ``municipality=`` (and ``<parent.field>=`` if there is a parent).
    * ``may_edit(user, municipality, record)``: may the user store this record? Asked before
      validation for an existing record (or a new child, parent set) and again with the
      validated values, so nobody moves a record out of their reach.
    * ``may_create(user, municipality)``: may the user create a record without parent at all?
    * ``form_kwargs(user, municipality)``: further keyword arguments of the form.
    * ``lookups``: payload text of these choice fields is looked up by that field of the choice,
      e.g. ``{"lead_department": "code"}``.
    * ``save_with_user``: the form's ``save()`` takes ``user=`` (e.g. a milestone's slip log).
    * ``roundtrip``: the table takes part in the spreadsheet round-trip (``digitalbilanz.roundtrip``:
      export what the user may edit as XLSX, import it back through this form); ``False`` for
      tables whose rows are statements of a moment rather than data kept in a sheet.
    """

    form: type
    may_edit: Callable[[object, object, object], bool]
    may_create: Callable[[object, object], bool] | None = None
    parent: Parent | None = None
    form_kwargs: Callable[[object, object], dict] | None = None
    lookups: tuple[tuple[str, str], ...] = ()
    save_with_user: bool = False
    roundtrip: bool = True


@dataclass(frozen=True)
class Batch:
    """Batch writes of a large (bulk) table through the API: ``POST …/<name>/batch/`` with
    ``{"rows": [{…}, …]}``, all rows or none.

    * ``write(user, municipality, rows)``: stores the rows (flat objects with ``fields``) in one
      ``core.imports.bulk_import`` — an upsert on the table's natural key — and returns the
      finished ``ImportRun``; a bad row raises ``ImportRejected`` whose problems name the row
      (1 = first row of the list), the field and the reason. Nothing is stored then.
    * ``may_write(user, municipality)``: may the key's owner write this table at all?
    * ``fields``: (name, JSON type, description) of a row, for the OpenAPI document; every field
      is required and nothing else allowed. ``schemas``: further JSON schema per field (enum, …).
    * ``max_rows``: the most rows per request.
    """

    write: Callable[[object, object, list], object]
    may_write: Callable[[object, object], bool]
    fields: tuple[tuple[str, str, str], ...] = ()
    schemas: dict = field(default_factory=dict)  # name -> further JSON schema of the field
    max_rows: int = 10_000


@dataclass(frozen=True)
class Table:
    """A public table of one municipality (the data behind one DCAT dataset)."""

    name: str  # URL- and file-safe: "measures"
    title: str  # without place or time (DCAT-AP.de convention)
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[object, list[str]], Iterable]  # (municipality, levels) -> objects
    keywords: tuple[str, ...] = ()
    temporal: Callable[[object, list[str]], tuple] | None = None  # -> (start date, end date)
    order: int = 100
    filters: tuple[Filter, ...] = ()  # only for tables whose rows() returns a QuerySet
    search: Callable[[object, str], object] | None = None  # (queryset, text) -> queryset: API ?q=
    writes: Writes | None = None  # None: read-only
    keyset: bool = False  # large table: API lists are paged by cursor (stable under inserts)
    batch: Batch | None = None  # bulk rows written many at once through the API (see Batch)

    @property
    def primary_key(self) -> str:
        return self.columns[0].name

    def record(self, obj) -> dict:
        """One row as plain Python values (``None`` for empty): the same in files and API."""
        return {column.name: plain(column.value(obj)) for column in self.columns}


def plain(value):
    """A JSON-ready value: Decimal → float, dates → ISO 8601, empty text → ``None``.

    Empty text is "no value" in every format: ``null`` in JSON and the API, an empty field in CSV
    (which the data package declares as its missing value), an empty cell in XLSX — CSV and XLSX
    cannot tell an empty string from a missing one, so JSON does not either.
    """
    if value == "":
        return None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# Column helpers shared by the apps' tables.


def id_column(description) -> Column:
    """The first column of most tables: the record's permanent id (the primary key)."""
    return Column("id", "integer", _("Kennung"), description)


def choice_label(field: str):
    """Getter for the choice label of ``field``; labels cached per model and language
    (``get_FOO_display`` per row is slow for large tables)."""
    labels = {}

    def get(obj):
        key = (type(obj), get_language())
        if key not in labels:
            labels[key] = {k: str(v) for k, v in type(obj)._meta.get_field(field).flatchoices}
        value = getattr(obj, field)
        return labels[key].get(value, value)

    return get


def year_span(queryset):
    """(1 January of the first, 31 December of the last ``year``) for a table's ``temporal``."""
    from django.db.models import Max, Min

    span = queryset.aggregate(first=Min("year"), last=Max("year"))
    if span["first"] is None:
        return None, None
    return dt.date(span["first"], 1, 1), dt.date(span["last"], 12, 31)


_tables: dict[str, Table] = {}


def register_table(table: Table) -> Table:
    _tables[table.name] = table
    return table


def unregister_table(name: str) -> None:
    _tables.pop(name, None)


def tables() -> list[Table]:
    return sorted(_tables.values(), key=lambda t: (t.order, t.name))


def table(name: str) -> Table | None:
    return _tables.get(name)
