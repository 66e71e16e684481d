"""The indicator panel of the app's dashboard (registered in ``indicators/register.py``)."""

from digitalbilanz.core.visibility import levels_for
from digitalbilanz.indicators.series import indicator_values


def indicator_panel(dashboard):
    values = indicator_values(dashboard.municipality, levels_for(dashboard.user, dashboard.municipality))
    values = [v for v in values if v.latest is not None]  # series still without a value stay on their page
    return {"values": values} if values else None
