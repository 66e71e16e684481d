"""Helpers around the change history (django-simple-history)."""

from django.utils.translation import gettext as _


def set_reason(instance, reason: str | None):
    """Attach the user's reason to the next history row written for ``instance``."""
    if reason:
        instance._change_reason = reason


def describe_changes(record) -> list[dict]:
    """Field changes of one history row against its predecessor: field, old, new."""
    previous = record.prev_record
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


def _display(value):
    if value is None or value == "":
        return "–"
    return str(value)
