"""Shared helpers of the logged-in views."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from digitalbilanz.core.permissions import can_edit, membership_or_404
from digitalbilanz.portfolio.queries import visible_measures


def tenant_view(view):
    """Login required; resolves the municipality from the URL (outsiders: 404)."""

    @login_required
    def wrapper(request, slug, *args, **kwargs):
        municipality, membership = membership_or_404(request.user, slug)
        request.municipality = municipality
        request.membership = membership
        return view(request, municipality, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def visible_measure_or_404(request, municipality, pk):
    return get_object_or_404(visible_measures(request.user, municipality), pk=pk)


def editable_measure_or_404(request, municipality, pk):
    """A measure the user may change; others get 404 (not 403) so nothing leaks."""
    measure = visible_measure_or_404(request, municipality, pk)
    if not can_edit(request.user, municipality, measure.lead_department):
        raise Http404
    return measure
