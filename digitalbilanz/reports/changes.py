"""What changed between two report snapshots (pure functions, no database).

Measures are matched by code, milestones and benefits by their id. The result is a plain,
JSON-serialisable dict stored in the later snapshot, so the chapter renders without the earlier
edition at hand.
"""

from datetime import date

from django.utils.translation import gettext_noop as N_

MONEY_KEYS = [
    ("investment", N_("Investitionen")),
    ("running_costs", N_("laufende Kosten")),
    ("cash_savings", N_("Einsparungen")),
    ("work_hours", N_("Arbeitsverbesserung (Std.)")),
    ("npv_kn", N_("Kapitalwert KN")),
]
PORTFOLIO_KEYS = MONEY_KEYS + [("npv_kn_h", "KN/h"), ("npv_kn_nh", "KN/nh")]
TOLERANCE = 0.5


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def compare(old: dict | None, new: dict) -> dict:
    """Changes from ``old`` to ``new``; ``old`` None means there is no earlier edition."""
    if not old:
        return {"previous": None}
    old_m = {m["code"]: m for m in old.get("measures", [])}
    new_m = {m["code"]: m for m in new.get("measures", [])}
    both = [code for code in new_m if code in old_m]
    return {
        "previous": {
            "period": old.get("period"),
            "period_label": old.get("period_label"),
            "reference_date": old.get("reference_date"),
        },
        "new_measures": [_brief(new_m[c]) for c in new_m if c not in old_m],
        "removed_measures": [_brief(old_m[c]) for c in old_m if c not in new_m],
        "finished_measures": [
            _brief(new_m[c])
            for c in both
            if new_m[c]["status"] == "completed" and old_m[c]["status"] != "completed"
        ],
        "status_changes": [
            {
                **_brief(new_m[c]),
                "old": old_m[c]["status_label"],
                "new": new_m[c]["status_label"],
                "old_progress": old_m[c].get("progress"),
                "new_progress": new_m[c].get("progress"),
            }
            for c in both
            if old_m[c]["status"] != new_m[c]["status"]
        ],
        "milestones": [row for c in both for row in _milestone_changes(old_m[c], new_m[c])],
        "money": [row for c in both for row in _money_changes(old_m[c], new_m[c])],
        "portfolio": _portfolio_changes(old.get("portfolio", {}), new.get("portfolio", {})),
        "indicators": [row for c in both for row in _indicator_changes(old_m[c], new_m[c])],
    }


def _brief(m):
    return {"code": m["code"], "title": m["title"], "status": m.get("status_label", "")}


def _milestone_changes(old, new):
    before = {ms["id"]: ms for ms in old.get("milestones", [])}
    rows = []
    for ms in new.get("milestones", []):
        prev = before.get(ms["id"])
        if prev is None:
            rows.append(_ms_row(new, ms, None, "neu", []))
            continue
        now, then = ms["actual"] or ms["forecast"], prev["actual"] or prev["forecast"]
        if ms["actual"] and not prev["actual"]:
            rows.append(_ms_row(new, ms, prev, "erreicht", []))
        elif now != then:
            known = {c["id"] for c in prev.get("changes", [])}
            reasons = [c["reason"] for c in ms.get("changes", []) if c["id"] not in known]
            rows.append(_ms_row(new, ms, prev, "verschoben", reasons))
    return rows


def _ms_row(measure, ms, prev, kind, reasons):
    now = ms["actual"] or ms["forecast"]
    then = (prev["actual"] or prev["forecast"]) if prev else None
    return {
        "code": measure["code"],
        "measure": measure["title"],
        "milestone": ms["title"],
        "kind": kind,
        "baseline": ms["baseline"],
        "previous": then,
        "current": now,
        "shift_days": _days(then, now),
        "slip_days": _days(ms["baseline"], now),
        "reasons": reasons,
    }


def _money_changes(old, new):
    rows = []
    for key, label in MONEY_KEYS:
        a, b = old.get(key), new.get(key)
        if a is None and b is None:
            continue
        if abs((b or 0.0) - (a or 0.0)) > TOLERANCE:
            rows.append(
                {
                    "code": new["code"],
                    "measure": new["title"],
                    "figure": label,
                    "old": a,
                    "new": b,
                    "delta": round((b or 0.0) - (a or 0.0), 2),
                }
            )
    return rows


def _portfolio_changes(old, new):
    rows = []
    for key, label in PORTFOLIO_KEYS:
        a, b = old.get(key, 0.0) or 0.0, new.get(key, 0.0) or 0.0
        rows.append({"figure": label, "old": a, "new": b, "delta": round(b - a, 2)})
    return rows


def _indicator_changes(old, new):
    before = {b["id"]: b for b in old.get("benefits", [])}
    rows = []
    for b in new.get("benefits", []):
        prev = before.get(b["id"])
        prev_value = prev["latest"] if prev else None
        if prev is not None and prev_value == b["latest"] and prev["status"] == b["status"]:
            continue
        rows.append(
            {
                "code": new["code"],
                "indicator": b["kpi"],
                "unit": b["unit"],
                "old": prev_value,
                "new": b["latest"],
                "target": b["target"],
                "old_status": prev["status"] if prev else "",
                "status": b["status"],
            }
        )
    return rows


def has_changes(changes: dict) -> bool:
    keys = ("new_measures", "removed_measures", "finished_measures", "status_changes")
    keys += ("milestones", "money", "indicators")
    return any(changes.get(k) for k in keys)
