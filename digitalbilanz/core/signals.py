"""Wiring of the data-change contract (``core.datachanges``) and its system check."""

from django.apps import apps
from django.core import checks
from django.db.models.signals import m2m_changed, post_delete, post_save

from digitalbilanz.core.datachanges import on_change


def connect():
    post_save.connect(on_change, dispatch_uid="digitalbilanz-data-change-save")
    post_delete.connect(on_change, dispatch_uid="digitalbilanz-data-change-delete")
    m2m_changed.connect(on_change, dispatch_uid="digitalbilanz-data-change-m2m")


@checks.register()
def check_tenant_paths(app_configs=None, **kwargs):
    """Every model on a core base must say how it reaches its municipality (or opt out)."""
    return tenant_path_errors(apps.get_models())


def tenant_path_errors(models) -> list:
    from django.core.exceptions import FieldDoesNotExist

    from digitalbilanz.core.models import Municipality, VersionedModel

    errors = []
    for model in models:
        if not issubclass(model, VersionedModel) or model._meta.abstract:
            continue
        path = model.tenant_path
        if path is None:
            if "tenant_path" not in model.__dict__:
                errors.append(
                    checks.Error(
                        f"{model._meta.label} declares no tenant_path",
                        hint="Set tenant_path to the lookup of its municipality, or to None to opt out.",
                        obj=model,
                        id="digitalbilanz.E001",
                    )
                )
            continue
        if path == "":
            continue
        try:
            target = _follow(model, path.split("__"))
        except FieldDoesNotExist:
            target = None
        if target is not Municipality:
            errors.append(
                checks.Error(
                    f"{model._meta.label}.tenant_path {path!r} does not lead to a municipality",
                    obj=model,
                    id="digitalbilanz.E002",
                )
            )
    return errors


def _follow(model, names):
    for name in names:
        field = model._meta.get_field(name)
        model = field.related_model
    return model
