"""Panels of the app's dashboard (``/app/<slug>/``), rendered in order.

A panel is a template plus a function that gives its context, or ``None`` to leave the panel
out. Panels of one app share expensive values through :meth:`Dashboard.once`, so the page costs
each query once however many panels read it::

    def budget_context(dashboard):
        return {"figures": BudgetFigure.objects.visible_to(dashboard.user, dashboard.municipality)}

    register_panel(Panel("budget", "finance/dashboard_budget.html", budget_context, 40, "half"))

Two ``half`` panels in a row stand side by side; ``full`` panels span the page.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string


@dataclass(frozen=True)
class Panel:
    """A block of the dashboard."""

    key: str
    template: str
    context: Callable[["Dashboard"], dict | None]
    order: int = 100
    width: str = "full"  # full | half


class Dashboard:
    """One rendering of the dashboard: request, user, municipality and a memo the panels share."""

    def __init__(self, request, municipality):
        self.request, self.user, self.municipality = request, request.user, municipality
        self._memo = {}

    def once(self, key: str, compute: Callable[[], object]):
        """``compute()`` on first use of ``key`` in this rendering; afterwards the same value."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


@dataclass(frozen=True)
class Rendered:
    panel: Panel
    html: str


_panels: dict[str, Panel] = {}


def register_panel(panel: Panel) -> Panel:
    _panels[panel.key] = panel
    return panel


def unregister_panel(key: str) -> None:
    _panels.pop(key, None)


def panels() -> list[Panel]:
    return sorted(_panels.values(), key=lambda p: (p.order, p.key))


def render_panels(dashboard: Dashboard) -> list[list[Rendered]]:
    """The panels with content, as rows: a full panel alone, two consecutive half panels together."""
    rows, pending = [], []
    for panel in panels():
        context = panel.context(dashboard)
        if context is None:
            continue
        context = {"municipality": dashboard.municipality, **context}
        rendered = Rendered(panel, render_to_string(panel.template, context, dashboard.request))
        if panel.width == "half":
            pending.append(rendered)
            if len(pending) == 2:
                rows.append(pending)
                pending = []
            continue
        if pending:
            rows.append(pending)
            pending = []
        rows.append([rendered])
    if pending:
        rows.append(pending)
    return rows
