"""Writes through the API, driven by the table registry (``registry.tables.Writes``).

A table that declares ``writes`` can be created (POST) and changed (PATCH) through its form —
the web UI's form, so the same rules and German messages apply. A write needs a read-write key
whose owner may edit the record (``Writes.may_edit``, usually ``core.permissions.can_edit``).
Fields are named as in the form; a list field takes a list of ids or ``"1;2"`` as in the CSV; a
choice named in ``Writes.lookups`` takes the looked-up text (``lead_department``: the unit's
code); the parent (``Writes.parent``, e.g. a line's measure) is named by id or code on creation
and can never change.

Every write ends in :func:`save`, the one place that stores a validated form.

Changes are checked against the version the client read (``core.versioning``): a PATCH names it
in the ``If-Match`` header (the ``ETag`` of the record, e.g. ``"3"``) or as ``lock_version`` in
the body. Without it the answer is 428; if the record was changed since, 412 with the stored
values of the fields the client sent, and nothing is written. A line derived by another module
(``portfolio.derived``) cannot be changed through the API (409).
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from digitalbilanz.api.errors import ApiError, form_details, form_error_code, not_found
from digitalbilanz.core.history import show
from digitalbilanz.core.permissions import can_edit_any
from digitalbilanz.core.versioning import StaleRecordError

VERSION = "lock_version"


def create(key, municipality, table, payload):
    spec = _spec(table)
    user = _writer(key, municipality)
    extra = {}
    if spec.parent is not None:
        extra[spec.parent.field] = _parent(key, municipality, spec.parent, payload.get(spec.parent.field))
        payload = _without(payload, spec.parent.field)
    elif not (spec.may_create or can_edit_any)(user, municipality):
        raise _forbidden()
    return _write(user, municipality, spec, None, payload, extra)


def update(key, municipality, table, obj, payload, if_match=None):
    spec = _spec(table)
    user = _writer(key, municipality)
    if not spec.may_edit(user, municipality, obj):
        raise _forbidden()
    read_only = getattr(obj, "read_only_reason", None)
    if read_only is not None and (reason := read_only()):
        raise ApiError(409, "derived", reason)  # e.g. a line computed by another module
    expected = _expected_version(payload, if_match)
    payload = _without(payload, VERSION)
    extra = {}
    if spec.parent is not None:
        parent = getattr(obj, spec.parent.field)
        if spec.parent.field in payload and not _names(spec.parent, parent, payload[spec.parent.field]):
            raise ApiError(  # the request conflicts with the stored record, not with the document
                409,
                "parent_fixed",
                _("%(label)s kann nicht geändert werden.") % {"label": spec.parent.label},
                [{"field": spec.parent.field, "message": _("Nicht änderbar.")}],
            )
        extra[spec.parent.field] = parent
        payload = _without(payload, spec.parent.field)

    def current_version():
        # After the request itself is checked (400 first): was the record changed meanwhile?
        # From here on ``obj`` carries the version the client read; a write that wins the race
        # in between makes the conditional UPDATE in ``save`` fail (412).
        if expected != obj.lock_version:  # the form has set the new values on ``obj``: reread
            raise stale(type(obj)._base_manager.filter(pk=obj.pk).first(), payload)

    return _write(user, municipality, spec, obj, payload, extra, before_save=current_version)


def batch(key, municipality, table, read_rows):
    """Many rows of a bulk table at once (``Table.batch``): all stored or none (400 with the rows).

    ``read_rows()`` parses the body; it is called only after the key is known to be allowed to
    write, so a request without a key gets 401 whatever its body says."""
    from digitalbilanz.core.imports import ImportRejected

    spec = table.batch
    if spec is None:
        raise ApiError(405, "method_not_allowed", _("Diese Tabelle nimmt keine Sammelschreibungen an."))
    user = _writer(key, municipality)
    if not spec.may_write(user, municipality):
        raise _forbidden()
    rows = read_rows()
    try:
        run = spec.write(user, municipality, rows)
    except ImportRejected as exc:
        raise ApiError(
            400,
            "invalid",
            _("Die Zeilen wurden nicht übernommen; es wurde nichts geändert."),
            [
                {"row": p.get("row"), "field": p.get("column", ""), "message": p.get("message", "")}
                for p in exc.problems
            ],
        ) from exc
    return {
        "import_run": run.pk,
        "created": run.created_count,
        "updated": run.updated_count,
        "unchanged": run.unchanged_count,
    }


def save(form, user, spec):
    """The one place where an API write is stored; ``form`` is valid and the user may store it.

    Checks that apply to every write of every table (such as the record's version,
    ``core.versioning``) belong here. The request is one transaction (ATOMIC_REQUESTS): an error
    anywhere rolls everything back.
    """
    form.instance._history_user = user
    try:
        with transaction.atomic():
            return form.save(user=user) if spec.save_with_user else form.save()
    except StaleRecordError as exc:  # another write won the race after our check
        raise stale(exc.current(), form.data) from exc
    except IntegrityError as exc:  # a unique key taken by a stored record (e.g. one rating a period)
        raise ApiError(
            409,
            "conflict",
            _("Diesen Datensatz gibt es schon; ändern Sie ihn, statt einen neuen anzulegen."),
        ) from exc
    except ValidationError as exc:  # e.g. a derived line that could no longer be computed
        details = [{"field": "", "message": str(m)} for m in exc.messages]
        raise ApiError(400, "rule", _("Die Angaben verletzen eine fachliche Regel."), details) from exc


def stale(current, payload):
    """412: the record changed since the client read it; the stored values of what it sent."""
    if current is None:
        return not_found()
    model = type(current)
    details = []
    for name in payload:
        if name == VERSION:
            continue
        try:
            field = model._meta.get_field(name)
        except Exception:
            continue
        if field.many_to_many:  # a list of records, shown by name
            stored = "; ".join(str(r) for r in getattr(current, name).all()) or "–"
        else:
            stored = show(model, name, getattr(current, field.attname))
        details.append({"field": name, "message": _("jetzt gespeichert: %(v)s") % {"v": stored}})
    return ApiError(
        412,
        "stale",
        _(
            "Der Datensatz wurde inzwischen geändert (Bearbeitungsstand %(v)s). Es wurde nichts "
            "gespeichert; lesen Sie ihn neu und wiederholen Sie die Änderung."
        )
        % {"v": current.lock_version},
        details,
        headers={"ETag": etag(current)},
    )


def etag(obj) -> str:
    return f'"{obj.lock_version}"'


IF_MATCH_PATTERN = r'^(\s*(W/)?"?[0-9]{1,18}"?\s*)?$'  # empty: not given (then lock_version)


def _expected_version(payload, if_match):
    """The version the client read: from If-Match, else from the body; required.

    A ``lock_version`` in the body is checked even when If-Match names the version."""
    value = payload.get(VERSION)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ApiError(
            400,
            "invalid",
            _("Die Angaben sind nicht gültig."),
            [{"field": VERSION, "message": _("Eine ganze Zahl ab 0 erwartet.")}],
        )
    if if_match:
        match = re.fullmatch(r'\s*(?:W/)?"?([0-9]{1,18})"?\s*', if_match)
        if match is None:
            raise ApiError(400, "invalid", _('If-Match muss den ETag des Datensatzes enthalten, z. B. "3".'))
        return int(match.group(1))
    if value is None:
        raise ApiError(
            428,
            "precondition_required",
            _(
                "Für Änderungen ist der gelesene Bearbeitungsstand nötig: Header If-Match mit dem "
                "ETag des Datensatzes oder Feld lock_version."
            ),
        )
    return value


def _spec(table):
    if table.writes is None:
        raise ApiError(
            405,
            "method_not_allowed",
            _("Diese Tabelle kann nicht geschrieben werden."),
            headers={"Allow": "GET"},
        )
    return table.writes


def require_key(key):
    """Writing needs a key: 401 before anything is looked up (a record the caller may not read
    would otherwise answer 404 and tell nothing about the missing key)."""
    if not key.is_authenticated:
        raise ApiError(
            401, "authentication_required", _("Schreiben erfordert einen API-Schlüssel mit Schreibrecht.")
        )


def _writer(key, municipality):
    if not key.is_authenticated:
        raise ApiError(
            401, "authentication_required", _("Schreiben erfordert einen API-Schlüssel mit Schreibrecht.")
        )
    if not (key.read_write and key.acts_in(municipality)):
        raise ApiError(403, "forbidden", _("Dieser API-Schlüssel darf hier nicht schreiben."))
    return key.user


def _forbidden():
    return ApiError(403, "forbidden", _("Keine Berechtigung, diesen Datensatz zu ändern."))


def _without(payload, name):
    return {k: v for k, v in payload.items() if k != name}


def _parent(key, municipality, parent, value):
    """The parent named by id (number) or code (text) among those the key may read; else 404."""
    if isinstance(value, bool) or not isinstance(value, (int, str)) or value == "":
        raise ApiError(
            400,
            "invalid",
            _("Angaben unvollständig."),
            [
                {
                    "field": parent.field,
                    "message": _("%(label)s fehlt: Kennung (Zahl) oder Nummer angeben.")
                    % {"label": parent.label},
                }
            ],
        )
    if isinstance(value, str) and parent.code_field == "pk":  # no number to name it by: id only
        raise ApiError(
            400,
            "invalid",
            _("Die Angaben sind nicht gültig."),
            [{"field": parent.field, "message": _("%(l)s: Kennung (Zahl) angeben.") % {"l": parent.label}}],
        )
    lookup = {"pk": value} if isinstance(value, int) else {parent.code_field: value}
    found = parent.rows(key, municipality).filter(**lookup).first()
    if found is None:
        raise not_found()
    return found


def _names(parent, record, value) -> bool:
    """Does ``value`` (id or code) name ``record``?"""
    if isinstance(value, int) and not isinstance(value, bool):
        return value == record.pk
    return isinstance(value, str) and value == getattr(record, parent.code_field, None)


def _form(spec, municipality, instance, data, extra, user):
    kwargs = dict(extra, municipality=municipality, instance=instance)
    if spec.form_kwargs is not None:
        kwargs.update(spec.form_kwargs(user, municipality))
    return spec.form(data, **kwargs)


def _write(user, municipality, spec, instance, payload, extra, before_save=None):
    unbound = _form(spec, municipality, instance, None, extra, user)
    if instance is None and spec.parent is not None:
        setattr(unbound.instance, spec.parent.field, extra[spec.parent.field])
        if not spec.may_edit(user, municipality, unbound.instance):
            raise _forbidden()
    _refuse_unknown(unbound, payload)
    # PATCH merges: the form starts from the stored values (or its initial ones) and the payload.
    data = {name: unbound[name].value() for name in unbound.fields}
    data.update(_converted(unbound, spec, payload))
    form = _form(spec, municipality, instance, data, extra, user)
    if not form.is_valid():
        if before_save is not None and not _field_errors(form):
            before_save()  # a stale version explains a rule broken by others' changes
        code = form_error_code(form)
        message = _("Die Angaben sind nicht gültig.")
        if code == "rule":
            message = _("Die Angaben verletzen eine fachliche Regel.")
        raise ApiError(400, code, message, form_details(form))
    if before_save is not None:
        before_save()
    if not spec.may_edit(user, municipality, form.instance):  # e.g. moved to another department
        raise _forbidden()
    return save(form, user, spec)


def _field_errors(form) -> bool:
    return form_error_code(form) == "invalid"


def _refuse_unknown(unbound, payload):
    unknown = sorted(set(payload) - set(unbound.fields))
    if unknown:
        raise ApiError(
            400,
            "invalid",
            _("Unbekannte Felder."),
            [{"field": f, "message": _("Unbekanntes Feld.")} for f in unknown],
        )


def _converted(form, spec, payload):
    lookups = dict(spec.lookups)
    problems = [
        {"field": name, "message": problem}
        for name, value in payload.items()
        if (problem := _type_problem(form.fields[name], value, name in lookups))
    ]
    if problems:
        raise ApiError(400, "invalid", _("Die Angaben sind nicht gültig."), problems)
    data = {}
    for name, value in payload.items():
        field = form.fields[name]
        if isinstance(field, forms.ModelMultipleChoiceField) and isinstance(value, str):
            value = [v for v in value.split(";") if v.strip()]
        elif name in lookups and isinstance(value, str):
            found = field.queryset.filter(**{lookups[name]: value}).first()
            value = found.pk if found else "unbekannt"  # the form then names the invalid choice
        data[name] = _as_form_value(name, field, value)
    return data


def _type_problem(field, value, by_code) -> str | None:
    """Why ``value`` is not of the JSON type the OpenAPI document names for ``field``, or None.

    A browser sends text for everything; the API takes JSON types as documented, so ``false``
    is no text and ``"5"`` no whole number (``null`` empties a field; the form decides if it may).
    """
    if value is None:
        return None
    if value == "" and not isinstance(field, forms.CharField | forms.ModelMultipleChoiceField):
        return _("Leer ist hier kein Wert; null leert das Feld.")
    if isinstance(field, forms.ModelMultipleChoiceField):
        if isinstance(value, str) or (isinstance(value, list) and all(_is_int(v) for v in value)):
            return None
        return _("Eine Liste von Kennungen oder Text „1;2“ erwartet.")
    if isinstance(field, forms.ModelChoiceField):
        return (
            None
            if _is_int(value) or (by_code and isinstance(value, str))
            else _("Eine Kennung (Zahl) erwartet.")
        )
    if isinstance(field, forms.BooleanField):
        return None if isinstance(value, bool) else _("true oder false erwartet.")
    if isinstance(field, forms.DecimalField | forms.FloatField):
        if isinstance(value, str) or (isinstance(value, int | float) and not isinstance(value, bool)):
            return None
        return _("Eine Zahl erwartet.")
    if isinstance(field, forms.IntegerField):
        return None if _is_int(value) else _("Eine ganze Zahl erwartet.")
    if isinstance(field, forms.MultipleChoiceField):
        return None if isinstance(value, list) else _("Eine Liste erwartet.")
    return None if isinstance(value, str) else _("Text erwartet.")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _as_form_value(name, field, value):
    """What a browser would send: text (a JSON number as written), a list of texts, a checkbox.

    Form fields expect text; a JSON ``false`` for a date would otherwise reach a field's parser
    as a Python bool and fail there instead of being refused as an invalid date.
    """
    if value is None:
        return ""
    if isinstance(field, forms.BooleanField):
        return value
    if isinstance(value, list):
        if not isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            raise ApiError(
                400,
                "invalid",
                _("Die Angaben sind nicht gültig."),
                [{"field": name, "message": _("Ein einzelner Wert erwartet, keine Liste.")}],
            )
        return [str(item) for item in value]
    return str(value)
