"""Template context: the municipalities the user belongs to (for the navigation)."""

from digitalbilanz.core.models import Membership


def memberships(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"my_memberships": []}
    return {"my_memberships": Membership.objects.filter(user=user).select_related("municipality")}
