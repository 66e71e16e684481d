"""The API's one error shape: {"error": {"code", "message", "details": [{"field", "message"}]}}."""

from django.http import JsonResponse
from django.utils.translation import gettext as _

# RFC 9110 § 15.5.2: a 401 answer names the scheme it accepts.
AUTHENTICATE = {"WWW-Authenticate": 'Bearer realm="digitalbilanz-api"'}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, details=None, headers=None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.details = details or []
        self.headers = dict(AUTHENTICATE if status == 401 else {}, **(headers or {}))


def error_response(status, code, message, details=None, headers=None) -> JsonResponse:
    body = {"error": {"code": code, "message": str(message), "details": details or []}}
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def not_found():
    return ApiError(404, "not_found", _("Nicht gefunden."))


def bad_parameter(field, message):
    return ApiError(
        400,
        "invalid_parameter",
        _("Ungültiger Abfrageparameter."),
        [{"field": field, "message": str(message)}],
    )


def form_details(form) -> list[dict]:
    return [
        {"field": field if field != "__all__" else "", "message": str(message)}
        for field, messages in form.errors.items()
        for message in messages
    ]


# Codes of Django's own per-field checks: type, format, choice, length, bounds, digits. A request
# the OpenAPI document allows never fails one of them (the document carries these limits).
FIELD_CHECKS = {
    "required",
    "invalid",
    "invalid_choice",
    "out_of_range",  # core.forms: an id no database can hold
    "invalid_list",
    "invalid_pk_value",
    "max_length",
    "min_length",
    "max_value",
    "min_value",
    "max_digits",
    "max_decimal_places",
    "max_whole_digits",
    "step_size",
    "null",
    "blank",
}


STORED_CHOICE = {"invalid_choice", "invalid_pk_value"}  # an id that names no stored record


def form_error_code(form) -> str:
    """``invalid`` if a field fails its own check; ``rule`` if every value is valid on its own but
    the whole breaks a rule across fields or records (amount or hours, a number already taken,
    a year outside the measure's period, an id that names no record) — a rule the OpenAPI
    document can name but not encode."""
    from django import forms

    for name, errors in form.errors.as_data().items():
        field = form.fields.get(name)
        by_id = isinstance(field, forms.ModelChoiceField)  # includes ModelMultipleChoiceField
        if any(e.code in FIELD_CHECKS and not (by_id and e.code in STORED_CHOICE) for e in errors):
            return "invalid"
    return "rule"
