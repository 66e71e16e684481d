"""The comparison between municipalities: indicators by hand, public data only, opt-in, filters."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.exceptions import ValidationError

from digitalbilanz.comparison import figures
from digitalbilanz.core.choices import MunicipalityKind, Visibility
from digitalbilanz.portfolio.models import Benefit
from digitalbilanz.services import imports as service_imports
from digitalbilanz.services.models import Activity, Service
from digitalbilanz.testing import Factory

from .conftest import participant

COUNCIL = Visibility.COUNCIL


def service(town, ozg_id, status="online", visibility=Visibility.PUBLIC, cases=None):
    s = Service.objects.create(
        municipality=town, ozg_id=ozg_id, name=f"Dienst {ozg_id}", status=status, visibility=visibility
    )
    for channel in ("online", "counter"):
        Activity.objects.create(
            service=s, channel=channel, label="Bearbeitung", minutes=10, career_level="md"
        )
    if cases:
        rows = [(s.pk, "year", dt.date(2024, 1, 1), channel, n) for channel, n in cases.items()]
        service_imports.write(town, service_imports.Parsed(rows=rows, total=len(rows)), file_name="test")
    return s


@pytest.fixture
def town(db):
    """1,000 inhabitants; two public measures, four public milestones, two public services.

    By hand (year 0 = 2024, so no discounting): investment 10,000 + 2,000 = 12,000 € → 12 €/inh.;
    KN = (4,000 − 10,000) + (−2,000) = −8,000 € → −8 €/inh.; one of two measures states a
    benefit (the benefit line) → 50 %; two of four milestones on time (one not yet due, one
    reached early; one moved and one past its forecast are late); one of two services
    online; online share 300 / (300 + 700) = 30 %.
    """
    town = participant("Musterstadt", "musterstadt", 1_000)
    first = Factory.measure(town)
    Factory.line(first, year=2024, amount="10000")
    Factory.line(first, year=2024, kind="benefit", amount="4000", budget_relevant=True)
    Factory.milestone(first, baseline=dt.date(2099, 6, 30))  # open, not yet due: on time
    Factory.milestone(first, baseline=dt.date(2024, 6, 30), title="überfällig")  # open, past: late
    Factory.milestone(first, baseline=dt.date(2024, 6, 30), forecast=dt.date(2024, 7, 31))
    second = Factory.measure(town)
    Factory.line(second, year=2024, amount="2000")
    Factory.milestone(second, baseline=dt.date(2024, 6, 30), actual_date=dt.date(2024, 6, 1))
    service(town, "1", status="online", cases={"online": 300, "counter": 700})
    service(town, "2", status="planned")
    return town


def test_indicators_equal_hand_computed_values(town):
    (row,) = figures.compare().rows
    assert row.measures == 2
    assert row.investment_per_inhabitant == pytest.approx(12.0)
    assert row.npv_per_inhabitant == pytest.approx(-8.0)
    assert (row.with_benefit, row.benefit_share) == (1, 0.5)
    assert (row.on_time, row.milestones) == (2, 4)
    assert (row.services_online, row.services) == (1, 2)
    assert row.online_share == pytest.approx(0.3)
    assert row.size[0] == "unter-5000"
    assert row.omitted_lines == 0


def test_non_public_data_never_counts(town):
    before = figures.record(figures.compare().rows[0])
    hidden = Factory.measure(town, visibility=COUNCIL)
    Factory.line(hidden, year=2024, amount="99999")
    Factory.milestone(hidden, forecast=dt.date(2030, 1, 1))
    public = Factory.measure(town)  # public, but everything of it that would count is not
    public_lines = (
        Factory.line(public, year=2024, amount="5000", visibility=COUNCIL),
        Factory.line(public, year=2024, kind="benefit", amount="7000", visibility=Visibility.INTERNAL),
    )
    Factory.milestone(public, forecast=dt.date(2030, 1, 1), visibility=COUNCIL)
    Benefit.objects.create(
        municipality=town,
        measure=public,
        number=1,
        category="qualitative",
        description="Nutzen",
        owner="FB",
        kpi="Minuten",
        data_source="Messung",
        baseline_value=10,
        baseline_date=dt.date(2024, 1, 1),
        target_value=5,
        target_date=dt.date(2025, 1, 1),
        visibility=COUNCIL,
    )
    first = town_measure(town, 0)
    Factory.line(first, year=2024, amount="50000", visibility=COUNCIL)
    Factory.milestone(first, forecast=dt.date(2030, 1, 1), visibility=Visibility.INTERNAL)
    service(town, "3", status="online", visibility=COUNCIL, cases={"online": 5000, "counter": 1})
    after = figures.record(figures.compare().rows[0])
    # The public measure without readable lines counts as a measure (without a benefit statement);
    # its and the first measure's non-public lines are named as missing, never added.
    assert after["public_measures"] == before["public_measures"] + 1
    assert after["lines_not_included"] == len(public_lines) + 1
    for key in (
        "investment",
        "npv_kn",
        "measures_with_benefit",
        "milestones",
        "milestones_on_time",
        "services",
        "services_online",
        "online_share",
    ):
        assert after[key] == before[key], key


def town_measure(town, index):
    from digitalbilanz.portfolio.models import Measure

    return Measure.objects.filter(municipality=town, visibility=Visibility.PUBLIC).order_by("pk")[index]


def test_folded_lines_count_as_the_portal_counts_them(town):
    """With folding chosen, two council cost lines of one year and kind enter the KN (as on the
    municipality's own portal) and the row says so."""
    town.public_figures = "fold"
    town.save()
    first = town_measure(town, 0)
    Factory.line(first, year=2024, amount="1000", visibility=COUNCIL)
    Factory.line(first, year=2024, amount="3000", visibility=COUNCIL)
    (row,) = figures.compare().rows
    assert row.npv_per_inhabitant == pytest.approx(-12.0)  # −8,000 − 4,000
    assert (row.folded_lines, row.omitted_lines) == (2, 0)


def test_filters_by_state_kind_and_size(town):
    participant("Landkreis", "landkreis", 250_000, state="Bayern", kind=MunicipalityKind.DISTRICT)
    participant("Mittelstadt", "mittelstadt", 50_000, kind=MunicipalityKind.CITY)

    def names(**query):
        return [r.municipality.slug for r in figures.compare(figures.parse_filters(query)).rows]

    assert names() == ["landkreis", "mittelstadt", "musterstadt"]
    assert names(land="Bayern") == ["landkreis"]
    assert names(art="stadt") == ["mittelstadt", "musterstadt"]
    assert names(groesse="20000-100000") == ["mittelstadt"]
    assert names(land="Nordrhein-Westfalen", groesse="ab-100000") == []
    with pytest.raises(figures.FilterError) as caught:
        figures.parse_filters({"groesse": "riesig"})
    assert caught.value.param == "groesse"


def test_size_class_boundaries():
    assert figures.size_class(4_999)[0] == "unter-5000"
    assert figures.size_class(5_000)[0] == "5000-20000"
    assert figures.size_class(99_999)[0] == "20000-100000"
    assert figures.size_class(100_000)[0] == "ab-100000"
    assert figures.size_class(None) is None


def test_opting_in_needs_inhabitants_with_date_and_source(db):
    m = Factory.municipality(slug="ohne-zahl")
    m.comparison_opt_in = True
    with pytest.raises(ValidationError) as caught:
        m.full_clean()
    assert "Einwohnerzahl" in str(caught.value)
    m.inhabitants = 1234
    with pytest.raises(ValidationError) as caught:
        m.full_clean()
    assert "Stichtag und Quelle" in str(caught.value)
    m.inhabitants_as_of, m.inhabitants_source = dt.date(2024, 12, 31), "Landesamt"
    m.full_clean()


# --- pages, file, catalogue, API --------------------------------------------------------------


@pytest.fixture
def outsider(town):
    """Public data, but never opted in."""
    m = participant("Geheimstadt", "geheimstadt", 80_000, opt_in=False)
    Factory.line(Factory.measure(m), year=2024, amount="777")
    return m


def test_page_for_anonymous_readers(client, town, outsider):
    response = client.get("/vergleich/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption" in html and '<th scope="col">' in html and '<th scope="row">' in html
    assert "Wie wird verglichen?" in html and "Musterstadt" in html
    assert "nur eine Kommune teil" in html  # one participant: the page says so
    assert "<td>12,00 €</td>" in html and "<td>−8,00 €</td>" in html  # per inhabitant
    assert "50,0\u00a0% (1/2)" in html and "50,0\u00a0% (2/4)" in html and "30,0\u00a0%" in html
    assert "Geheimstadt" not in html and "geheimstadt" not in html


def test_opt_in_respected_everywhere(client, town, outsider):
    rows = list(
        csv.DictReader(io.StringIO(client.get("/vergleich/vergleich.csv").content.decode("utf-8-sig")))
    )
    assert [r["slug"] for r in rows] == ["musterstadt"]
    assert rows[0]["investment_per_inhabitant"] == "12.0"
    catalogue = json.loads(client.get("/vergleich/katalog.jsonld").content)
    ids = [d["dct:identifier"] for d in catalogue["dcat:dataset"]]
    assert "digitalbilanz-musterstadt-measures" in ids and catalogue["foaf:page"]["@id"].endswith(
        "/vergleich.csv"
    )
    assert not any("geheimstadt" in i for i in ids)
    assert "geheimstadt" not in json.dumps(catalogue)
    api = client.get("/api/v1/vergleich/").json()
    assert [r["slug"] for r in api["results"]] == ["musterstadt"] and api["participants_count"] == 1
    assert client.get("/geheimstadt/vergleich/").status_code == 404
    assert client.get("/musterstadt/vergleich/").status_code == 302
    assert 'href="/musterstadt/vergleich/"' in client.get("/musterstadt/").content.decode()
    assert 'href="/geheimstadt/vergleich/"' not in client.get("/geheimstadt/").content.decode()


def test_joining_and_data_changes_reach_the_cached_pages(client, town, outsider):
    assert "Geheimstadt" not in client.get("/vergleich/").content.decode()
    outsider.comparison_opt_in = True
    outsider.save()
    assert "Geheimstadt" in client.get("/vergleich/").content.decode()
    before = client.get("/api/v1/vergleich/?land=Nordrhein-Westfalen").json()["results"]
    Factory.measure(town)
    after = client.get("/api/v1/vergleich/?land=Nordrhein-Westfalen").json()["results"]
    assert after[1]["public_measures"] == before[1]["public_measures"] + 1


def test_bad_filters_are_refused_in_german(client, town):
    page = client.get("/vergleich/?groesse=riesig")
    assert page.status_code == 400 and "Unbekannte Größenklasse" in page.content.decode()
    api = client.get("/api/v1/vergleich/?art=dorf")
    assert api.status_code == 400
    assert api.json()["error"]["code"] == "invalid_parameter"
    assert api.json()["error"]["details"][0]["field"] == "art"
    unknown = client.get("/api/v1/vergleich/?foo=1")
    assert unknown.status_code == 400 and unknown.json()["error"]["details"][0]["field"] == "foo"
    assert client.get("/vergleich/vergleich.csv?land=Atlantis").status_code == 400


def test_filtered_page_file_and_api_agree(client, town):
    participant("Landkreis", "landkreis", 250_000, state="Bayern", kind=MunicipalityKind.DISTRICT)
    html = client.get("/vergleich/?land=Bayern").content.decode()
    assert 'id="kommune-landkreis"' in html and 'id="kommune-musterstadt"' not in html
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/vergleich/vergleich.csv?art=stadt").content.decode("utf-8-sig"))
        )
    )
    assert [r["slug"] for r in rows] == ["musterstadt"]
    api = client.get("/api/v1/vergleich/?groesse=ab-100000").json()
    assert [r["slug"] for r in api["results"]] == ["landkreis"]
    assert api["participants_count"] == 2 and api["count"] == 1


