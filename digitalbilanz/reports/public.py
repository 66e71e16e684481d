"""The report editions in the public portal: the list at ``/<slug>/berichte/`` and the files.

Registered as a portal section in ``reports/register.py``; the portal resolves the municipality
(unknown: 404), caches the list for anonymous readers and renders it in its layout. Only
published editions for the public are shown or served, whoever is logged in.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from digitalbilanz.registry.portal import Page, Route, Section
from digitalbilanz.reports.models import Audience, Edition
from digitalbilanz.reports.views import file_response


def published_editions(municipality):
    """Published editions for the public, with their files."""
    return list(
        Edition.objects.published()
        .filter(municipality=municipality, audience=Audience.PUBLIC)
        .prefetch_related("files")
    )


def editions(request, municipality):
    return Page("reports/public_editions.html", {"editions": published_editions(municipality)})


def edition_file(request, municipality, pk, fmt):
    """A file of a published public edition, for anyone (404 for everything else)."""
    edition = get_object_or_404(
        Edition.objects.published().filter(audience=Audience.PUBLIC).prefetch_related("files"),
        municipality=municipality,
        pk=pk,
    )
    if edition.file(fmt) is None:
        raise Http404
    return file_response(edition, fmt, inline=fmt in ("pdf", "html"))


SECTION = Section(
    "editions",
    _("Berichte"),
    order=80,
    path="berichte/",
    view=editions,
    routes=(Route("berichte/<int:pk>.<str:fmt>", edition_file, "edition_file", cache=False),),
)
