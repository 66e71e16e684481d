"""A table registered by any module appears in every output and is writable through the API,
with no change to portal or API code. The tables here are registered by the test itself."""

import csv
import io
import json

import pytest
from django import forms
from django.test import Client

from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.core.permissions import can_edit
from digitalbilanz.finance.models import BudgetFigure, ProductGroup
from digitalbilanz.registry.tables import (
    Column,
    Filter,
    Parent,
    Table,
    Writes,
    id_column,
    register_table,
    table,
    tables,
    unregister_table,
)
from digitalbilanz.testing import Factory


class GroupForm(forms.ModelForm):
    class Meta:
        model = ProductGroup
        fields = ["number", "name", "visibility"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality


class AmountForm(forms.ModelForm):
    class Meta:
        model = BudgetFigure
        fields = ["year", "kind", "amount", "source", "visibility"]

    def __init__(self, *args, municipality, product_group, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality
        self.instance.product_group = product_group


def _may_edit(user, municipality, record):
    return can_edit(user, municipality)


GROUPS = Table(
    "test_groups",
    "Produktgruppen (Test)",
    "Eine Tabelle, die nur dieser Test anmeldet.",
    (
        id_column("Kennung der Produktgruppe."),
        Column("number", "string", "Nummer", "Vier Ziffern."),
        Column("name", "string", "Bezeichnung", "Name der Produktgruppe."),
    ),
    lambda municipality, levels: ProductGroup.objects.for_municipality(municipality).with_levels(levels),
    keywords=("Test",),
    order=999,
    filters=(Filter("number", "string", "number", "Nummer der Produktgruppe."),),
    writes=Writes(GroupForm, _may_edit),
)
AMOUNTS = Table(
    "test_amounts",
    "Beträge (Test)",
    "Kindzeilen einer Produktgruppe.",
    (
        id_column("Kennung des Betrags."),
        Column("product_group", "integer", "Produktgruppe", "Kennung.", lambda b: b.product_group_id),
        Column("amount", "number", "Betrag", "Euro.", unit="EUR"),
    ),
    lambda municipality, levels: BudgetFigure.objects.for_municipality(municipality).with_levels(levels),
    order=1000,
    keyset=True,
    writes=Writes(
        AmountForm,
        _may_edit,
        parent=Parent(
            "product_group",
            "Produktgruppe",
            lambda principal, m: ProductGroup.objects.visible_to(principal, m),
            code_field="number",
        ),
    ),
)


@pytest.fixture
def registered():
    register_table(GROUPS)
    register_table(AMOUNTS)
    yield
    unregister_table(GROUPS.name)
    unregister_table(AMOUNTS.name)


@pytest.fixture
def town(db):
    town = Factory.municipality(slug="musterstadt")
    groups = (("1111", "Schul-IT", Visibility.PUBLIC), ("2222", "GEHEIM", Visibility.INTERNAL))
    for number, name, level in groups:
        ProductGroup.objects.create(municipality=town, number=number, name=name, visibility=level)
    return town


def test_unregistering_removes_the_table(registered):
    assert table("test_groups") is GROUPS and GROUPS in tables()
    unregister_table("test_groups")
    assert table("test_groups") is None and GROUPS not in tables()


def test_registered_table_is_in_every_open_data_format(registered, town):
    client = Client()
    body = client.get("/musterstadt/daten/test_groups.csv").content.decode("utf-8-sig")
    public = [_pk("1111"), "1111", "Schul-IT"]
    assert list(csv.reader(io.StringIO(body))) == [["id", "number", "name"], public]
    rows = client.get("/musterstadt/daten/test_groups.json").json()
    assert rows == [{"id": int(_pk("1111")), "number": "1111", "name": "Schul-IT"}]
    xlsx = client.get("/musterstadt/daten/test_groups.xlsx")
    assert _sheet_rows(xlsx.content) == [("id", "number", "name"), (int(public[0]), "1111", "Schul-IT")]
    assert "<code>number</code>" in client.get("/musterstadt/daten/spalten/").content.decode()
    assert "test_groups.csv" in client.get("/musterstadt/daten/").content.decode()


def test_registered_table_is_in_datapackage_and_dcat_catalogue(registered, town):
    client = Client()
    package = client.get("/musterstadt/daten/datapackage.json").json()
    resource = next(r for r in package["resources"] if r["name"] == "test_groups")
    assert resource["path"] == "test_groups.csv" and resource["schema"]["primaryKey"] == "id"
    catalogue = json.loads(client.get("/musterstadt/daten/katalog.jsonld").content)
    dataset = next(d for d in catalogue["dcat:dataset"] if d["@id"].endswith("#test_groups"))
    assert dataset["dct:title"]["@value"] == "Produktgruppen (Test)"
    assert len(dataset["dcat:distribution"]) == 3


def test_registered_table_is_in_the_api_and_its_openapi_document(registered, town):
    from openapi_spec_validator import validate

    client = Client()
    listing = client.get("/api/v1/musterstadt/test_groups/").json()
    assert [r["name"] for r in listing["results"]] == ["Schul-IT"]
    assert client.get("/api/v1/musterstadt/test_groups/?number=2222").json()["count"] == 0
    assert client.get(f"/api/v1/musterstadt/test_groups/{_pk('2222')}/").status_code == 404
    assert "test_groups" in client.get("/api/v1/musterstadt/").json()["tables"]
    document = client.get("/api/v1/openapi.json").json()
    validate(document)
    paths = document["paths"]
    assert {"get", "post"} <= set(paths["/{slug}/test_groups/"])
    assert "patch" in paths["/{slug}/test_groups/{id}/"]
    body = paths["/{slug}/test_amounts/"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert {"year", "kind", "amount", "product_group"} <= set(body["properties"])
    assert body["properties"]["kind"]["enum"] == ["plan", "actual"]


@pytest.fixture
def writer(town):
    admin = Factory.user(town, Role.ADMIN)
    _key, secret = ApiKey.issue(town, admin, "schreiben", read_write=True)
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def _send(client, method, url, data):
    return getattr(client, method)(url, json.dumps(data), content_type="application/json")


def test_registered_table_is_written_through_its_form(registered, town, writer):
    created = _send(writer, "post", "/api/v1/musterstadt/test_groups/", {"number": "1333", "name": "Neu"})
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    changed = _send(
        writer, "patch", f"/api/v1/musterstadt/test_groups/{pk}/", {"name": "Umbenannt", "lock_version": 0}
    )
    assert changed.status_code == 200 and changed.json()["name"] == "Umbenannt"
    invalid = _send(writer, "post", "/api/v1/musterstadt/test_groups/", {"number": "33", "name": "x"})
    assert invalid.status_code == 400 and invalid.json()["error"]["details"][0]["field"] == "number"
    assert ProductGroup.objects.get(pk=pk).name == "Umbenannt"
    assert not ProductGroup.objects.filter(number="33").exists()


def test_child_rows_name_their_parent_by_id_or_code_and_never_move(registered, town, writer):
    figure = {"year": 2025, "kind": "plan", "amount": "10.00", "source": "Plan", "visibility": "public"}
    by_code = _send(writer, "post", "/api/v1/musterstadt/test_amounts/", dict(figure, product_group="1111"))
    assert by_code.status_code == 201, by_code.content
    assert by_code.json()["product_group"] == int(_pk("1111"))
    url = "/api/v1/musterstadt/test_amounts/"
    by_id = _send(writer, "post", url, dict(figure, product_group=int(_pk("2222"))))
    assert by_id.status_code == 201 and by_id.json()["product_group"] == int(_pk("2222"))
    missing = _send(writer, "post", "/api/v1/musterstadt/test_amounts/", figure)
    assert missing.status_code == 400 and missing.json()["error"]["details"][0]["field"] == "product_group"
    unknown = _send(writer, "post", "/api/v1/musterstadt/test_amounts/", dict(figure, product_group="9999"))
    assert unknown.status_code == 404
    url = f"/api/v1/musterstadt/test_amounts/{by_code.json()['id']}/"
    moved = _send(writer, "patch", url, {"product_group": "2222", "amount": "1.00", "lock_version": 0})
    assert moved.status_code == 409 and moved.json()["error"]["details"][0]["field"] == "product_group"
    same = _send(writer, "patch", url, {"product_group": "1111", "amount": "12.50", "lock_version": 0})
    assert same.status_code == 200 and same.json()["amount"] == 12.5
    assert BudgetFigure.objects.filter(product_group__number="1111").get().amount == 12.5


def test_a_read_only_table_refuses_writes(registered, town, writer):
    response = _send(writer, "post", "/api/v1/musterstadt/figures/", {})
    assert response.status_code == 405 and response["Allow"] == "GET"
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_writes_follow_the_tables_permission(registered, town):
    limited = Factory.user(town, Role.EDITOR, units=[Factory.unit(town, "FB 1")])
    _key, secret = ApiKey.issue(town, limited, "eingeschränkt", read_write=True)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    pk = _pk("1111")
    response = _send(client, "patch", f"/api/v1/musterstadt/test_groups/{pk}/", {"name": "x"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    assert ProductGroup.objects.get(pk=pk).name == "Schul-IT"


def _pk(number):
    return str(ProductGroup.objects.get(number=number).pk)


def _sheet_rows(content):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    return [tuple(c.value for c in row) for row in sheet.iter_rows()]