def test_no_participant_yet(client, db):
    response = client.get("/vergleich/")
    assert response.status_code == 200
    assert "Noch nimmt keine Kommune am Vergleich teil." in response.content.decode()
    assert client.get("/api/v1/vergleich/").json()["results"] == []


def test_a_change_recomputes_only_that_municipalitys_row(town, monkeypatch):
    other = participant("Nachbarstadt", "nachbarstadt", 30_000)
    Factory.line(Factory.measure(other), year=2024, amount="3000")
    first = {r.municipality.slug: figures.record(r) for r in figures.compare().rows}
    computed = []
    original = figures.compute_row
    monkeypatch.setattr(figures, "compute_row", lambda m: computed.append(m.slug) or original(m))
    Factory.line(town_measure(town, 1), year=2024, amount="1000")  # musterstadt only
    second = {r.municipality.slug: figures.record(r) for r in figures.compare().rows}
    assert computed == ["musterstadt"]
    assert second["nachbarstadt"] == first["nachbarstadt"]
    assert second["musterstadt"]["investment"] == first["musterstadt"]["investment"] + 1000


def test_vergleich_is_no_municipality_slug(db):
    from digitalbilanz.core.onboarding import new_municipality

    with pytest.raises(ValidationError) as caught:
        new_municipality("vergleich", "Vergleich")
    assert "reserviert" in str(caught.value)


