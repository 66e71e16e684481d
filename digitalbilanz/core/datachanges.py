"""Data changes: every change of a municipality's data raises its ``data_version`` once.

The version is part of the key of every cached public response (``core.cache``), so a page is
never served from before a change. What counts as a change is decided by the model, not by a
list of apps: a model takes part when it declares ``tenant_path``, the lookup from the model to
its municipality (``"municipality"`` on every ``TenantModel``, ``"measure__municipality"`` on a
criterion, ``""`` on the municipality itself); ``tenant_path = None`` opts out (memberships).
A system check (``core.checks``) makes sure every model on a core base declares one.

Three ways a change is recorded:

* ``save()``/``delete()``/m2m changes of a model instance: by signal, automatically;
* ``update()``, ``bulk_create()`` and ``bulk_update()`` of a ``DataQuerySet`` (the default
  manager of every core base): by the queryset, automatically;
* anything else (raw SQL, another queryset): call :func:`data_changed` yourself.

Inside ``with grouped():`` changes are only collected and every touched municipality's version
rises once, when the block ends (also on error: an extra rise is harmless, a missing one is not)::

    with transaction.atomic(), grouped():
        Line.objects.bulk_create(rows)        # one UPDATE of the municipality row at the end
"""

import threading
from contextlib import contextmanager

from django.db import models
from django.db.models import F

_state = threading.local()


def _pending() -> set | None:
    return getattr(_state, "pending", None)


def data_changed(municipality) -> None:
    """Record that data of ``municipality`` (instance or primary key) changed."""
    pk = getattr(municipality, "pk", municipality)
    if pk is None or getattr(_state, "invisible", False):
        return
    pending = _pending()
    if pending is not None:
        pending.add(pk)
    else:
        _raise_versions({pk})


@contextmanager
def grouped():
    """Collect changes and raise each touched municipality's version once at the end."""
    outer = _pending() is None
    if outer:
        _state.pending = set()
    try:
        yield
    finally:
        if outer:
            pending, _state.pending = _state.pending, None
            if pending:
                _raise_versions(pending)


@contextmanager
def invisible():
    """Writes inside change nothing a reader can see, so they raise no data version.

    Only for storing values that are already shown anyway — e.g. the portal settings a
    municipality gets on first use, filled with the very defaults the pages show without them.
    Anything a reader could notice must raise the version; when in doubt, do not use this.
    """
    previous = getattr(_state, "invisible", False)
    _state.invisible = True
    try:
        yield
    finally:
        _state.invisible = previous


def _raise_versions(pks) -> None:
    from digitalbilanz.core.models import Municipality

    models.QuerySet.update(Municipality.objects.filter(pk__in=pks), data_version=F("data_version") + 1)


def tenant_path_of(model) -> str | None:
    return getattr(model, "tenant_path", None)


def municipality_id_of(instance) -> int | None:
    """The municipality an instance belongs to, following its model's ``tenant_path``."""
    path = tenant_path_of(type(instance))
    if path is None:
        return None
    if path == "":
        return instance.pk
    *parents, last = path.split("__")
    obj = instance
    for name in parents:
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return getattr(obj, f"{last}_id", None)


def municipality_lookup(model) -> str | None:
    """The ORM lookup from ``model`` to its municipality's primary key (for querysets)."""
    path = tenant_path_of(model)
    if path is None:
        return None
    return path or "pk"


class DataQuerySet(models.QuerySet):
    """QuerySet whose bulk writes record the data change (see module doc)."""

    def _touched(self) -> set:
        lookup = municipality_lookup(self.model)
        if lookup is None:
            return set()
        return set(self.order_by().values_list(lookup, flat=True).distinct())

    def update(self, **kwargs):
        touched = self._touched()
        count = super().update(**kwargs)
        for pk in touched:
            data_changed(pk)
        return count

    update.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        objs = super().bulk_create(objs, *args, **kwargs)
        for pk in {municipality_id_of(o) for o in objs}:
            data_changed(pk)
        return objs

    def bulk_update(self, objs, fields, *args, **kwargs):
        count = super().bulk_update(objs, fields, *args, **kwargs)
        for pk in {municipality_id_of(o) for o in objs}:
            data_changed(pk)
        return count


def on_change(sender, instance, action="post", **kwargs):
    """Signal receiver for post_save, post_delete and m2m_changed (connected in core.apps)."""
    if not action.startswith("post") or tenant_path_of(type(instance)) is None:
        return
    data_changed(municipality_id_of(instance))
