"""Registries that later modules extend without touching the portal engine.

* ``sections``: pages of the public portal (navigation entries). A module registers a
  :class:`Section` in its ``AppConfig.ready``; its URL must be a portal URL name taking ``slug``.
* ``tables``: public open-data tables. One :class:`Table` drives the CSV/JSON/XLSX downloads,
  ``datapackage.json``, the DCAT-AP.de catalogue, the column documentation page and the
  read-only API endpoint ``/api/v1/<slug>/tables/<name>/``.

Every table reads through the single visibility rule: its ``rows`` function receives the
municipality and the visibility *levels* (``core.visibility``) and must filter with them.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


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

    @property
    def primary_key(self) -> str:
        return self.columns[0].name


@dataclass(frozen=True)
class Section:
    """A page of the public portal listed in its navigation."""

    key: str
    title: str
    url_name: str
    order: int = 100
    visible: Callable[[object], bool] = field(default=lambda municipality: True)


_tables: dict[str, Table] = {}
_sections: dict[str, Section] = {}


def register_table(table: Table) -> Table:
    _tables[table.name] = table
    return table


def register_section(section: Section) -> Section:
    _sections[section.key] = section
    return section


def tables() -> list[Table]:
    return sorted(_tables.values(), key=lambda t: (t.order, t.name))


def table(name: str) -> Table | None:
    return _tables.get(name)


def sections(municipality) -> list[Section]:
    return sorted((s for s in _sections.values() if s.visible(municipality)), key=lambda s: (s.order, s.key))
