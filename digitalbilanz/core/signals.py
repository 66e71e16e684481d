"""Raise a municipality's data version whenever any of its data changes (see core.cache)."""

from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

WATCHED_APPS = {"core", "portfolio", "finance", "reports", "portal"}
# Records without their own municipality reach it through one of these relations.
PARENTS = ("measure", "benefit", "strategy", "edition", "milestone", "product_group")


def municipality_id_of(instance):
    from digitalbilanz.core.models import Municipality

    if isinstance(instance, Municipality):
        return instance.pk
    if getattr(instance, "municipality_id", None):
        return instance.municipality_id
    for name in PARENTS:
        parent = getattr(instance, name, None) if _has_field(instance, name) else None
        if parent is not None:
            return municipality_id_of(parent)
    return None


def _has_field(instance, name):
    try:
        instance._meta.get_field(name)
    except Exception:
        return False
    return True


def bump(sender, instance, action="post", **kwargs):
    from digitalbilanz.core.models import Membership, Municipality

    if sender._meta.app_label not in WATCHED_APPS or isinstance(instance, Membership):
        return
    if not action.startswith("post") or hasattr(instance, "history_id"):
        return  # m2m pre-actions; history rows (the record's own save already counted)
    pk = municipality_id_of(instance)
    queryset = Municipality.objects.all() if pk is None else Municipality.objects.filter(pk=pk)
    queryset.update(data_version=F("data_version") + 1)


def connect():
    post_save.connect(bump, dispatch_uid="digitalbilanz-data-version-save")
    post_delete.connect(bump, dispatch_uid="digitalbilanz-data-version-delete")
    m2m_changed.connect(bump, dispatch_uid="digitalbilanz-data-version-m2m")
