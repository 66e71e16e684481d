"""Sections of the public portal: the entries of its navigation, in order.

A section names a portal URL that takes the municipality's ``slug``; ``visible(municipality)``
decides whether the municipality shows it (e.g. only when it has budget data)::

    register_section(Section("budget", _("Haushalt"), "portal:budget", 60))
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    """A page of the public portal listed in its navigation."""

    key: str
    title: str
    url_name: str
    order: int = 100
    visible: Callable[[object], bool] = field(default=lambda municipality: True)


_sections: dict[str, Section] = {}


def register_section(section: Section) -> Section:
    _sections[section.key] = section
    return section


def unregister_section(key: str) -> None:
    _sections.pop(key, None)


def sections(municipality) -> list[Section]:
    return sorted((s for s in _sections.values() if s.visible(municipality)), key=lambda s: (s.order, s.key))
