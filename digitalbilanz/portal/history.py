"""The public change history of a measure.

Shown are changes of records that are public *now* (the measure and its public lines and
milestones), limited to the fields the portal shows anyway. Author names are never shown
(data protection), the visibility field is never shown, and records that are not public now —
including deleted ones — are left out entirely, so no non-public value can appear.
"""

from django.utils.translation import gettext as _

from digitalbilanz.core.templatetags.dbformat import de_date, de_number

PUBLIC_FIELDS = {
    "measure": [
        "code",
        "title",
        "description",
        "goals",
        "status",
        "progress",
        "start_date",
        "end_date",
        "baseline_cost",
    ],
    "line": ["year", "kind", "label", "amount", "hours", "low", "high", "risk_surcharge"],
    "milestone": ["title", "baseline_date", "forecast_date", "actual_date"],
}
LIMIT = 200


def public_changes(measure) -> list[dict]:
    """Entries (newest first): when, what record, which fields from what to what, why."""
    entries = _entries(measure.history.all()[:LIMIT], "measure", _("Maßnahme"))
    for line in measure.lines.all():  # prefetched with public lines only
        entries += _entries(line.history.all()[:LIMIT], "line", _("Zeile „%(l)s“") % {"l": line.label})
    for milestone in measure.milestones.all():
        entries += _entries(
            milestone.history.all()[:LIMIT], "milestone", _("Meilenstein „%(t)s“") % {"t": milestone.title}
        )
    entries.sort(key=lambda e: e["date"], reverse=True)
    return entries[:LIMIT]


def _entries(records, kind, label) -> list[dict]:
    records = list(records)  # newest first
    result = []
    for record, previous in zip(records, records[1:] + [None], strict=True):
        changes = _changes(record, previous, kind)
        if changes:
            result.append(
                {
                    "date": record.history_date,
                    "record": label,
                    "changes": changes,
                    "reason": record.history_change_reason or "",
                }
            )
    return result


def _changes(record, previous, kind):
    model = record.instance_type
    fields = PUBLIC_FIELDS[kind]
    if previous is None:
        return [{"field": _("angelegt"), "old": "", "new": ""}]
    changes = []
    for name in fields:
        old, new = getattr(previous, name), getattr(record, name)
        if old != new:
            field = model._meta.get_field(name)
            changes.append(
                {"field": str(field.verbose_name), "old": _show(field, old), "new": _show(field, new)}
            )
    return changes


def _show(field, value):
    if value is None or value == "":
        return "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if hasattr(value, "strftime"):
        return de_date(value)
    if field.get_internal_type() == "DecimalField":
        return de_number(value, 2)
    return str(value)
