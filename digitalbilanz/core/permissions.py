"""Who may change what. Reading is governed by ``core.visibility``."""

from django.contrib.auth.decorators import login_required
from django.http import Http404

from digitalbilanz.core.choices import Role
from digitalbilanz.core.models import Membership, Municipality


def membership_or_404(user, slug):
    """The municipality and the user's membership; outsiders get 404 so nothing leaks."""
    try:
        municipality = Municipality.objects.get(slug=slug)
    except Municipality.DoesNotExist as exc:
        raise Http404 from exc
    membership = Membership.of(user, municipality)
    if membership is None and not (user.is_authenticated and user.is_superuser):
        raise Http404
    return municipality, membership


def tenant_view(view):
    """Decorates a logged-in view below ``/app/<slug>/``: login required, the municipality
    resolved from the URL and passed as the second argument (outsiders: 404)."""

    @login_required
    def wrapper(request, slug, *args, **kwargs):
        municipality, membership = membership_or_404(request.user, slug)
        request.municipality = municipality
        request.membership = membership
        return view(request, municipality, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def can_edit(user, municipality, org_unit=None) -> bool:
    """Admins edit everything; editors everything or only their departments' records."""
    if user.is_authenticated and user.is_superuser:
        return True
    membership = Membership.of(user, municipality)
    if membership is None:
        return False
    if membership.role == Role.ADMIN:
        return True
    if membership.role != Role.EDITOR:
        return False
    limited = list(membership.org_units.all())
    if not limited:
        return True
    # A department-limited editor changes only records of those departments, never
    # municipality-wide records such as strategies (org_unit None).
    return org_unit is not None and org_unit in limited


def can_edit_any(user, municipality) -> bool:
    """May create records at all (e.g. a new measure in one of the editor's departments)."""
    if user.is_authenticated and user.is_superuser:
        return True
    return Membership.role_of(user, municipality) in (Role.ADMIN, Role.EDITOR)


def can_admin(user, municipality) -> bool:
    if user.is_authenticated and user.is_superuser:
        return True
    return Membership.role_of(user, municipality) == Role.ADMIN
