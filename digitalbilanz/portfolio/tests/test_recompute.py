"""Every published figure of the demo can be recomputed from the open-data files alone.

Only ``lines.csv``, ``measures.csv`` and ``parameters.csv`` are read (as anyone downloads them),
and the formulas of docs/methods.md are written out here, independent of the economics package.
"""

import csv
import io
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.test import Client


@pytest.fixture
def files(demo_town):
    town = demo_town
    client = Client()

    def table(name):
        body = client.get(f"/{town.slug}/daten/{name}.csv").content.decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(body)))

    return {name: table(name) for name in ("lines", "measures", "parameters", "figures")} | {
        "datapackage": client.get(f"/{town.slug}/daten/datapackage.json").json(),
        "dcat": client.get(f"/{town.slug}/daten/katalog.jsonld").content.decode(),
    }


def cents(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def recompute(lines, start, params):
    rate = float(params["discount_rate"]) / 100
    horizon = int(params["horizon"])
    hourly = {
        level: float(params[f"wage_{level}"]) * (1 + float(params["overhead"]) / 100)
        for level in ("md", "gd", "hd", "avg")
    }
    flows = {key: [0.0] * horizon for key in ("kn", "h", "nh", "r")}
    totals = defaultdict(float)
    for line in lines:
        amount = (
            float(line["amount"]) if line["amount"] else float(line["hours"]) * hourly[line["career_level"]]
        )
        t = int(line["year"]) - start
        assert 0 <= t < horizon
        sign = -1 if line["kind"] == "cost" else 1
        risk = float(line["risk_surcharge"]) / 100
        flows["kn"][t] += sign * amount
        flows["h" if line["budget_relevant"] == "true" else "nh"][t] += sign * amount
        flows["r"][t] += -amount * (1 + risk) if sign < 0 else amount * max(0.0, 1 - risk)
        if line["kind"] == "cost":
            totals["investment" if line["group"] == "development" else "running_costs"] += amount
        elif line["budget_relevant"] == "true":
            totals["cash_savings"] += amount
        elif line["hours"]:
            totals["work_hours"] += float(line["hours"])
    factors = [1 / (1 + rate) ** t for t in range(horizon)]
    result = {
        f"npv_{'kn' if k == 'kn' else 'kn_' + k}": sum(f * d for f, d in zip(flows[k], factors, strict=True))
        for k in flows
    }
    cumulative, payback = [], None
    running = 0.0
    for flow, factor in zip(flows["kn"], factors, strict=True):
        running += flow * factor
        cumulative.append(running)
    for t in reversed(range(horizon)):
        if cumulative[t] < 0:
            break
        payback = start + t
    return result | dict(totals) | {"payback_year": payback}


def test_every_published_figure_recomputes_from_the_files_to_the_cent(files):
    params = {row["key"]: row["value"] for row in files["parameters"]}
    for key in ("discount_rate", "horizon", "overhead", "wage_md", "wage_gd", "wage_hd", "wage_avg"):
        assert key in params, key
    measures = {row["id"]: row for row in files["measures"]}
    lines = defaultdict(list)
    for line in files["lines"]:
        lines[line["measure"]].append(line)
    checked = 0
    for figure in files["figures"]:
        if not figure["npv_kn"]:
            continue
        measure = measures[figure["measure"]]
        assert figure["withheld_lines"] == "0" or figure["notice"], figure["code"]
        own = lines[figure["measure"]]
        start = int(measure["start_date"][:4]) if measure["start_date"] else min(int(x["year"]) for x in own)
        assert int(figure["start_year"]) == start, figure["code"]
        expected = recompute(own, start, params)
        for column in (
            "npv_kn",
            "npv_kn_h",
            "npv_kn_nh",
            "npv_kn_r",
            "investment",
            "running_costs",
            "cash_savings",
        ):
            assert cents(figure[column]) == cents(expected.get(column, 0.0)), (figure["code"], column)
        assert cents(figure["work_hours"]) == cents(expected.get("work_hours", 0.0)), figure["code"]
        assert (int(figure["payback_year"]) if figure["payback_year"] else None) == expected["payback_year"]
        checked += 1
    assert checked >= 5


def test_parameters_and_monte_carlo_settings_are_in_the_datapackage_and_catalogue(files):
    names = {resource["name"] for resource in files["datapackage"]["resources"]}
    assert "parameters" in names
    params = {row["key"]: row for row in files["parameters"]}
    assert params["monte_carlo_seed"]["value"] == "20231231"
    assert int(params["monte_carlo_draws"]["value"]) > 0
    assert "Dreiecksverteilung" in params["monte_carlo_draws"]["note"]
    assert "unabhängig" in params["monte_carlo_draws"]["note"]
    assert "parameters.csv" in files["dcat"]
