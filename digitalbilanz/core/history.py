"""The change history and the one rule for who may read which part of it.

Every change of a record on ``TimestampedModel`` is a history row (django-simple-history): who,
when, the full record after the change, and the reason. :func:`history_entries` turns the rows
of a record and its children into readable entries for one audience (the visibility *levels* of
``core.visibility``). The rule, used by the app, the portal and every later history page:

* a change appears only if the record — and every parent named in its ``visibility_paths`` —
  was readable by the audience **both before and after** it (parents at that moment, from their
  own history, not as they are today);
* a record that becomes readable starts its history at that moment with a "freigegeben" entry
  that shows no earlier value and no reason;
* a change that makes a record unreadable, and every change while it is unreadable, is left out;
* a deletion appears if the record was readable just before it;
* values of fields in ``HIDDEN_FIELDS`` (and fields a page does not show) never appear.

So no value or reason from a period in which the audience could not read the record is ever
shown, whatever happened later. Author names are shown only where the page asks for them.
"""

import bisect
from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _

from digitalbilanz.core.templatetags.dbformat import de_date, de_number

HIDDEN_FIELDS = {
    "id",
    "municipality",
    "created_at",
    "updated_at",
    "lock_version",
    "visibility",
    "data_version",
}
LIMIT = 300


def set_reason(instance, reason: str | None):
    """Attach the user's reason to the next history row written for ``instance``."""
    if reason:
        instance._change_reason = reason


class Timeline:
    """History rows of several records, to answer "what did record X look like at time t"."""

    def __init__(self, rows):
        self.rows = defaultdict(list)
        for row in rows:
            self.rows[(row.instance_type, record_pk(row))].append(row)
        for series in self.rows.values():
            series.sort(key=lambda r: (r.history_date, r.history_id))
        self._dates = {key: [r.history_date for r in series] for key, series in self.rows.items()}

    def state(self, model, pk, when, before: bool):
        """The row in force at ``when`` (just before it, with ``before``); None if absent."""
        key = (model, pk)
        if key not in self.rows:
            return None
        dates = self._dates[key]
        index = (bisect.bisect_left if before else bisect.bisect_right)(dates, when) - 1
        if index < 0:
            return None
        row = self.rows[key][index]
        return None if row.history_type == "-" else row

    def readable(self, row, levels, when, before: bool) -> bool:
        """Was the record of ``row`` (in that state) and its parents readable at ``when``?"""
        if row is None:
            return False
        model = row.instance_type
        for path in getattr(model, "visibility_paths", ()):
            *parents, last = path.split("__")
            obj, obj_model = row, model
            for name in parents:
                obj_model = obj_model._meta.get_field(name).related_model
                obj = self.state(obj_model, getattr(obj, f"{name}_id"), when, before)
                if obj is None:
                    return False
            if getattr(obj, last) not in levels:
                return False
        return True


def record_pk(row):
    """The primary key of the record a history row belongs to."""
    return getattr(row, row.instance_type._meta.pk.attname)


def history_entries(rows, levels, *, fields=None, with_users=True, labels=None) -> list[dict]:
    """Readable entries (newest first) for an audience with ``levels``.

    ``rows`` are history rows of a record and of its children *and* of every parent they
    name in ``visibility_paths`` (load the parent's rows too). ``fields`` optionally limits the
    diffed fields per model ({Model: [names]}); ``labels`` gives a German label per model.
    """
    timeline = Timeline(rows)
    entries = []
    for (model, _pk), series in timeline.rows.items():
        if fields is not None and model not in fields:
            continue
        previous = None
        for row in series:
            entry = _entry(timeline, row, previous, levels, fields, with_users, labels)
            if entry is not None:
                entries.append(entry)
            previous = row
    entries.sort(key=lambda e: (e["date"], e["row"].history_id), reverse=True)
    return entries[:LIMIT]


def _entry(timeline, row, previous, levels, fields, with_users, labels):
    when = row.history_date
    before = previous is not None and previous.history_type != "-"
    before = before and timeline.readable(previous, levels, when, before=True)
    if row.history_type == "-":
        if not before:
            return None
        return _make(row, "delete", [], row.history_change_reason, with_users, labels)
    if not timeline.readable(row, levels, when, before=False):
        return None
    if previous is None or previous.history_type == "-":
        return _make(row, "create", [], row.history_change_reason, with_users, labels)
    if not before:
        return _make(row, "release", [], "", with_users, labels)
    names = None if fields is None else fields[row.instance_type]
    changes = describe_changes(row, previous, names, levels=levels)
    if not changes:
        return None
    return _make(row, "change", changes, row.history_change_reason, with_users, labels)


KIND_TEXT = {
    "create": "angelegt",
    "release": "freigegeben (frühere Angaben werden nicht gezeigt)",
    "delete": "gelöscht",
    "change": "geändert",
}


def _make(row, kind, changes, reason, with_users, labels):
    model = row.instance_type
    label = (labels or {}).get(model) or str(model._meta.verbose_name)
    return {
        "date": row.history_date,
        "kind": kind,
        "kind_text": _(KIND_TEXT[kind]),
        "object": label,
        "name": _row_name(row),
        "changes": changes,
        "reason": reason or "",
        "user": row.history_user if with_users else None,
        "row": row,
    }


def _row_name(row) -> str:
    try:
        return str(row.instance)
    except Exception:  # a row whose related records are gone
        return str(record_pk(row))


def describe_changes(row, previous, names=None, *, levels=None) -> list[dict]:
    """Field changes from ``previous`` to ``row``: field (German), old, new (formatted); with
    ``levels``, a related record the reader may not read is not named (see ``show``)."""
    model = row.instance_type
    changes = []
    for field in model._meta.concrete_fields:
        if field.name in HIDDEN_FIELDS or (names is not None and field.name not in names):
            continue
        old, new = getattr(previous, field.attname, None), getattr(row, field.attname, None)
        if old != new:
            changes.append(
                {"field": str(field.verbose_name), "old": show(model, field.name, old, levels),
                 "new": show(model, field.name, new, levels)}
            )  # fmt: skip
    return changes


def show(model, name, value, levels=None) -> str:
    """A stored value as a German reader expects it. With ``levels`` (a history for a reader), a
    related record with a visibility is named only if the reader may read it now — a milestone's
    predecessor made internal later never shows its title in a council member's history."""
    if value is None or value == "":
        return "–"
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model
        if levels is not None and hasattr(related.objects, "with_levels"):
            target = related.objects.with_levels(levels).filter(pk=value).first()
            if target is None and related._base_manager.filter(pk=value).exists():
                return str(_("nicht sichtbarer Eintrag"))
        else:
            target = related._base_manager.filter(pk=value).first()
        return str(target) if target is not None else str(value)
    if hasattr(value, "strftime"):
        return de_date(value)
    if field.get_internal_type() == "DecimalField":
        return de_number(value, field.decimal_places)
    if field.get_internal_type() == "BooleanField":
        return _("ja") if value else _("nein")
    return str(value)
