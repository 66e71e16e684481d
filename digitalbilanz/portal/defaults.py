"""Sensible German defaults for the portal settings, created lazily on first use."""

import datetime as dt

from digitalbilanz.core.datachanges import invisible
from digitalbilanz.portal.accessibility import PRODUCT_BARRIERS
from digitalbilanz.portal.models import KnownBarrier, PortalSettings

# Demo values for Leverkusen: the city's public contact data (leverkusen.de, Impressum).
DEMO = {
    "leverkusen": {
        "publisher": "Stadt Leverkusen, Der Oberbürgermeister",
        "contact_email": "digitalisierung@stadt.leverkusen.de",
        "contact_phone": "0214 406-0",
        "address": "Stadt Leverkusen\nFriedrich-Ebert-Platz 1\n51373 Leverkusen",
        "accessibility_contact": "barrierefreiheit@stadt.leverkusen.de",
    }
}


OPEN_NRW = "http://dcat-ap.de/def/contributors/openNRW"


def _defaults(municipality) -> dict:
    values = {
        "publisher": municipality.name,
        "contact_email": f"digitalisierung@{municipality.slug}.example",
        "accessibility_contact": f"barrierefreiheit@{municipality.slug}.example",
        "address": municipality.name,
        "enforcement_body": "",  # empty: the body of the municipality's state (portal.accessibility)
        # NRW municipalities reach GovData through the state's portal Open.NRW, whose provider id
        # GovData lists; elsewhere GovData assigns the id on registration (docs/portal.md).
        "contributor_id": OPEN_NRW if municipality.state == "Nordrhein-Westfalen" else "",
        "known_barriers": "",
        "statement_date": dt.date.today(),
        "reviewed_on": dt.date.today(),
        "imprint": "",
        "privacy": "",
    }
    values.update(DEMO.get(municipality.slug, {}))
    return values


def ensure_portal_settings(municipality) -> PortalSettings:
    """The municipality's portal settings; created with defaults when missing."""
    cached = getattr(municipality, "_portal_settings", None)
    if cached is not None:
        return cached
    settings = PortalSettings.objects.filter(municipality=municipality).first()
    if settings is None:
        # Storing the defaults changes nothing a visitor sees, so it must not raise the data
        # version and thereby throw away the cached pages (core.datachanges.invisible).
        # ignore_conflicts: two first visitors at the same time.
        with invisible():
            PortalSettings.objects.bulk_create(
                [PortalSettings(municipality=municipality, **_defaults(municipality))], ignore_conflicts=True
            )
        settings = PortalSettings.objects.get(municipality=municipality)
    municipality._portal_settings = settings
    return settings


def known_barriers(municipality) -> list[KnownBarrier]:
    """The municipality's list of known barriers; prefilled once with the product's own limits."""
    settings = ensure_portal_settings(municipality)
    if not settings.barriers_prefilled:
        # Like the settings' defaults: storing them changes nothing a visitor sees.
        with invisible():
            rows = [
                KnownBarrier(municipality=municipality, order=i, **barrier)
                for i, barrier in enumerate(PRODUCT_BARRIERS, start=1)
            ]
            if not KnownBarrier.objects.filter(municipality=municipality).exists():
                KnownBarrier.objects.bulk_create(rows)
            PortalSettings.objects.filter(pk=settings.pk).update(barriers_prefilled=True)
        settings.barriers_prefilled = True
    return list(KnownBarrier.objects.filter(municipality=municipality))
