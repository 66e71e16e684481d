"""Helpers around the change history (django-simple-history)."""

from django.utils.translation import gettext as _


def set_reason(instance, reason: str | None):
    """Attach the user's reason to the next history row written for ``instance``."""
    if reason:
        instance._change_reason = reason


def readable_record(record, levels) -> bool:
    """A history row is readable if the record's visibility *at that time* was readable."""
    level = getattr(record, "visibility", None)
    return level is None or level in levels


def describe_changes(record, levels=None) -> list[dict]:
    """Field changes of one history row against its predecessor: field, old, new.

    With ``levels`` given, a predecessor the reader may not see is not diffed against, so an
    earlier non-public value never shows (the row then reads as "published").
    """
    if record.history_type == "-":
        return [{"field": _("gelöscht"), "old": str(record.instance), "new": ""}]
    previous = record.prev_record
    if previous is not None and levels is not None and not readable_record(previous, levels):
        return [{"field": _("veröffentlicht bzw. freigegeben"), "old": "", "new": str(record.instance)}]
    if previous is None:
        return [{"field": _("angelegt"), "old": "", "new": str(record.instance)}]
    delta = record.diff_against(previous)
    changes = []
    for change in delta.changes:
        field = record.instance_type._meta.get_field(change.field)
        changes.append(
            {
                "field": str(field.verbose_name),
                "old": _display(change.old),
                "new": _display(change.new),
            }
        )
    return changes


def history_entries(records, levels) -> list[dict]:
    """Readable history rows with their changes, newest first."""
    entries = []
    for record in records:
        if not readable_record(record, levels):
            continue
        entries.append(
            {
                "record": record,
                "object": record.instance_type._meta.verbose_name,
                "changes": describe_changes(record, levels),
            }
        )
    entries.sort(key=lambda e: e["record"].history_date, reverse=True)
    return entries


def _display(value):
    if value is None or value == "":
        return "–"
    return str(value)
