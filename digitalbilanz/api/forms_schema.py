"""JSON schema of a write's request body, generated from the table's form (``Writes.form``).

Reads the form class's declared fields (``base_fields``) without instantiating the form, so no
query runs. The fields every versioned form adds at run time (``change_reason``, ``lock_version``)
are described too, and nothing else is allowed (``additionalProperties: false``): the API
refuses unknown fields. Creating needs the form's required fields (and the parent); changing
(PATCH) sends only what changes, so nothing is required there; the parent never changes.
Numbers carry their bounds (the model's validators, a decimal's digits), text its length, and
each value its JSON type, which the API enforces: a request the document allows passes every
field's own check; what may still fail is a rule across fields or records (code ``rule``).
"""

from decimal import Decimal

from django import forms
from django.core import validators

NO_NUL = "^[^\\x00]*$"  # PostgreSQL stores no NUL character; the API refuses it (api.body)
ID = {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}  # any id a database can hold
ID_OR_CODE = [ID, {"type": "string", "minLength": 1, "pattern": NO_NUL}]


def body_schema(writes, create=True) -> dict:
    lookups = dict(writes.lookups)
    fields = writes.form.base_fields
    model = getattr(getattr(writes.form, "_meta", None), "model", None)
    props = {
        name: _field_schema(name, field, lookups, _model_validators(model, name))
        for name, field in fields.items()
    }
    # A missing field starts from the form's initial value (the model default), so only required
    # fields without one must be sent.
    # Some fields may be left out on creation: filled from others (the form's
    # ``optional_on_create``, which may also be null) or with a default (``defaults_on_create``).
    nullable = set(getattr(writes.form, "optional_on_create", ()))
    optional = nullable | set(getattr(writes.form, "defaults_on_create", ()))
    required = [n for n, f in fields.items() if f.required and f.initial in (None, "") and n not in optional]
    required = required if create else []
    for name in nullable if create else ():
        props[name] = {**props[name], "nullable": True}  # empty: filled from another field
    if writes.parent is not None:  # PATCH may name it, but only the parent it has (else 409)
        by_code = writes.parent.code_field != "pk"
        props[writes.parent.field] = {
            **({"oneOf": ID_OR_CODE} if by_code else ID),
            "description": f"{writes.parent.label}: Kennung (Zahl){' oder Nummer' if by_code else ''}; "
            "beim Anlegen Pflicht, danach nicht änderbar (ein anderer Wert: 409).",
        }
        if create:
            required.append(writes.parent.field)
    props["change_reason"] = {
        "type": "string",
        "pattern": NO_NUL,
        "nullable": True,
        "description": "Grund der Änderung (Änderungshistorie)",
    }
    if not create:
        props["lock_version"] = {
            "type": "integer",
            "minimum": 0,
            "maximum": 2**63 - 1,
            "description": "Der gelesene Bearbeitungsstand (statt Header If-Match).",
        }
    schema = {
        "type": "object",
        "properties": props,
        "additionalProperties": False,
        "description": (
            "Felder wie im Formular der Weboberfläche (PATCH: nur die zu ändernden). "
            "Dazu change_reason: Grund der Änderung für die Änderungshistorie."
        ),
    }
    if required:
        schema["required"] = required
    return schema


def _model_validators(model, name) -> list:
    """The model field's validators: a form checks them too (when it validates the instance)."""
    try:
        return list(model._meta.get_field(name).validators) if model is not None else []
    except Exception:  # a form-only field
        return []


def _field_schema(name, field, lookups, extra_validators=()) -> dict:
    described = {"description": _describe(field)}
    if isinstance(field, forms.ModelMultipleChoiceField):
        array = {"type": "array", "items": ID}
        return {"oneOf": [array, {"type": "string"}], **described}
    if isinstance(field, forms.ModelChoiceField):
        schema = {"oneOf": ID_OR_CODE} if name in lookups else dict(ID)
        return {**schema, "nullable": not field.required, **described}
    return {**_plain_schema(field, extra_validators), "nullable": not field.required, **described}


def _plain_schema(field, extra_validators=()) -> dict:
    if isinstance(field, forms.ChoiceField):
        return {"type": "string", "enum": [str(v) for v, _label in field.choices if v != ""]}
    if isinstance(field, forms.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, (forms.DecimalField, forms.FloatField)):  # before IntegerField: subclasses
        return _number_schema(field, extra_validators)
    if isinstance(field, forms.IntegerField):
        return {"type": "integer", **_bounds(field, extra_validators)}
    if isinstance(field, forms.DateField):
        return {"type": "string", "format": "date"}
    text = {
        "type": "string",
        "pattern": NO_NUL,
        **_limits(field, "minLength", "min_length", "maxLength", "max_length"),
    }
    if field.required and "minLength" not in text:
        text["minLength"] = 1
    return text


def _bounds(field, extra_validators=()) -> dict:
    """A number's least and greatest value: the form's own and those of the model's validators."""
    low, high = field.min_value, field.max_value
    for validator in [*field.validators, *extra_validators]:
        if isinstance(validator, validators.MinValueValidator) and not callable(validator.limit_value):
            low = validator.limit_value if low is None else max(low, validator.limit_value)
        if isinstance(validator, validators.MaxValueValidator) and not callable(validator.limit_value):
            high = validator.limit_value if high is None else min(high, validator.limit_value)
    bounds = {"minimum": low, "maximum": high}
    return {key: _json_number(value) for key, value in bounds.items() if value is not None}


def _json_number(value):
    return int(value) if isinstance(value, int) or value == int(value) else float(value)


def _number_schema(field, extra_validators=()) -> dict:
    """A decimal as a JSON number (within its digits) or as text ``"-12.5"`` (decimal point)."""
    bounds = _bounds(field, extra_validators)
    places = getattr(field, "decimal_places", None)
    digits = getattr(field, "max_digits", None)
    number = {"type": "number", **bounds}
    text = {"type": "string"}
    if digits is not None and places is not None:
        whole = digits - places
        largest = Decimal(10) ** whole - Decimal(1).scaleb(-places)  # 99 999.99 for (7, 2)
        number.setdefault("maximum", _json_number(largest))
        number.setdefault("minimum", _json_number(-largest))
        number["multipleOf"] = _json_number(Decimal(1).scaleb(-places))
        fraction = rf"(\.[0-9]{{1,{places}}})?" if places else ""
        text["pattern"] = rf"^-?[0-9]{{1,{whole}}}{fraction}$"
    if "minimum" in bounds and bounds["minimum"] >= 0 and "pattern" in text:
        text["pattern"] = text["pattern"].replace("^-?", "^")
    if "pattern" not in text:
        return number
    return {"oneOf": [number, text]}


def _limits(field, low_key, low_attr, high_key, high_attr) -> dict:
    """The field's own bounds (from the model), so clients and generated requests know them."""
    bounds = {low_key: getattr(field, low_attr, None), high_key: getattr(field, high_attr, None)}
    return {key: value for key, value in bounds.items() if value is not None}


def _describe(field) -> str:
    label, help_text = str(field.label or ""), str(field.help_text or "")
    return f"{label}. {help_text}".strip(". ") if help_text else label
