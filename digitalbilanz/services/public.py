"""The public page of the services in the portal (a ``Section`` registered in ``register.py``)."""

from digitalbilanz.registry.portal import Page
from digitalbilanz.services import summary


def services_page(request, municipality):
    """Public services only, whoever is logged in (the portal's rule)."""
    section = summary.collect(summary.public_services(municipality), municipality)
    return Page("services/public.html", {"section": section, "rows": section["services"]})
