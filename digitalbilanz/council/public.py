"""The public council page (a portal section, registered in ``register.py``): public papers with
their public consultations, results and linked public measures. Non-public agenda items and
consultations never reach it: every read goes through the public level."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.registry.portal import Page, Route, Section

from . import queries

AUDIENCE = "public"


def papers(request, municipality):
    rows = queries.papers(municipality, levels_for_audience(AUDIENCE))
    return Page(
        "council/public_papers.html", {"page": Paginator(rows, 50).get_page(request.GET.get("seite"))}
    )


def paper(request, municipality, pk):
    levels = levels_for_audience(AUDIENCE)
    found = queries.papers(municipality, levels).filter(pk=pk).first()
    if found is None:
        raise Http404
    return Page("council/public_paper.html", {"view": queries.paper_view(found, levels)})


SECTION = Section(
    "council",
    _("Ratsvorlagen"),
    order=66,
    path="rat/",
    view=papers,
    routes=(Route("rat/<int:pk>/", paper, "council_paper"),),
)
