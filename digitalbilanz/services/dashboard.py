"""The services panel of the app's dashboard (registered in ``services/register.py``)."""

from digitalbilanz.services import summary
from digitalbilanz.services.models import Service


def services_panel(dashboard):
    services = Service.objects.visible_to(dashboard.user, dashboard.municipality)
    if not services.exists():
        return None
    return {"services": summary.collect(services, dashboard.municipality)["totals"]}
