"""What changed in the portfolio between two report snapshots (pure functions, no database).

Measures are matched by code, milestones and benefits by their id. Every change is an entry
(``registry.chapters.entry``) whose ``kind`` names its group and whose ``data`` holds the row the
tables below show: ``new_measures``, ``removed_measures``, ``finished_measures``,
``status_changes``, ``milestones``, ``money``, ``portfolio`` (totals) and ``indicators``.
"""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.registry import blocks as b
from digitalbilanz.registry.chapters import entry

MONEY_KEYS = [
    ("investment", N_("Investitionen")),
    ("running_costs", N_("laufende Kosten")),
    ("cash_savings", N_("Einsparungen")),
    ("work_hours", N_("Arbeitsverbesserung (Std.)")),
    ("npv_kn", N_("Kapitalwert KN")),
]
TOTAL_KEYS = MONEY_KEYS + [("npv_kn_h", "KN/h"), ("npv_kn_nh", "KN/nh")]
TOLERANCE = 0.5


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def changes(previous: dict | None, current: dict | None) -> list[dict]:
    """Change entries from the ``previous`` portfolio section to the ``current`` one."""
    previous, current = previous or {}, current or {}
    old_m = {m["code"]: m for m in previous.get("measures", [])}
    new_m = {m["code"]: m for m in current.get("measures", [])}
    both = [code for code in new_m if code in old_m]
    out = [_measure_entry("new_measures", new_m[c], _("Neue Maßnahme")) for c in new_m if c not in old_m]
    out += [
        _measure_entry("removed_measures", old_m[c], _("Nicht mehr enthalten"))
        for c in old_m
        if c not in new_m
    ]
    out += [
        _measure_entry("finished_measures", new_m[c], _("Abgeschlossen"))
        for c in both
        if new_m[c]["status"] == "completed" and old_m[c]["status"] != "completed"
    ]
    out += [_status_entry(old_m[c], new_m[c]) for c in both if old_m[c]["status"] != new_m[c]["status"]]
    out += [e for c in both for e in _milestone_changes(old_m[c], new_m[c])]
    out += [e for c in both for e in _money_changes(old_m[c], new_m[c])]
    out += _total_changes(previous.get("totals", {}), current.get("totals", {}))
    out += [e for c in both for e in _indicator_changes(old_m[c], new_m[c])]
    return out


def _name(m):
    return f"{m['code']} {m['title']}"


def _measure_entry(kind, m, label):
    row = {"code": m["code"], "title": m["title"], "status": m.get("status_label", "")}
    return entry(kind, f"{label}: {_name(m)}", m["code"], row)


def _status_entry(old, new):
    row = {
        "code": new["code"],
        "title": new["title"],
        "status": new.get("status_label", ""),
        "old": old["status_label"],
        "new": new["status_label"],
        "old_progress": old.get("progress"),
        "new_progress": new.get("progress"),
    }
    text = _("%(m)s: Status %(old)s → %(new)s") % {"m": _name(new), "old": row["old"], "new": row["new"]}
    return entry("status_changes", text, new["code"], row)


def _milestone_changes(old, new):
    before = {ms["id"]: ms for ms in old.get("milestones", [])}
    out = []
    for ms in new.get("milestones", []):
        prev = before.get(ms["id"])
        if prev is None:
            out.append(_milestone_entry(new, ms, None, "neu", []))
            continue
        now, then = ms["actual"] or ms["forecast"], prev["actual"] or prev["forecast"]
        if ms["actual"] and not prev["actual"]:
            out.append(_milestone_entry(new, ms, prev, "erreicht", []))
        elif now != then:
            known = {c["id"] for c in prev.get("changes", [])}
            reasons = [c["reason"] for c in ms.get("changes", []) if c["id"] not in known]
            out.append(_milestone_entry(new, ms, prev, "verschoben", reasons))
    return out


def _milestone_entry(measure, ms, prev, kind, reasons):
    now = ms["actual"] or ms["forecast"]
    then = (prev["actual"] or prev["forecast"]) if prev else None
    row = {
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
    return entry("milestones", _milestone_text(row), measure["code"], row)


def _milestone_text(row):
    values = {
        "m": row["code"],
        "ms": row["milestone"],
        "old": b.format_cell(row["previous"], "date"),
        "new": b.format_cell(row["current"], "date"),
    }
    if row["kind"] == "erreicht":
        return _("%(m)s: Meilenstein „%(ms)s“ erreicht am %(new)s") % values
    if row["kind"] == "neu":
        return _("%(m)s: neuer Meilenstein „%(ms)s“ (%(new)s)") % values
    return _("%(m)s: Meilenstein „%(ms)s“ verschoben von %(old)s auf %(new)s") % values


def _money_changes(old, new):
    out = []
    for key, label in MONEY_KEYS:
        a, b_ = old.get(key), new.get(key)
        if a is None and b_ is None:
            continue
        if abs((b_ or 0.0) - (a or 0.0)) > TOLERANCE:
            row = {
                "code": new["code"],
                "measure": new["title"],
                "figure": label,
                "old": a,
                "new": b_,
                "delta": round((b_ or 0.0) - (a or 0.0), 2),
            }
            out.append(entry("money", _figure_text(new["code"], row), new["code"], row))
    return out


def _figure_text(subject, row):
    fmt = "hours" if row["figure"] == MONEY_KEYS[3][1] else "eur"
    return _("%(s)s: %(f)s %(old)s → %(new)s") % {
        "s": subject,
        "f": _(row["figure"]),
        "old": b.format_cell(row["old"], fmt),
        "new": b.format_cell(row["new"], fmt),
    }


def _total_changes(old, new):
    out = []
    for key, label in TOTAL_KEYS:
        a, b_ = old.get(key, 0.0) or 0.0, new.get(key, 0.0) or 0.0
        if abs(b_ - a) > TOLERANCE:
            row = {"figure": label, "old": a, "new": b_, "delta": round(b_ - a, 2)}
            out.append(entry("portfolio", _figure_text(_("Portfolio"), row), "", row))
    return out


def _indicator_changes(old, new):
    before = {x["id"]: x for x in old.get("benefits", [])}
    out = []
    for x in new.get("benefits", []):
        prev = before.get(x["id"])
        prev_value = prev["latest"] if prev else None
        if prev is not None and prev_value == x["latest"] and prev["status"] == x["status"]:
            continue
        row = {
            "code": new["code"],
            "indicator": x["kpi"],
            "unit": x["unit"],
            "old": prev_value,
            "new": x["latest"],
            "target": x["target"],
            "old_status": prev["status"] if prev else "",
            "status": x["status"],
        }
        text = _("%(m)s: Kennzahl „%(k)s“ %(old)s → %(new)s (%(s)s)") % {
            "m": new["code"],
            "k": x["kpi"],
            "old": b.format_cell(prev_value, "dec1"),
            "new": b.format_cell(x["latest"], "dec1"),
            "s": x["status"],
        }
        out.append(entry("indicators", text, new["code"], row))
    return out
