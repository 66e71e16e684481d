"""Sensible German defaults for the portal settings, created lazily on first use."""

import datetime as dt

from django.utils.translation import gettext as _

from digitalbilanz.core.datachanges import invisible
from digitalbilanz.portal.models import PortalSettings

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

ENFORCEMENT_NRW = (
    "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen "
    "bei der Landesbeauftragten für Menschen mit Behinderung, Fürstenwall 25, 40219 Düsseldorf, "
    "ombudsstelle-barrierefreie-it@mags.nrw.de"
)


def _defaults(municipality) -> dict:
    values = {
        "publisher": municipality.name,
        "contact_email": f"digitalisierung@{municipality.slug}.example",
        "accessibility_contact": f"barrierefreiheit@{municipality.slug}.example",
        "address": municipality.name,
        "enforcement_body": ENFORCEMENT_NRW if municipality.state == "Nordrhein-Westfalen" else "",
        "known_barriers": _(
            "Diagramme sind als Grafik mit Textalternative eingebunden; dieselben Werte stehen "
            "jeweils in einer Tabelle daneben. Mit PDF-Dateien älterer Berichte kann es "
            "Einschränkungen geben."
        ),
        "statement_date": dt.date.today(),
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
