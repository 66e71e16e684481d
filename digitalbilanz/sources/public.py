"""The public source list of the portal („Quellen“, a section registered in ``register.py``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.registry.portal import Page, Section
from digitalbilanz.sources.links import annotate_pages
from digitalbilanz.sources.models import Source


def sources(request, municipality):
    rows = sorted(Source.objects.for_audience(municipality, "public"), key=lambda s: s.number)
    annotate_pages(municipality, rows, levels_for_audience("public"), public=True)
    return Page("sources/public.html", {"rows": rows})


SECTION = Section("sources", _("Quellen"), order=95, path="quellen/", view=sources)
