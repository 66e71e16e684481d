"""Published report editions (built by the reports app, imported lazily: it may be absent)."""

from django.http import Http404

from digitalbilanz.portal.views.common import AUDIENCE, page, portal_view


def published_editions(municipality):
    """Public, published editions of the municipality with their files; [] without reports app."""
    try:
        from digitalbilanz.reports.models import Edition
    except ImportError:
        return []
    manager = getattr(Edition.objects, "published", None)
    if manager is None:
        return []
    return list(
        Edition.objects.published()
        .filter(municipality=municipality, audience=AUDIENCE)
        .prefetch_related("files")
    )


@portal_view
def editions(request, municipality):
    return page(
        request,
        municipality,
        "editions.html",
        {"editions": published_editions(municipality)},
        section="editions",
    )


def edition_file(request, slug, pk, fmt):
    """Delegates to the reports app, which checks that the edition is published and public."""
    try:
        from digitalbilanz.reports.views import public_file
    except ImportError as exc:
        raise Http404 from exc
    return public_file(request, slug, pk, fmt)
