"""Shared helpers of the logged-in views."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from digitalbilanz.core.permissions import can_edit
from digitalbilanz.portfolio.queries import visible_measures


def visible_measure_or_404(request, municipality, pk):
    return get_object_or_404(visible_measures(request.user, municipality), pk=pk)


def editable_measure_or_404(request, municipality, pk):
    """A measure the user may change; others get 404 (not 403) so nothing leaks."""
    measure = visible_measure_or_404(request, municipality, pk)
    if not can_edit(request.user, municipality, measure.lead_department):
        raise Http404
    return measure
