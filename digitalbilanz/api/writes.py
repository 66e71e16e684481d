"""Writes through the API, validated by exactly the forms of the web UI.

A write needs a read-write key whose owner may edit the record (``core.permissions``):
department-limited editors write only their departments' measures and their children.
Fields are named as in the forms; ``lead_department`` takes the unit's code and
``fields_of_action``/``partners`` take lists of ids (or ``"1;2"`` as in the CSV).
"""

from django.utils.translation import gettext as _

from digitalbilanz.api.errors import ApiError, form_details, not_found
from digitalbilanz.core.models import Membership, OrgUnit
from digitalbilanz.core.permissions import can_edit, can_edit_any
from digitalbilanz.portfolio import forms
from digitalbilanz.portfolio.queries import visible_measures

FORMS = {"measures": forms.MeasureForm, "lines": forms.LineForm, "milestones": forms.MilestoneForm}
LIST_FIELDS = {"fields_of_action", "partners"}


def _writer(key, municipality, table):
    if table not in FORMS:
        raise ApiError(
            405,
            "method_not_allowed",
            _("Diese Tabelle kann nicht geschrieben werden."),
            headers={"Allow": "GET"},
        )
    if not key.is_authenticated:
        raise ApiError(
            401, "authentication_required", _("Schreiben erfordert einen API-Schlüssel mit Schreibrecht.")
        )
    if not (key.read_write and key.acts_in(municipality)):
        raise ApiError(403, "forbidden", _("Dieser API-Schlüssel darf hier nicht schreiben."))
    return key.user


def _forbidden():
    return ApiError(403, "forbidden", _("Keine Berechtigung, diesen Datensatz zu ändern."))


def create(key, municipality, table, payload):
    user = _writer(key, municipality, table)
    if table == "measures":
        if not can_edit_any(user, municipality):
            raise _forbidden()
        return _save(user, municipality, table, None, payload, {})
    measure = _parent(key, user, municipality, payload.get("measure"))
    return _save(user, municipality, table, None, _without(payload, "measure"), {"measure": measure})


def update(key, municipality, table, obj, payload):
    user = _writer(key, municipality, table)
    measure = obj if table == "measures" else obj.measure
    if not can_edit(user, municipality, measure.lead_department):
        raise _forbidden()
    if table != "measures":
        if "measure" in payload and payload["measure"] != measure.pk:
            raise ApiError(
                400,
                "invalid",
                _("Die Maßnahme einer Zeile kann nicht geändert werden."),
                [{"field": "measure", "message": _("Nicht änderbar.")}],
            )
        payload = _without(payload, "measure")
        return _save(user, municipality, table, obj, payload, {"measure": measure})
    return _save(user, municipality, table, obj, payload, {})


def _without(payload, name):
    return {k: v for k, v in payload.items() if k != name}


def _parent(key, user, municipality, measure_id):
    if not isinstance(measure_id, int) or isinstance(measure_id, bool):
        raise ApiError(
            400,
            "invalid",
            _("Angaben unvollständig."),
            [{"field": "measure", "message": _("Kennung der Maßnahme (Zahl) fehlt.")}],
        )
    measure = visible_measures(key, municipality).filter(pk=measure_id).first()
    if measure is None:
        raise not_found()
    if not can_edit(user, municipality, measure.lead_department):
        raise _forbidden()
    return measure


def _form(municipality, table, instance, data, extra, user):
    kwargs = dict(extra, municipality=municipality, instance=instance)
    if table == "measures":
        membership = Membership.of(user, municipality)
        kwargs["allowed_units"] = list(membership.org_units.all()) if membership else []
    return FORMS[table](data, **kwargs)


def _save(user, municipality, table, instance, payload, extra):
    unbound = _form(municipality, table, instance, None, extra, user)
    unknown = sorted(set(payload) - set(unbound.fields))
    if unknown:
        raise ApiError(
            400,
            "invalid",
            _("Unbekannte Felder."),
            [{"field": f, "message": _("Unbekanntes Feld.")} for f in unknown],
        )
    data = {name: unbound[name].value() for name in unbound.fields}
    data.update(_converted(municipality, payload))
    form = _form(municipality, table, instance, data, extra, user)
    if not form.is_valid():
        raise ApiError(400, "invalid", _("Die Angaben sind nicht gültig."), form_details(form))
    if table == "measures" and not can_edit(user, municipality, form.cleaned_data.get("lead_department")):
        raise _forbidden()
    form.instance._history_user = user
    return form.save(user=user) if table == "milestones" else form.save()


def _converted(municipality, payload):
    data = {}
    for name, value in payload.items():
        if name in LIST_FIELDS and isinstance(value, str):
            value = [v for v in value.split(";") if v.strip()]
        if name == "lead_department" and isinstance(value, str):
            unit = OrgUnit.objects.filter(municipality=municipality, code=value).first()
            value = unit.pk if unit else "unbekannt"
        data[name] = "" if value is None else value
    return data
