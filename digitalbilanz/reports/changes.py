"""What changed between two report snapshots (no database): every chapter's ``changes`` hook.

The result is a plain, JSON-serialisable dict stored in the later snapshot, so the chapter
"what changed" renders without the earlier edition at hand::

    {"previous": {"period", "period_label", "reference_date"} | None,
     "entries": {section_key: [entry, ...]}}
"""

from digitalbilanz.registry.chapters import section_owners
from digitalbilanz.reports.snapshot import upgrade


def compare(old: dict | None, new: dict) -> dict:
    """Changes from ``old`` to ``new``; ``old`` None means there is no earlier edition."""
    if not old:
        return {"previous": None}
    old, new = upgrade(old), upgrade(new)
    before, now = old.get("sections") or {}, new.get("sections") or {}
    entries = {}
    for key, chapter in section_owners().items():
        if key not in before and key not in now:
            continue
        found = chapter.changes(before.get(key), now.get(key))
        if found:
            entries[key] = found
    previous = {k: old.get(k) for k in ("period", "period_label", "reference_date")}
    return {"previous": previous, "entries": entries}


def has_changes(changes: dict) -> bool:
    return any((changes.get("entries") or {}).values())


def entries_of(changes: dict, section: str, kind: str | None = None) -> list[dict]:
    """The entries of one section (and kind) in a ``compare`` result."""
    found = (changes.get("entries") or {}).get(section, [])
    return [e for e in found if kind is None or e["kind"] == kind]
