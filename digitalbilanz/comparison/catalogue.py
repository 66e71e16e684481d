"""The national DCAT-AP.de catalogue: every opted-in municipality's datasets, each built by the
portal's own catalogue builder (``portal.dcat.catalogue``) with its own publisher, licence and
place, plus the combined comparison file as a dataset of its own."""

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
    datasets.append(_comparison_dataset(request, home, today))
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
                "Die offenen Daten aller Kommunen, die am Vergleich teilnehmen, und die "
                "Vergleichstabelle aus ihren öffentlichen Daten."
            ),
            "@language": "de",
        },
        "dct:publisher": publisher,
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DEU"},
        "dct:modified": {"@value": today.isoformat(), "@type": "xsd:date"},
        "foaf:homepage": {"@id": home},
        "dcat:dataset": datasets,
    }


def _comparison_dataset(request, home, today) -> dict:
    url = request.build_absolute_uri(reverse("comparison:csv"))
    return {
        "@id": f"{home}#vergleich",
        "@type": "dcat:Dataset",
        "dct:identifier": "digitalbilanz-vergleich",
        "dct:title": {"@value": _("Vergleich der Kommunen"), "@language": "de"},
        "dct:description": {
            "@value": _(
                "Kennzahlen je teilnehmender Kommune aus ihren öffentlichen Daten: Investition und "
                "Kapitalwert je Einwohner, Anteil der Maßnahmen mit Nutzenaussage, Anteil der "
                "Meilensteine im Plan, Online-Dienste und Online-Quote."
            ),
            "@language": "de",
        },
        "dcat:theme": {"@id": dcat.GOV_THEME},
        "dct:modified": {"@value": today.isoformat(), "@type": "xsd:date"},
        "dcat:landingPage": {"@id": home},
        "dcat:distribution": [
            {
                "@id": f"{url}#distribution",
                "@type": "dcat:Distribution",
                "dct:title": {"@value": _("Vergleich der Kommunen (CSV)"), "@language": "de"},
                "dct:format": {"@id": dcat.FILE_TYPES + "CSV"},
                "dcat:mediaType": {"@id": "https://www.iana.org/assignments/media-types/text/csv"},
                "dcat:accessURL": {"@id": url},
                "dcat:downloadURL": {"@id": url},
            }
        ],
    }
