"""Freeze the data of a report edition as a JSON-serialisable dict.

Everything a report shows comes from this snapshot, so a published edition re-renders
identically and two editions can be compared without the database. The engine only assembles
it: every registered chapter collects its own section (through the visibility rule, so internal
data never enters) and names its open problems.

Schema 2::

    {"schema": 2, "municipality": {name, kind, slug, ags}, "period", "period_label", "reference_date",
     "audience", "generated_at",
     "sections": {section_key: data},                 # Chapter.collect
     "problems": [entry + {"section": key}],          # Chapter.problems
     "changes": {"previous": {...} | None, "entries": {section_key: [entry]}},  # Chapter.changes
     "edition": {...}, "confirmed_problems": [...]}   # set by the edition workflow

Frozen editions are never rewritten; :func:`upgrade` reads older schemas as the current one.
"""

from django.utils import timezone

from digitalbilanz.core.choices import Visibility
from digitalbilanz.registry.chapters import section_owners
from digitalbilanz.reports.periods import period_label, reference_date

SCHEMA = 2


def build_snapshot(municipality, period, audience, today=None, draws=None) -> dict:
    """Collect the edition's data: every registered chapter's section and open problems."""
    if audience not in (Visibility.PUBLIC, Visibility.COUNCIL):
        raise ValueError(f"audience must be public or council, not {audience!r}")
    ref = reference_date(period, today)
    context = {"municipality": municipality, "audience": audience, "reference_date": ref, "draws": draws}
    sections = collect_sections(context)
    return {
        "schema": SCHEMA,
        "municipality": {
            "name": municipality.name,
            "kind": municipality.kind,
            "slug": municipality.slug,
            "ags": municipality.ags,
        },
        "period": period,
        "period_label": period_label(period),
        "reference_date": ref.isoformat(),
        "audience": audience,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "sections": sections,
        "problems": collect_problems(sections),
    }


def collect_sections(context: dict) -> dict:
    sections = {}
    for key, chapter in section_owners().items():
        data = chapter.collect(context)
        if data is not None:
            sections[key] = data
    return sections


def collect_problems(sections: dict) -> list[dict]:
    """Open problems of every section, in chapter order, each marked with its section."""
    problems = []
    for key, chapter in section_owners().items():
        if key in sections:
            problems += [{**p, "section": key} for p in chapter.problems(sections[key])]
    return problems


# Schema 1 (the first editions) kept the portfolio's data at the top level, the budget beside it,
# open problems with a "measure" instead of a section, and the changes as one dict of lists.
V1_PORTFOLIO = {"parameters": "parameters", "fields": "fields", "measures": "measures", "portfolio": "totals"}
V1_MOVED = {*V1_PORTFOLIO, "budget", "problems", "confirmed_problems", "changes"}


def upgrade(snapshot: dict) -> dict:
    """The snapshot in the current schema (a new dict; the stored one stays as it is)."""
    if snapshot.get("schema", 1) >= SCHEMA:
        return snapshot
    new = {k: v for k, v in snapshot.items() if k not in V1_MOVED}
    new["schema"] = SCHEMA
    portfolio = {new_key: snapshot.get(old_key) for old_key, new_key in V1_PORTFOLIO.items()}
    new["sections"] = {**(snapshot.get("sections") or {}), "portfolio": portfolio}
    new["sections"]["budget"] = snapshot.get("budget") or []
    new["problems"] = [_v1_problem(p) for p in snapshot.get("problems") or []]
    if "confirmed_problems" in snapshot:
        new["confirmed_problems"] = [_v1_problem(p) for p in snapshot["confirmed_problems"] or []]
    if "changes" in snapshot:
        new["changes"] = _v1_changes(snapshot["changes"] or {})
    return new


def _v1_problem(problem):
    return {
        "kind": problem.get("kind", ""),
        "text": problem.get("text", ""),
        "ref": problem.get("measure") or "",
        "section": "portfolio",
    }


def _v1_changes(changes):
    """Each row of a v1 list becomes a portfolio entry whose kind is the list's name (without a
    text: the portfolio's change tables read only ``data``)."""
    entries = [
        {"kind": kind, "text": "", "ref": row.get("code", ""), "data": row}
        for kind, rows in changes.items()
        if kind != "previous"
        for row in rows
    ]
    previous = changes.get("previous")
    return {"previous": previous, "entries": {"portfolio": entries} if previous and entries else {}}
