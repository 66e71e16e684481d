"""GovData's metadata quality check (its own SHACL shapes, vendored in ``assets/govdata``) finds
nothing in the demo's DCAT-AP.de catalogue: keyword, exactly one published contributorID,
publisher, licence, … (pyshacl, no network)."""

from pathlib import Path

import pytest
from django.test import Client

GOVDATA = Path(__file__).parent / "assets" / "govdata"
COUNTERS = "http://govdata.de/mqa/#count_"


@pytest.fixture
def catalogue(db):
    from rdflib import Graph

    from digitalbilanz.demo import leverkusen

    leverkusen.load()
    return Graph().parse(data=Client().get("/leverkusen/daten/katalog.jsonld").content, format="json-ld")


def _results(data):
    from pyshacl import validate
    from rdflib import Graph

    shapes = Graph().parse(GOVDATA / "db-shapes.ttl", format="turtle")
    vocabularies = Graph()
    for name in ("dcat-ap-de-contributors.rdf", "dcat-ap-de-licenses-open.rdf"):
        vocabularies.parse(GOVDATA / name, format="xml")
    _conforms, report, _text = validate(data + vocabularies, shacl_graph=shapes, inference="none")
    from rdflib.namespace import SH

    # Rules with a count_… severity fire for every dataset or distribution on purpose: GovData's
    # dashboard counts with them. Everything else is a finding.
    findings = []
    for result in report.objects(None, SH.result):
        severity = str(report.value(result, SH.resultSeverity))
        if severity.startswith(COUNTERS):
            continue
        findings.append(
            f"{severity}: {report.value(result, SH.resultMessage)} ({report.value(result, SH.focusNode)})"
        )
    return findings, "\n".join(findings)


def test_the_demo_catalogue_passes_govdatas_quality_check(catalogue):
    results, text = _results(catalogue)
    assert not results, text


def test_the_quality_check_fails_without_a_contributor_id(catalogue):
    from rdflib import Namespace

    dcatde = Namespace("http://dcat-ap.de/def/dcatde/")
    catalogue.remove((None, dcatde.contributorID, None))
    results, text = _results(catalogue)
    assert results and "contributorID" in text
