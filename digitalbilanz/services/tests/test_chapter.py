"""The report chapter: snapshot section, blocks, "what changed" and "open problems"."""

import datetime as dt

from digitalbilanz.registry.chapters import all_chapters
from digitalbilanz.services.chapters import OnlineServices
from digitalbilanz.services.tests.conftest import add_cases, make_service


def collect(town, reference=dt.date(2024, 12, 31), audience="public"):
    return OnlineServices().collect({"municipality": town, "audience": audience, "reference_date": reference})


def test_registered_and_collects_visible_services_of_the_last_full_year(town):
    assert any(isinstance(c, OnlineServices) for c in all_chapters())
    service = make_service(town)
    make_service(town, "2", visibility="internal")
    add_cases(town, service, year=2023, online=100)
    add_cases(town, service, year=2024)
    section = collect(town)
    assert [s["ozg_id"] for s in section["services"]] == ["10001"]
    assert section["services"][0]["year"] == 2024
    assert collect(town, dt.date(2024, 6, 30))["services"][0]["year"] == 2023  # mid-year: last full year
    blocks = OnlineServices().blocks({"sections": {"services": section}})
    assert blocks[0]["t"] == "figures" and blocks[2]["rows"][0][0] == "10001"
    assert collect(town, audience="public") is not None


def test_no_public_service_no_chapter(town):
    make_service(town, visibility="internal")
    assert collect(town) is None


def test_changes_name_new_services_status_and_maturity_but_not_across_models(town):
    service = make_service(town, maturity_model="1.1", maturity_level=2)
    add_cases(town, service)
    before = collect(town)
    make_service(town, "2", name="Neuer Dienst")
    service.status, service.maturity_level, service.interface = "online", 3, True
    service.save()
    after = collect(town)
    texts = [e["text"] for e in OnlineServices().changes(before, after)]
    assert "Neu im Katalog: Neuer Dienst" in texts
    assert any("Status geplant → online" in t for t in texts)
    assert any("Reifegrad 2 von 4 (Modell 1.1) → 3 von 4 (Modell 1.1)" in t for t in texts)
    assert any("jetzt erfüllt: Schnittstelle ins Fachverfahren" in t for t in texts)
    service.maturity_model, service.maturity_level = "2.0", 5
    service.save()
    texts = [e["text"] for e in OnlineServices().changes(after, collect(town))]
    assert any("nicht vergleichbar" in t for t in texts) and not any(
        "3 von 4 (Modell 1.1) →" in t for t in texts
    )
    assert OnlineServices().changes(None, after)  # module added: everything is new


def test_problems_no_solution_after_the_wave_and_rising_duplicate_cost(town):
    late = make_service(
        town, "1", name="Spät", solution="none", wave="1. Welle", wave_due=dt.date(2021, 9, 30)
    )
    make_service(town, "2", name="Noch Zeit", solution="none", wave="3. Welle", wave_due=dt.date(2030, 1, 1))
    add_cases(town, late, year=2023, online=100, counter=500)
    add_cases(town, late, year=2024, online=200, counter=1000)  # both channels, cost doubles
    problems = OnlineServices().problems(collect(town))
    kinds = {(p["kind"], p["ref"]) for p in problems}
    assert kinds == {("no_solution", "1"), ("duplicate_cost", "1")}
    assert "30.09.2021" in next(p["text"] for p in problems if p["kind"] == "no_solution")
