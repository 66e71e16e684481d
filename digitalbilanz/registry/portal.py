"""Sections of the public portal: the entries of its navigation, in order, and the pages they bring.

A section either names a portal URL that takes the municipality's ``slug`` (the portal's own
pages)::

    register_section(Section("budget", _("Haushalt"), "portal:budget", 60))

or brings its own page: a path below ``/<slug>/``, a view and, if needed, further routes. The
portal builds their URL patterns from this registry (names ``portal:<key>`` and
``portal:<route name>``), answers 404 for an unknown municipality, serves anonymous reads from
the response cache and renders a returned :class:`Page` in its layout, so the module never
imports the portal::

    def editions(request, municipality):           # reports/public.py
        return Page("reports/public_editions.html", {"editions": published_editions(municipality)})

    register_section(Section("editions", _("Berichte"), order=80, path="berichte/", view=editions,
                             routes=(Route("berichte/<int:pk>.<str:fmt>", edition_file, "edition_file",
                                           cache=False),)))

A view gets ``(request, municipality, **url_arguments)`` and returns a :class:`Page` (its
template extends ``portal/base.html``) or any response (a file, a redirect). It shows public
records only (``for_audience(municipality, "public")``), whoever is logged in.
``visible(municipality)`` decides whether the municipality's navigation lists the section.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    """What a section's view returns to be shown in the portal's layout."""

    template: str
    context: dict = field(default_factory=dict)
    status: int = 200


@dataclass(frozen=True)
class Route:
    """A further URL of a section below ``/<slug>/``, e.g. a file download.

    ``cache=False`` keeps its responses out of the response cache (large files).
    """

    path: str
    view: Callable
    name: str
    cache: bool = True


@dataclass(frozen=True)
class Section:
    """A page of the public portal listed in its navigation.

    Either ``url_name`` (a portal URL of its own) or ``path`` and ``view``: then the URL name is
    ``portal:<key>``.
    """

    key: str
    title: str
    url_name: str = ""
    order: int = 100
    visible: Callable[[object], bool] = field(default=lambda municipality: True)
    path: str = ""
    view: Callable | None = None
    routes: tuple[Route, ...] = ()

    def __post_init__(self):
        if self.view is not None and not self.url_name:
            object.__setattr__(self, "url_name", f"portal:{self.key}")
        if not self.url_name:
            raise ValueError(f"Section {self.key!r} needs a url_name or a view")

    def own_routes(self) -> list[Route]:
        """The routes this section brings: its page first, then its further routes."""
        if self.view is None:
            return list(self.routes)
        return [Route(self.path, self.view, self.key), *self.routes]


_sections: dict[str, Section] = {}


def register_section(section: Section) -> Section:
    _sections[section.key] = section
    return section


def unregister_section(key: str) -> None:
    _sections.pop(key, None)


def sections(municipality) -> list[Section]:
    return sorted(
        (s for s in _sections.values() if s.visible(municipality)),
        key=lambda s: (s.order, s.key),
    )


def section_routes() -> list[tuple[Section, Route]]:
    """Every route the registered sections bring, with its section, in navigation order."""
    ordered = sorted(_sections.values(), key=lambda s: (s.order, s.key))
    return [(section, route) for section in ordered for route in section.own_routes()]
