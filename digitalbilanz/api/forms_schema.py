"""JSON schema of a write's request body, generated from the table's form (``Writes.form``).

Reads the form class's declared fields (``base_fields``) without instantiating the form, so no
query runs. The fields every versioned form adds at run time (``change_reason``, ``lock_version``)
are described too, and nothing else is allowed (``additionalProperties: false``): the API
refuses unknown fields. Creating needs the form's required fields (and the parent); changing
(PATCH) sends only what changes, so nothing is required there.
"""

from django import forms

ID_OR_CODE = [{"type": "integer"}, {"type": "string"}]


def body_schema(writes, create=True) -> dict:
    lookups = dict(writes.lookups)
    fields = writes.form.base_fields
    props = {name: _field_schema(name, field, lookups) for name, field in fields.items()}
    # A missing field starts from the form's initial value (the model default), so only required
    # fields without one must be sent.
    required = [n for n, f in fields.items() if f.required and f.initial in (None, "")] if create else []
    if writes.parent is not None:
        props[writes.parent.field] = {
            "oneOf": ID_OR_CODE,
            "description": f"{writes.parent.label}: Kennung (Zahl) oder Nummer; nur beim Anlegen, "
            "danach nicht änderbar.",
        }
        if create:
            required.append(writes.parent.field)
    props["change_reason"] = {"type": "string", "description": "Grund der Änderung (Änderungshistorie)"}
    if not create:
        props["lock_version"] = {
            "type": "integer",
            "minimum": 0,
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


def _field_schema(name, field, lookups) -> dict:
    described = {"description": _describe(field)}
    if isinstance(field, forms.ModelMultipleChoiceField):
        array = {"type": "array", "items": {"type": "integer"}}
        return {"oneOf": [array, {"type": "string"}], **described}
    if isinstance(field, forms.ModelChoiceField):
        schema = {"oneOf": ID_OR_CODE} if name in lookups else {"type": "integer", "nullable": True}
        return {**schema, **described}
    return {**_plain_schema(field), "nullable": not field.required, **described}


def _plain_schema(field) -> dict:
    if isinstance(field, forms.ChoiceField):
        return {"type": "string", "enum": [str(v) for v, _label in field.choices if v != ""]}
    if isinstance(field, forms.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, (forms.DecimalField, forms.FloatField)):  # before IntegerField: subclasses
        return {"oneOf": [{"type": "number"}, {"type": "string"}]}
    if isinstance(field, forms.IntegerField):
        return {"type": "integer", **_limits(field, "minimum", "min_value", "maximum", "max_value")}
    if isinstance(field, forms.DateField):
        return {"type": "string", "format": "date"}
    text = {"type": "string", **_limits(field, "minLength", "min_length", "maxLength", "max_length")}
    if field.required and "minLength" not in text:
        text["minLength"] = 1
    return text


def _limits(field, low_key, low_attr, high_key, high_attr) -> dict:
    """The field's own bounds (from the model), so clients and generated requests know them."""
    bounds = {low_key: getattr(field, low_attr, None), high_key: getattr(field, high_attr, None)}
    return {key: value for key, value in bounds.items() if value is not None}


def _describe(field) -> str:
    label, help_text = str(field.label or ""), str(field.help_text or "")
    return f"{label}. {help_text}".strip(". ") if help_text else label
