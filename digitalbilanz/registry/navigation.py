"""The navigation of the logged-in app (``/app/<slug>/…``), built from what the apps register.

An entry names a URL that takes the municipality's ``slug``; ``visible(user, municipality)``
decides who sees it (default: every member)::

    register_entry(Entry("reports", _("Berichte"), "report_list", 50))

``base.html`` renders the entries with ``{% app_navigation %}`` (``registry_tags``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse


@dataclass(frozen=True)
class Entry:
    """One link of the app navigation."""

    key: str
    title: str
    url_name: str
    order: int = 100
    visible: Callable[[object, object], bool] = field(default=lambda user, municipality: True)


@dataclass(frozen=True)
class Link:
    """An entry resolved for one municipality."""

    entry: Entry
    url: str
    current: bool


_entries: dict[str, Entry] = {}


def register_entry(entry: Entry) -> Entry:
    _entries[entry.key] = entry
    return entry


def unregister_entry(key: str) -> None:
    _entries.pop(key, None)


def entries(user, municipality) -> list[Entry]:
    """The entries ``user`` sees in ``municipality``, in order."""
    shown = (e for e in _entries.values() if e.visible(user, municipality))
    return sorted(shown, key=lambda e: (e.order, e.key))


def links(user, municipality, current_url_name: str = "") -> list[Link]:
    return [
        Link(e, reverse(e.url_name, args=[municipality.slug]), e.url_name == current_url_name)
        for e in entries(user, municipality)
    ]
