"""DCAT-AP.de catalogue of a municipality's open data as JSON-LD (methods.md §10).

Written as plain JSON-LD so production needs no RDF library; the tests parse it with rdflib.
Titles carry neither place nor time; place is given by ``dct:spatial`` and
``dcatde:politicalGeocodingURI`` from the municipality's regional key (ARS).
"""

from django.utils.translation import gettext as _

from digitalbilanz.core.choices import MunicipalityKind
from digitalbilanz.portal.opendata import PUBLIC
from digitalbilanz.registry.tables import tables

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EU_FORMAT = {"csv": "CSV", "json": "JSON", "xlsx": "XLSX"}
GOV_THEME = "http://publications.europa.eu/resource/authority/data-theme/GOVE"


def _lit(value, lang="de"):
    return {"@value": str(value), "@language": lang}


def _date(value):
    return {"@value": value.isoformat(), "@type": "xsd:date"}


def catalogue(municipality, settings, base_url: str, modified) -> dict:
    """``base_url`` is the absolute URL of the portal's data page, ending in a slash."""
    geo = _geocoding(municipality)
    publisher = {
        "@id": f"{base_url}#herausgeber",
        "@type": "foaf:Organization",
        "foaf:name": settings.publisher,
    }
    contact = {
        "@type": "vcard:Organization",
        "vcard:fn": settings.publisher,
        "vcard:hasEmail": {"@id": f"mailto:{settings.contact_email}"},
    }
    datasets = [
        _dataset(t, municipality, settings, base_url, geo, publisher, contact, modified) for t in tables()
    ]
    return {
        "@context": CONTEXT,
        "@id": f"{base_url}katalog.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": _lit(_("Offene Daten zur Digitalisierung")),
        "dct:description": _lit(
            _("Maßnahmen, Kosten, Nutzen, Meilensteine und Haushalt der Digitalisierung (%(name)s).")
            % {"name": municipality.name}
        ),
        "dct:publisher": publisher,
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DEU"},
        "dct:modified": _date(modified),
        "foaf:homepage": {"@id": base_url},
        "dcat:dataset": datasets,
    }


def _geocoding(municipality) -> dict:
    """Place of the data from the regional key (ARS); left out while the key is not recorded."""
    if not municipality.ars:
        return {}
    geo = {"@id": f"http://dcat-ap.de/def/politicalGeocoding/regionalKey/{municipality.ars}"}
    level = "district" if municipality.kind == MunicipalityKind.DISTRICT else "municipality"
    # dct:spatial names a dct:Location (DCAT-AP.de 3.0); the IRI is the controlled-vocabulary
    # regional key, which 2.0 harvesters still read as dcatde:politicalGeocodingURI.
    location = {**geo, "@type": "dct:Location"}
    return {
        "dct:spatial": location,
        "dcatde:politicalGeocodingURI": geo,
        "dcatde:politicalGeocodingLevelURI": {
            "@id": f"http://dcat-ap.de/def/politicalGeocoding/Level/{level}"
        },
    }


def _dataset(table, municipality, settings, base_url, geo, publisher, contact, modified):
    dataset = {
        "@id": f"{base_url}#{table.name}",
        "@type": "dcat:Dataset",
        # First published with the portal: the day the municipality's portal settings were stored.
        "dct:issued": _date(settings.created_at.date()),
        "dct:identifier": f"digitalbilanz-{municipality.slug}-{table.name}",
        "dct:title": _lit(table.title),
        "dct:description": _lit(table.description),
        "dcat:keyword": [_lit(k) for k in table.keywords],
        "dcat:theme": {"@id": GOV_THEME},
        "dct:publisher": publisher,
        "dcat:contactPoint": contact,
        **geo,
        "dct:modified": _date(modified),
        **({"dcatde:contributorID": {"@id": settings.contributor_id}} if settings.contributor_id else {}),
        "dcat:landingPage": {"@id": f"{base_url}spalten/#{table.name}"},
        "dcat:distribution": [
            _distribution(table, settings, base_url, fmt) for fmt in ("csv", "json", "xlsx")
        ],
    }
    start, end = table.temporal(municipality, PUBLIC) if table.temporal else (None, None)
    if start or end:
        period = {"@type": "dct:PeriodOfTime"}
        if start:
            period["dcat:startDate"] = _date(start)
        if end:
            period["dcat:endDate"] = _date(end)
        dataset["dct:temporal"] = period
    return dataset


def _distribution(table, settings, base_url, fmt):
    url = {"@id": f"{base_url}{table.name}.{fmt}"}
    dist = {
        "@id": f"{base_url}{table.name}.{fmt}#distribution",
        "@type": "dcat:Distribution",
        "dct:title": _lit(f"{table.title} ({EU_FORMAT[fmt]})"),
        "dct:format": {"@id": FILE_TYPES + EU_FORMAT[fmt]},
        "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{MEDIA[fmt]}"},
        "dcat:accessURL": url,
        "dcat:downloadURL": url,
        "dct:license": {"@id": settings.licence_uri},
        "dcatde:licenseAttributionByText": settings.publisher,
    }
    if fmt == "csv":
        dist["dct:conformsTo"] = {"@id": f"{base_url}datapackage.json"}
    return dist
