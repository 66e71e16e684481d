"""The public source list of the portal („Quellen“, a section registered in ``register.py``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.registry.portal import Page, Section
from digitalbilanz.sources.models import Source


def sources(request, municipality):
    rows = sorted(Source.objects.for_audience(municipality, "public"), key=lambda s: s.number)
    return Page("sources/public.html", {"rows": rows})


SECTION = Section("sources", _("Quellen"), order=95, path="quellen/", view=sources)
