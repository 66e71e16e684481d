"""What the council app shows elsewhere: the measure page panel and the dashboard panel."""

import datetime as dt

from digitalbilanz.core.visibility import levels_for

from . import queries


def measure_panel(view):
    """Papers and mandates of one measure, readable with the page's levels (None: no panel)."""
    links, mandates = queries.measure_links(view.measure, view.levels)
    if not links and not mandates:
        return None
    today = dt.date.today()
    for m in mandates:
        m.overdue = m.is_overdue(today)
    return {"links": links, "mandates": mandates}


def dashboard_panel(dashboard):
    """Overdue mandates the reader may see (None: no panel)."""
    levels = levels_for(dashboard.user, dashboard.municipality)
    rows = queries.overdue_mandates(dashboard.municipality, levels, dt.date.today())
    if not rows:
        return None
    return {"overdue": rows}
