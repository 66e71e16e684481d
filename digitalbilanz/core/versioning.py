"""Optimistic locking: no edit silently overwrites a newer one.

Every editable record carries ``lock_version`` (``core.models.VersionedModel``). Saving an
existing record updates the row only if its stored version is still the one the instance was
loaded with (``UPDATE … WHERE pk = %s AND lock_version = %s``), and raises the version by one.
When another save came first, nothing is written and :class:`StaleRecordError` is raised. The
check is one conditional UPDATE, so it also holds for two requests racing each other.

Forms carry the version the user loaded (``core.forms.VersionedFormMixin``); the API carries it
as ``ETag``/``If-Match`` or a ``lock_version`` field; importers pass it per row.
"""

from django.utils.translation import gettext as _


class StaleRecordError(Exception):
    """The record was changed by someone else since it was loaded; nothing was saved."""

    def __init__(self, instance, expected: int):
        self.instance = instance
        self.expected = expected
        super().__init__(_("Der Datensatz wurde inzwischen von anderer Seite geändert."))

    def current(self):
        """The stored record as it is now (None if it was deleted meanwhile)."""
        model = type(self.instance)
        return model._base_manager.filter(pk=self.instance.pk).first()


def conditional_update(instance, base_qs, pk_val, values) -> bool:
    """Run the UPDATE of ``Model._do_update`` guarded by the loaded version (see module doc)."""
    expected = instance.lock_version or 0
    field = instance._meta.get_field("lock_version")
    values = [(f, m, expected + 1 if f is field else v) for f, m, v in values]
    filtered = base_qs.filter(pk=pk_val)
    if filtered.filter(lock_version=expected)._update(values) > 0:
        instance.lock_version = expected + 1
        return True
    if filtered.exists():
        raise StaleRecordError(instance, expected)
    return False


def changed_fields(current, submitted: dict, field_names) -> list[dict]:
    """Fields whose stored value differs from what the user submitted: field, stored, submitted."""
    from digitalbilanz.core.history import show

    model = type(current)
    rows = []
    for name in field_names:
        try:
            field = model._meta.get_field(name)
        except Exception:
            continue
        if field.many_to_many:
            stored = ", ".join(sorted(str(o) for o in getattr(current, name).all())) or "–"
            mine = ", ".join(sorted(str(o) for o in (submitted.get(name) or []))) or "–"
        elif field.is_relation:
            stored, mine = (
                str(v) if v is not None else "–" for v in (getattr(current, name), submitted.get(name))
            )
        else:
            stored, mine = (
                show(model, name, v) for v in (getattr(current, field.attname), submitted.get(name))
            )
        if stored != mine:
            rows.append({"field": str(field.verbose_name), "stored": stored, "mine": mine})
    return rows
