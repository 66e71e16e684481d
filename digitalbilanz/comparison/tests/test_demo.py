"""The Leverkusen demo takes part in the comparison; its figures are the portal's public figures,
and no planted non-public marker reaches the comparison page, file, catalogue or API."""

import json

import pytest
from django.test import Client

from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portal.tests.test_leak import _assert_clean, _plant
from digitalbilanz.portfolio.queries import audience_measures
from digitalbilanz.portfolio.summary import summarise


def test_demo_takes_part_with_the_portals_public_figures(demo_town):
    town = demo_town
    assert town.comparison_opt_in and town.inhabitants == 167_000
    assert "Demo-Annahme" in town.inhabitants_source
    _plant(town)
    client = Client()
    html = client.get("/vergleich/").content.decode()
    assert "Stadt Leverkusen" in html and "Demo-Annahme" in html and "nur eine Kommune teil" in html
    (row,) = client.get("/api/v1/vergleich/").json()["results"]
    portal = summarise(audience_measures(town, "public"), ParameterSet.for_municipality(town), draws=10)
    assert row["public_measures"] == len(portal.rows)
    assert row["npv_kn"] == pytest.approx(portal.npv_kn, abs=0.01)
    assert row["npv_per_inhabitant"] == pytest.approx(portal.npv_kn / 167_000, abs=0.01)
    assert row["investment"] == pytest.approx(portal.investment, abs=0.01)
    assert row["lines_not_included"] == portal.omitted_count
    for url in ("/vergleich/", "/vergleich/vergleich.csv", "/vergleich/katalog.jsonld", "/api/v1/vergleich/"):
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_clean(url, response.content)
    catalogue = json.loads(client.get("/vergleich/katalog.jsonld").content)
    assert any(d["dct:identifier"] == "digitalbilanz-leverkusen-measures" for d in catalogue["dcat:dataset"])


def test_national_catalogue_passes_govdatas_quality_check(demo_town):
    from rdflib import Graph

    from digitalbilanz.portal.tests.test_govdata_shacl import _results

    graph = Graph().parse(data=Client().get("/vergleich/katalog.jsonld").content, format="json-ld")
    results, text = _results(graph)
    assert not results, text
