"""The national DCAT-AP.de catalogue: every opted-in municipality's datasets, each built by the
portal's own catalogue builder (``portal.dcat.catalogue``) with its own publisher, licence,
contributor and place, so a harvester (GovData) reads them as from the municipality's portal.

The combined comparison file is not a dataset here: it mixes data published under each
municipality's own licence and belongs to no single contributor of dcat-ap.de; the page, the
API and the catalogue's ``foaf:page`` link it."""

from django.urls import reverse
from django.utils.translation import gettext as _

from digitalbilanz.comparison import figures
from digitalbilanz.portal import dcat
from digitalbilanz.portal.defaults import ensure_portal_settings


def build(request, today) -> dict:
    home = request.build_absolute_uri(reverse("comparison:page"))
    datasets = []
    for municipality in figures.participants():
        base_url = request.build_absolute_uri(reverse("portal:data", args=[municipality.slug]))
        own = dcat.catalogue(municipality, ensure_portal_settings(municipality), base_url, today)
        datasets.extend(own["dcat:dataset"])
    publisher = {
        "@id": f"{home}#herausgeber",
        "@type": "foaf:Organization",
        "foaf:name": _("Teilnehmende Kommunen der Digitalbilanz"),
    }
    return {
        "@context": dcat.CONTEXT,
        "@id": f"{home}katalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": {"@value": _("Offene Daten zur Digitalisierung der Kommunen"), "@language": "de"},
        "dct:description": {
            "@value": _(
                "Die offenen Daten aller Kommunen, die am Vergleich teilnehmen, jeweils mit "
                "Herausgeber und Lizenz der Kommune."
            ),
            "@language": "de",
        },
        "dct:publisher": publisher,
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DEU"},
        "dct:modified": {"@value": today.isoformat(), "@type": "xsd:date"},
        "foaf:homepage": {"@id": home},
        "foaf:page": {"@id": request.build_absolute_uri(reverse("comparison:csv"))},
        "dcat:dataset": datasets,
    }
