"""Open data: the package validates with frictionless, the DCAT-AP.de catalogue parses as RDF."""

import csv
import io
import json

from django.test import Client

from digitalbilanz.registry.tables import tables


def test_datapackage_validates_with_its_csv_files(town, tmp_path):
    from frictionless import Package

    client = Client()
    descriptor = client.get("/leverkusen/daten/datapackage.json").json()
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    for resource in descriptor["resources"]:
        (tmp_path / resource["path"]).write_bytes(client.get(f"/leverkusen/daten/{resource['path']}").content)
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {r["name"] for r in descriptor["resources"]} >= {"measures", "lines", "milestones", "budget"}


def test_csv_is_utf8_with_documented_columns(town):
    client = Client()
    columns_page = client.get("/leverkusen/daten/spalten/").content.decode()
    for table in tables():
        raw = client.get(f"/leverkusen/daten/{table.name}.csv").content
        assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with byte-order mark, so Excel reads umlauts"
        body = raw.decode("utf-8-sig")
        header = next(csv.reader(io.StringIO(body)))
        assert header == [c.name for c in table.columns]
        for column in table.columns:
            assert f"<code>{column.name}</code>" in columns_page


def test_json_and_xlsx_hold_the_same_rows_as_csv(town):
    from openpyxl import load_workbook

    client = Client()
    rows = client.get("/leverkusen/daten/measures.json").json()
    body = client.get("/leverkusen/daten/measures.csv").content.decode("utf-8-sig")
    assert len(rows) == len(list(csv.reader(io.StringIO(body)))) - 1
    book = load_workbook(io.BytesIO(client.get("/leverkusen/daten/measures.xlsx").content))
    assert book.worksheets[0].max_row == len(rows) + 1


def test_dcat_catalogue_parses_as_rdf_and_follows_dcat_ap_de(town):
    from rdflib import Graph, Namespace, URIRef
    from rdflib.namespace import DCAT, DCTERMS, RDF

    dcatde = Namespace("http://dcat-ap.de/def/dcatde/")
    graph = Graph().parse(data=Client().get("/leverkusen/daten/katalog.jsonld").content, format="json-ld")
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == len(tables())
    geo = URIRef("http://dcat-ap.de/def/politicalGeocoding/regionalKey/053160000000")
    licence = URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
    for dataset in datasets:
        assert (dataset, dcatde.politicalGeocodingURI, geo) in graph
        assert (dataset, DCTERMS.spatial, geo) in graph
        assert graph.value(dataset, DCAT.contactPoint) is not None
        title = str(graph.value(dataset, DCTERMS.title))
        assert "Leverkusen" not in title
        for dist in graph.objects(dataset, DCAT.distribution):
            assert (dist, DCTERMS.license, licence) in graph
            assert graph.value(dist, DCAT.downloadURL) == graph.value(dist, DCAT.accessURL)
            assert str(graph.value(dist, DCTERMS.format)).startswith(
                "http://publications.europa.eu/resource/authority/file-type/"
            )
    measures = next(d for d in datasets if str(d).endswith("#measures"))
    assert graph.value(measures, DCTERMS.temporal) is not None


def test_dcat_datasets_carry_what_govdata_harvests(town):
    """GovData's quality check: dct:issued on every dataset, dct:spatial as a dct:Location IRI,
    dcatde:contributorID once the municipality has its GovData provider id."""
    from rdflib import Graph, Namespace, URIRef
    from rdflib.namespace import DCAT, DCTERMS, RDF

    from digitalbilanz.portal.defaults import ensure_portal_settings

    dcatde = Namespace("http://dcat-ap.de/def/dcatde/")

    def graph():
        body = Client().get("/leverkusen/daten/katalog.jsonld").content
        return Graph().parse(data=body, format="json-ld")

    g = graph()
    geo = URIRef("http://dcat-ap.de/def/politicalGeocoding/regionalKey/053160000000")
    assert (geo, RDF.type, DCTERMS.Location) in g
    datasets = list(g.subjects(RDF.type, DCAT.Dataset))
    for dataset in datasets:
        assert g.value(dataset, DCTERMS.issued) is not None
        # NRW: delivered through Open.NRW, whose provider id is the default
        assert g.value(dataset, dcatde.contributorID) == URIRef("http://dcat-ap.de/def/contributors/openNRW")
    settings = ensure_portal_settings(town)
    settings.contributor_id = "http://dcat-ap.de/def/contributors/beispielKommune"
    settings.save()
    g = graph()
    for dataset in g.subjects(RDF.type, DCAT.Dataset):
        assert g.value(dataset, dcatde.contributorID) == URIRef(settings.contributor_id)
