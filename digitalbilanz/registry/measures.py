"""Panels other apps add to a measure's page (internal ``/app/<slug>/…`` and portal), in order.

The measure page never imports the app that contributes: the app registers a template and a
context function in its ``register.py``::

    def council_context(view):                      # council/measure_panels.py
        links = PaperLink.objects.with_levels(view.levels).filter(measure=view.measure)
        return {"links": links} if links else None   # None leaves the panel out

    register_measure_panel(MeasurePanel("council", "council/measure_panel.html", council_context, 50))

``view.levels`` are the reader's visibility levels (public only on the portal, whoever is
logged in); ``view.public`` tells the portal (links to public pages) from the app.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe


@dataclass(frozen=True)
class MeasurePanel:
    key: str
    template: str
    context: Callable[["MeasureView"], dict | None]
    order: int = 100


@dataclass(frozen=True)
class MeasureView:
    """One rendering of a measure page: the measure, the reader's levels, portal or app."""

    request: object
    municipality: object
    measure: object
    levels: tuple[str, ...]
    public: bool


_panels: dict[str, MeasurePanel] = {}


def register_measure_panel(panel: MeasurePanel) -> MeasurePanel:
    _panels[panel.key] = panel
    return panel


def unregister_measure_panel(key: str) -> None:
    _panels.pop(key, None)


def measure_panels() -> list[MeasurePanel]:
    return sorted(_panels.values(), key=lambda p: (p.order, p.key))


def render_measure_panels(request, municipality, measure, levels, *, public: bool) -> list[str]:
    """The HTML of every panel with content, in order."""
    view = MeasureView(request, municipality, measure, tuple(levels), public)
    rendered = []
    for panel in measure_panels():
        context = panel.context(view)
        if context is None:
            continue
        context = {"municipality": municipality, "measure": measure, "public": public, **context}
        rendered.append(mark_safe(render_to_string(panel.template, context, request)))  # noqa: S308
    return rendered
