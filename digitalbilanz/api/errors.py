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
