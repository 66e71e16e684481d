"""A municipality onboarded with the command works before it has any data of its own.

Dashboard, app pages, portal pages, every open-data table in every format and a report edition
in every format answer with German empty states, never with an error.
"""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.test import Client

from digitalbilanz.core.models import Parameter
from digitalbilanz.core.parameters import parameter_specs

FORMATS = ("csv", "json", "xlsx")


@pytest.fixture
def admin(db, monkeypatch):
    monkeypatch.setenv("DIGITALBILANZ_ADMIN_PASSWORD", "ein-langes-Startpasswort-42")
    call_command(
        "municipality",
        "create",
        "neustadt",
        "--name",
        "Gemeinde Neustadt",
        "--type",
        "Gemeinde",
        "--admin",
        "anna",
        "--email",
        "anna@example.org",
        stdout=io.StringIO(),
    )
    client = Client()
    assert client.login(username="anna", password="ein-langes-Startpasswort-42")
    return client


def test_it_has_no_parameter_rows_of_its_own(admin):
    assert not Parameter.objects.exists()


def test_the_empty_dashboard_says_so_in_german(admin):
    response = admin.get("/app/neustadt/")
    assert response.status_code == 200
    assert "Noch keine Maßnahmen erfasst." in response.content.decode()


@pytest.mark.parametrize(
    "path", ["massnahmen/", "massnahmen/neu/", "strategien/", "parameter/", "parameter/horizon/", "berichte/"]
)
def test_every_app_page_answers(admin, path):
    assert admin.get(f"/app/neustadt/{path}").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "",
        "strategie/",
        "massnahmen/",
        "haushalt/",
        "berichte/",
        "daten/",
        "daten/spalten/",
        "barrierefreiheit/",
        "impressum/",
        "datenschutz/",
    ],
)
def test_every_portal_page_answers_anonymously(db, admin, path):
    assert Client().get(f"/neustadt/{path}").status_code == 200


def test_every_open_data_table_answers_empty_in_every_format(admin):
    from openpyxl import load_workbook

    client = Client()
    resources = client.get("/neustadt/daten/datapackage.json").json()["resources"]
    assert {"measures", "lines", "milestones", "budget"} <= {r["name"] for r in resources}
    for resource in resources:
        name = resource["name"]
        if name == "parameters":  # not empty: the registered defaults apply, marked as such
            records = json.loads(client.get("/neustadt/daten/parameters.json").content)
            # every registered parameter plus the Monte Carlo's draws and seed
            assert len(records) == len(parameter_specs()) + 2 and all(r["is_default"] for r in records)
            continue
        header = [field["name"] for field in resource["schema"]["fields"]]
        body = client.get(f"/neustadt/daten/{name}.csv").content.decode("utf-8-sig")
        assert list(csv.reader(io.StringIO(body))) == [header], name
        assert json.loads(client.get(f"/neustadt/daten/{name}.json").content) == [], name
        book = load_workbook(io.BytesIO(client.get(f"/neustadt/daten/{name}.xlsx").content))
        assert book.worksheets[0].max_row == 1, name


def test_the_empty_data_package_validates(admin, tmp_path):
    from frictionless import Package

    client = Client()
    descriptor = client.get("/neustadt/daten/datapackage.json").json()
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    for resource in descriptor["resources"]:
        (tmp_path / resource["path"]).write_bytes(client.get(f"/neustadt/daten/{resource['path']}").content)
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_the_catalogue_without_regional_key_parses_and_leaves_out_the_geocoding(admin):
    from rdflib import Graph, Namespace
    from rdflib.namespace import DCAT, RDF

    dcatde = Namespace("http://dcat-ap.de/def/dcatde/")
    graph = Graph().parse(data=Client().get("/neustadt/daten/katalog.jsonld").content, format="json-ld")
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert datasets
    assert not list(graph.objects(None, dcatde.politicalGeocodingURI))


@pytest.mark.parametrize("audience", ["public", "council"])
def test_a_draft_report_renders_in_every_format(admin, audience):
    response = admin.post("/app/neustadt/berichte/neu/", {"period": "2025-H1", "audience": audience})
    assert response.status_code == 302
    detail = admin.get(response["Location"])
    assert detail.status_code == 200
    for fmt, content_type in (
        ("pdf", "application/pdf"),
        ("html", "text/html"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ):
        file = admin.get(f"{response['Location']}{fmt}/")
        assert file.status_code == 200, fmt
        assert file["Content-Type"].startswith(content_type), fmt
        assert len(file.content) > 500, fmt
