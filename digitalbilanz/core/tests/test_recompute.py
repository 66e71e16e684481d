"""Every published figure can be recomputed from the open data alone (parameters included)."""

import datetime as dt
from decimal import Decimal

from django.test import Client

from digitalbilanz.core.models import Parameter
from digitalbilanz.testing import Factory


def rows(slug, table):
    return Client().get(f"/api/v1/{slug}/{table}/?page_size=200").json()["results"]


def test_a_measure_npv_is_recomputed_to_the_cent_from_lines_measures_and_parameters(db):
    town = Factory.municipality()
    Parameter.objects.create(
        municipality=town, key="discount_rate", value=Decimal("2.5"), source="Ratsbeschluss", as_of=dt.date(2024, 1, 1)
    )
    measure = Factory.measure(town, start_date=dt.date(2024, 3, 1))
    Factory.line(measure, year=2024, amount="50000")
    Factory.line(measure, year=2025, kind="benefit", amount="12000", group="operation", category="avoided")
    Factory.line(
        measure, year=2026, kind="benefit", amount=None, hours=Decimal("800"), career_level="gd",
        budget_relevant=False, group="operation", category="time",
    )  # fmt: skip

    params = {p["key"]: p for p in rows(town.slug, "parameters")}
    assert params["discount_rate"]["value"] == 2.5 and params["discount_rate"]["is_default"] is False
    assert params["wage_gd"]["is_default"] is True and params["wage_gd"]["source"]
    rate = params["discount_rate"]["value"] / 100
    start = int(next(m for m in rows(town.slug, "measures") if m["id"] == measure.pk)["start_date"][:4])
    npv = 0.0
    for line in rows(town.slug, "lines"):
        if line["hours"] is not None:
            wage = params[f"wage_{line['career_level']}"]["value"]
            euros = line["hours"] * wage * (1 + params["overhead"]["value"] / 100)
        else:
            euros = line["amount"]
        sign = 1 if line["kind"] == "benefit" else -1
        npv += sign * euros / (1 + rate) ** (line["year"] - start)
    published = next(f for f in rows(town.slug, "figures") if f["measure"] == measure.pk)["npv_kn"]
    assert round(npv, 2) == round(published, 2)
