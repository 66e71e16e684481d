"""JSON schema of a write's request body, generated from the table's form (``Writes.form``).

Reads the form class's declared fields (``base_fields``) without instantiating the form, so no
query runs. Fields a form adds at run time (``change_reason``) are allowed as additional fields.
"""

from django import forms

ID_OR_CODE = [{"type": "integer"}, {"type": "string"}]


def body_schema(writes) -> dict:
    lookups = dict(writes.lookups)
    props = {name: _field_schema(name, field, lookups) for name, field in writes.form.base_fields.items()}
    if writes.parent is not None:
        props[writes.parent.field] = {
            "oneOf": ID_OR_CODE,
            "description": f"{writes.parent.label}: Kennung (Zahl) oder Nummer; nur beim Anlegen, "
            "danach nicht änderbar.",
        }
    props["lock_version"] = {
        "type": "integer",
        "description": "Nur PATCH: der gelesene Bearbeitungsstand (statt Header If-Match).",
    }
    return {
        "type": "object",
        "properties": props,
        "additionalProperties": True,
        "description": (
            "Felder wie im Formular der Weboberfläche (PATCH: nur die zu ändernden). "
            "Dazu change_reason: Grund der Änderung für die Änderungshistorie."
        ),
    }


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