def test_admin_sets_inhabitants_and_opt_in(client, db):
    from django.contrib.auth import get_user_model

    from digitalbilanz.core.models import Municipality

    m = Factory.municipality(slug="adminstadt", name="Adminstadt")
    admin = get_user_model().objects.create_superuser("root", "root@example.invalid", "pw-für-tests")
    client.force_login(admin)
    url = f"/admin/core/municipality/{m.pk}/change/"
    form = {
        "name": "Adminstadt", "slug": "adminstadt", "kind": "stadt", "ags": "05316000",
        "ars": "053160000000", "state": "Nordrhein-Westfalen", "website": "", "public_figures": "notice",
        "comparison_opt_in": "on",
    }  # fmt: skip
    refused = client.post(url, form)
    assert refused.status_code == 200 and "Einwohnerzahl" in refused.content.decode()
    assert not Municipality.objects.get(pk=m.pk).comparison_opt_in
    form.update(inhabitants="12345", inhabitants_as_of="2024-12-31", inhabitants_source="IT.NRW")
    assert client.post(url, form).status_code == 302
    m.refresh_from_db()
    assert (m.comparison_opt_in, m.inhabitants, m.inhabitants_source) == (True, 12345, "IT.NRW")


def test_with_cached_rows_the_queries_do_not_grow_with_the_participants(town):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        figures.compare()  # rows into the cache
        with CaptureQueriesContext(connection) as captured:
            rows = figures.compare().rows
        return len(captured), len(rows)

    few = queries()
    for n in range(3):
        Factory.measure(participant(f"Stadt {n}", f"stadt-{n}", 10_000 + n))
    many = queries()
    assert (few[1], many[1]) == (1, 4)
    assert many[0] == few[0]


def test_api_is_paginated_and_described_in_the_openapi_document(client, town, outsider):
    outsider.comparison_opt_in = True
    outsider.save()
    first = client.get("/api/v1/vergleich/?page_size=1").json()
    assert first["count"] == 2 and len(first["results"]) == 1 and first["next"]
    second = client.get(first["next"]).json()
    assert {first["results"][0]["slug"], second["results"][0]["slug"]} == {"geheimstadt", "musterstadt"}
    assert second["next"] is None
    assert client.get("/api/v1/vergleich/?page=3&page_size=1").status_code == 404
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/vergleich/"]["get"]
    assert operation["operationId"] == "list_comparison"
    assert {p["name"] for p in operation["parameters"]} >= {"page", "page_size", "land", "art", "groesse"}
