"""The mobile-work panel of the app's dashboard (registered in ``workplaces/register.py``)."""

from digitalbilanz.workplaces.models import WorkplaceSnapshot


def workplaces_panel(dashboard):
    snapshot = (
        WorkplaceSnapshot.objects.visible_to(dashboard.user, dashboard.municipality)
        .filter(org_unit__isnull=True)
        .order_by("-as_of")
        .first()
    )
    return None if snapshot is None else {"snapshot": snapshot}
