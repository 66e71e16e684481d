"""The demo's DCAT-AP.de catalogue conforms to DCAT-AP.de 3.0 and to DCAT-AP.de 2.0 with GovData's
conventions as GovData's validator checks them: the official SHACL shapes (profiles
``v30_de_spec`` and ``v20_de_spec_implr``, vendored in ``assets/dcat-ap-de-3`` and
``assets/dcat-ap-de-2``) with the vocabularies they need, via pyshacl, no network. Warnings are
allowed (listed in docs/portal.md); a violation fails.

The EU language table is not vendored (see the assets' README): the one rule that needs it —
``dct:language`` is a concept of that table — is left out, and the value it would check is asserted
to be exactly the EU's IRI for German instead.
"""

from pathlib import Path

import pytest
from django.test import Client

ASSETS = Path(__file__).parent / "assets"
PROFILE = ASSETS / "dcat-ap-de-3"
# The shapes GovData's validator applies (its config.properties): for DCAT-AP.de 3.0 (v30_de_spec)
# SEMIC's DCAT-AP 3.0.0 shapes and GovData's German ones; for 2.0 with the conventions
# (v20_de_spec_implr) SEMIC's DCAT-AP 2.1.1 shapes and GovData's German ones.
SHAPES = {
    "3.0": (
        PROFILE / "dcat-ap-SHACL.ttl",
        PROFILE / "dcat-ap-SHACL-DE.ttl",
        PROFILE / "dcat-ap-de-deprecated.ttl",
        PROFILE / "dcat-ap-spec-german-additions.ttl",
        PROFILE / "dcat-ap-de-controlledvocabularies.ttl",
    ),
    "2.0": tuple(
        ASSETS / "dcat-ap-de-2" / name
        for name in (
            "dcat-ap_2.1.1_shacl_shapes.ttl",
            "dcat-ap-spec-german-messages.ttl",
            "dcat-ap-spec-german-additions.ttl",
            "dcat-ap-de-deprecated.ttl",
            "dcat-ap-konventionen.ttl",
        )
    ),
}
# What the shapes' imports (dcat-ap-de-imports.ttl) would fetch, as far as the catalogue uses it.
VOCABULARIES = (
    (PROFILE / "foaf_0_1.rdf", "xml"),
    (PROFILE / "vcard.ttl", "turtle"),
    (PROFILE / "org.ttl", "turtle"),
    (PROFILE / "eu-file-type-extract.ttl", "turtle"),
    (PROFILE / "eu-data-theme-extract.ttl", "turtle"),
    (ASSETS / "govdata" / "dcat-ap-de-licenses-open.rdf", "xml"),
    (ASSETS / "govdata" / "dcat-ap-de-contributors.rdf", "xml"),
)
GERMAN = "http://publications.europa.eu/resource/authority/language/DEU"
LANGUAGE_TABLE = "http://publications.europa.eu/resource/authority/language"


def _graph(path, fmt):
    from rdflib import Graph

    return Graph().parse(path, format=fmt)


@pytest.fixture
def catalogue(demo_town):
    from rdflib import Graph

    return Graph().parse(data=Client().get("/leverkusen/daten/katalog.jsonld").content, format="json-ld")


def _validate(data, profile="3.0"):
    from pyshacl import validate
    from rdflib import Graph
    from rdflib.namespace import SH, SKOS

    shapes = Graph()
    for path in SHAPES[profile]:
        shapes += _graph(path, "turtle")
    vocabularies = Graph()
    for path, fmt in VOCABULARIES:
        vocabularies += _graph(path, fmt)
    _conforms, report, _text = validate(data + vocabularies, shacl_graph=shapes, inference="none")
    violations, warnings, languages = [], [], set()
    for result in report.objects(None, SH.result):
        focus, path = report.value(result, SH.focusNode), report.value(result, SH.resultPath)
        shape = report.value(result, SH.sourceShape)
        if path == SKOS.inScheme and str(shapes.value(shape, SH.hasValue)) == LANGUAGE_TABLE:
            languages.add(str(focus))  # the language table's own rule (table not vendored)
            continue
        line = f"{report.value(result, SH.resultMessage)} ({focus})"
        if report.value(result, SH.resultSeverity) == SH.Violation:
            violations.append(line)
        else:
            warnings.append(str(report.value(result, SH.resultMessage)))
    return violations, warnings, languages


def test_the_demo_catalogue_conforms_to_dcat_ap_de_3(catalogue):
    from rdflib import URIRef
    from rdflib.namespace import DCAT, DCTERMS

    violations, warnings, languages = _validate(catalogue)
    assert not violations, "\n".join(violations)
    assert languages == {GERMAN}
    assert set(catalogue.objects(None, DCTERMS.language)) == {URIRef(GERMAN)}
    # The warnings docs/portal.md lists, and no others: per dataset, the deprecated
    # politicalGeocodingURI and the level vocabulary (not vendored).
    datasets = set(catalogue.subjects(DCAT.distribution, None))
    assert all("politicalGeocoding" in w for w in warnings), warnings
    assert len(warnings) == 2 * len(datasets)

    # The shapes do reject: a format outside the EU file-type table is a violation.
    distribution = next(catalogue.subjects(DCAT.accessURL, None))
    catalogue.set((distribution, DCTERMS.format, URIRef("http://example.org/format/csv")))
    violations, _warnings, _languages = _validate(catalogue)
    assert any("dcterms:format" in v for v in violations), violations


def test_the_demo_catalogue_conforms_to_dcat_ap_de_2_with_govdatas_conventions(catalogue):
    from rdflib.namespace import DCAT, DCTERMS

    violations, warnings, languages = _validate(catalogue, "2.0")
    assert not violations, "\n".join(violations)
    assert languages == {GERMAN}
    # Per dataset: the regional key and the level are not confirmed against their vocabularies
    # (not vendored); once: the catalogue's dct:Location has no bbox, centroid or geometry.
    datasets = set(catalogue.subjects(DCAT.distribution, None))
    geocoding = [w for w in warnings if "politicalGeocoding" in w]
    located = [w for w in warnings if w.startswith("dct:Location: SOLL eine der folgenden")]
    assert len(geocoding) == 2 * len(datasets)
    assert len(located) == len(set(catalogue.objects(None, DCTERMS.spatial)))
    assert len(warnings) == len(geocoding) + len(located), warnings
