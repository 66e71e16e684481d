"""The portfolio's "what changed" hook works on snapshot sections alone (no database)."""

from digitalbilanz.portfolio.chapters.changes import changes


def compare(old, new):
    """The rows of the change entries grouped by kind, as the change tables read them."""
    grouped = {}
    for e in changes(old, new):
        assert e["text"] and e["kind"]
        grouped.setdefault(e["kind"], []).append(e["data"])
    return grouped


def measure(code, status="in_progress", **kw):
    base = {
        "code": code,
        "title": f"Maßnahme {code}",
        "status": status,
        "status_label": {"in_progress": "in Umsetzung", "completed": "abgeschlossen"}.get(status, status),
        "progress": 50,
        "investment": 1000.0,
        "running_costs": 0.0,
        "cash_savings": 0.0,
        "work_hours": 0.0,
        "npv_kn": -1000.0,
        "milestones": [],
        "benefits": [],
    }
    return base | kw


def snap(period, measures, **totals):
    """A portfolio section (the period is only there to tell the two sides apart)."""
    return {"period": period, "measures": measures, "totals": {"npv_kn": 0.0, **totals}}


def milestone(forecast, changes=(), actual=None, mid=7):
    return {
        "id": mid,
        "title": "Ausschreibung",
        "baseline": "2021-03-31",
        "forecast": forecast,
        "actual": actual,
        "changes": list(changes),
    }


def test_a_section_without_predecessor_reports_every_measure_as_new():
    assert [m["code"] for m in compare(None, snap("2021-H1", [measure("M-1")]))["new_measures"]] == ["M-1"]


def test_new_removed_and_finished_measures_and_status_changes():
    old = snap("2021-H1", [measure("M-1"), measure("M-2")])
    new = snap("2021-H2", [measure("M-1", "completed"), measure("M-3")])
    ch = compare(old, new)
    assert [m["code"] for m in ch["new_measures"]] == ["M-3"]
    assert [m["code"] for m in ch["removed_measures"]] == ["M-2"]
    assert [m["code"] for m in ch["finished_measures"]] == ["M-1"]
    assert ch["status_changes"][0]["old"] == "in Umsetzung"
    assert ch["status_changes"][0]["new"] == "abgeschlossen"


def test_milestone_slip_in_days_against_previous_forecast_and_baseline_with_new_reason():
    known = {"id": 1, "old": "2021-03-31", "new": "2021-05-31", "reason": "alt"}
    fresh = {"id": 2, "old": "2021-05-31", "new": "2021-09-30", "reason": "Vergaberecht"}
    old = snap("2021-H1", [measure("M-3", milestones=[milestone("2021-05-31", [known])])])
    new = snap("2021-H2", [measure("M-3", milestones=[milestone("2021-09-30", [known, fresh])])])
    row = compare(old, new)["milestones"][0]
    assert row["kind"] == "verschoben"
    assert (row["baseline"], row["previous"], row["current"]) == ("2021-03-31", "2021-05-31", "2021-09-30")
    assert row["shift_days"] == 122
    assert row["slip_days"] == 183
    assert row["reasons"] == ["Vergaberecht"]


def test_reached_milestone_is_reported():
    old = snap("2021-H1", [measure("M-3", milestones=[milestone("2021-03-31")])])
    new = snap("2021-H2", [measure("M-3", milestones=[milestone("2021-03-31", actual="2021-04-15")])])
    row = compare(old, new)["milestones"][0]
    assert row["kind"] == "erreicht" and row["slip_days"] == 15


def test_money_changes_above_tolerance_only():
    old = snap("2021-H1", [measure("M-1", investment=1000.0, npv_kn=-1000.0)])
    new = snap("2021-H2", [measure("M-1", investment=1500.0, npv_kn=-1000.2)])
    rows = compare(old, new)["money"]
    assert [(r["figure"], r["delta"]) for r in rows] == [("Investitionen", 500.0)]


def test_portfolio_npv_change_and_indicator_change():
    benefit = {"id": 3, "kpi": "Anteil mobil", "unit": "%", "target": 59.4, "status": "im Plan"}
    old = snap("2021-H1", [measure("M-1", benefits=[benefit | {"latest": 51.0}])], npv_kn=-10.0)
    new = snap("2021-H2", [measure("M-1", benefits=[benefit | {"latest": 55.0}])], npv_kn=90.0)
    ch = compare(old, new)
    kn = next(r for r in ch["portfolio"] if r["figure"] == "Kapitalwert KN")
    assert kn["delta"] == 100.0
    assert ch["indicators"][0]["old"] == 51.0 and ch["indicators"][0]["new"] == 55.0


def test_unchanged_sections_report_nothing():
    s = snap("2021-H1", [measure("M-1", milestones=[milestone("2021-03-31")])])
    assert changes(s, s | {"period": "2021-H2"}) == []


def test_entries_say_in_german_what_changed():
    known = {"id": 1, "old": "2021-03-31", "new": "2021-09-30", "reason": "Vergaberecht"}
    old = snap("2021-H1", [measure("M-3", milestones=[milestone("2021-03-31")])])
    new = snap("2021-H2", [measure("M-3", milestones=[milestone("2021-09-30", [known])])])
    [entry] = changes(old, new)
    assert entry["ref"] == "M-3"
    assert entry["text"] == "M-3: Meilenstein „Ausschreibung“ verschoben von 31.03.2021 auf 30.09.2021"
