"""The public page of the workplaces app (a portal section, registered in ``register.py``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.registry.portal import Page, Section
from digitalbilanz.workplaces.models import WorkplaceScenario, WorkplaceSnapshot
from digitalbilanz.workplaces.views import scenario_rows


def workplaces(request, municipality):
    snapshots = WorkplaceSnapshot.objects.for_audience(municipality, "public").select_related("org_unit")
    latest = next((s for s in snapshots if s.org_unit_id is None), None)
    rows = []
    if latest is not None:
        scenarios = WorkplaceScenario.objects.for_audience(municipality, "public").filter(snapshot=latest)
        rows = scenario_rows(
            scenarios.select_related("snapshot"), ParameterSet.for_municipality(municipality)
        )
    return Page("workplaces/public.html", {"latest": latest, "snapshots": snapshots, "rows": rows})


# Always listed (an empty page says so): a per-page "is there public data?" query would
# cost every portal page a query.
SECTION = Section("workplaces", _("Arbeitsplätze"), order=62, path="arbeitsplaetze/", view=workplaces)
