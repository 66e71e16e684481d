"""Pages every German public website must have: accessibility statement, imprint, privacy."""

from digitalbilanz.portal.views.common import page, portal_view


@portal_view
def accessibility(request, municipality):
    return page(request, municipality, "accessibility.html")


@portal_view
def imprint(request, municipality):
    return page(request, municipality, "imprint.html")


@portal_view
def privacy(request, municipality):
    return page(request, municipality, "privacy.html")
