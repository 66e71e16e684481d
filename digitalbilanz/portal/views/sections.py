"""Pages that modules bring to the portal through the section registry (``registry.portal``).

The portal knows none of them: it builds their URL patterns from the registry when its URLconf
is imported. The ``registry`` app fills the registry in its ``ready()``, which Django runs
before any URLconf is imported; the check below makes a wrong order fail loudly instead of
leaving pages out.
"""

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.urls import path

from digitalbilanz.portal.views.common import portal_view, render_in_layout
from digitalbilanz.registry.portal import Page, section_routes


def section_urlpatterns(taken: set[str]) -> list:
    """URL patterns below ``<slug>/`` of every registered section with its own page.

    ``taken`` are the portal's own URL names; a section may not reuse one.
    """
    if not apps.ready:
        raise ImproperlyConfigured("The portal's URLs were imported before all apps were ready.")
    patterns = []
    for section, route in section_routes():
        if route.name in taken:
            raise ImproperlyConfigured(f"Portal URL name {route.name!r} of section {section.key!r} is taken.")
        taken.add(route.name)
        view = portal_view(in_layout(route.view, section.key), cache=route.cache)
        patterns.append(path(f"<slug:slug>/{route.path}", view, name=route.name))
    return patterns


def in_layout(view, section_key):
    """Renders a :class:`Page` the view returns in the portal layout; other responses pass."""

    def wrapper(request, municipality, *args, **kwargs):
        result = view(request, municipality, *args, **kwargs)
        if not isinstance(result, Page):
            return result
        return render_in_layout(
            request, municipality, result.template, result.context, result.status, section_key
        )

    wrapper.__name__ = getattr(view, "__name__", "section_view")
    wrapper.__doc__ = view.__doc__
    return wrapper
