"""Shared helpers of the public portal: the municipality from the URL and the page context."""

from django.shortcuts import get_object_or_404, render

from digitalbilanz.core.cache import cached_response
from digitalbilanz.core.models import Municipality
from digitalbilanz.portal.defaults import ensure_portal_settings
from digitalbilanz.registry.portal import sections

AUDIENCE = "public"  # the portal shows public records only, whoever is logged in


def portal_view(view, cache=True):
    """Resolves ``slug`` to the municipality (unknown: 404) and passes it on.

    Anonymous reads are served from the response cache unless ``cache`` is false.
    """

    def wrapper(request, slug, *args, **kwargs):
        municipality = get_object_or_404(Municipality, slug=slug)
        if not cache:
            return view(request, municipality, *args, **kwargs)
        return cached_response(
            request,
            municipality.pk,
            municipality.data_version,
            lambda: view(request, municipality, *args, **kwargs),
        )

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def page(request, municipality, template, context=None, status=200, section=""):
    return render_in_layout(request, municipality, f"portal/{template}", context, status, section)


def render_in_layout(request, municipality, template, context=None, status=200, section=""):
    """``template`` (extending ``portal/base.html``) with the layout context of the municipality."""
    data = layout_context(municipality, section)
    data.update(context or {})
    return render(request, template, data, status=status)


def layout_context(municipality, section="") -> dict:
    """What ``portal/base.html`` needs: header, navigation and footer of the municipality."""
    return {
        "municipality": municipality,
        "portal": ensure_portal_settings(municipality),
        "sections": sections(municipality),
        "current_section": section,
    }
