"""The API's one body parser: every write's JSON body is read and checked here, before any form.

What reaches a form is a flat JSON object whose values are plain scalars or lists of them, with
text that can be stored and shown (no NUL character, which PostgreSQL refuses, and no lone
surrogate, which cannot be encoded as UTF-8) and finite numbers in a sane range. Everything else
is refused with the API's error shape and the right status: 413 (too large, Django's
``DATA_UPLOAD_MAX_MEMORY_SIZE``), 415 (not JSON), 400 (malformed, too deep, invalid values).
"""

import json
import math

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext as _

from digitalbilanz.api.errors import ApiError

JSON_TYPES = {"application/json"}
# Larger than any id or amount the tables hold; beyond this a number is an attack or a mistake.
LARGEST = 2**63 - 1


def parse(request) -> dict:
    """The request's JSON object; an empty body is an empty object."""
    try:
        raw = request.body
    except RequestDataTooBig as exc:
        raise too_large() from exc
    if not raw:
        return {}  # the form then names every missing field
    _check_media_type(request)
    try:
        payload = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except RecursionError as exc:
        raise _invalid_json(_("Der Inhalt ist zu tief verschachtelt.")) from exc
    except UnicodeDecodeError as exc:
        raise _invalid_json(_("Der Inhalt ist kein gültiges UTF-8.")) from exc
    except ValueError as exc:
        raise _invalid_json(_("Der Inhalt ist kein gültiges JSON.")) from exc
    if not isinstance(payload, dict):
        raise _invalid_json(_("Erwartet wird ein JSON-Objekt."))
    details = [problem for name, value in payload.items() if (problem := _problem(name, value))]
    if details:
        raise ApiError(400, "invalid", _("Die Angaben sind nicht gültig."), details)
    return payload


def parse_rows(request, max_rows: int, fields=()) -> list[dict]:
    """A batch body ``{"rows": [{…}, …]}``: a list of flat objects checked like ``parse``, each
    value of the JSON type ``fields`` (name, type, description) names (text, whole number)."""
    try:
        raw = request.body
    except RequestDataTooBig as exc:
        raise too_large() from exc
    _check_media_type(request)
    try:
        payload = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except RecursionError as exc:
        raise _invalid_json(_("Der Inhalt ist zu tief verschachtelt.")) from exc
    except UnicodeDecodeError as exc:
        raise _invalid_json(_("Der Inhalt ist kein gültiges UTF-8.")) from exc
    except ValueError as exc:
        raise _invalid_json(_("Der Inhalt ist kein gültiges JSON.")) from exc
    rows = payload.get("rows") if isinstance(payload, dict) else None
    if not isinstance(rows, list) or set(payload) != {"rows"}:
        raise _invalid_json(_('Erwartet wird ein JSON-Objekt {"rows": [...]}.'))
    if not rows:
        raise ApiError(400, "invalid", _("Die Liste rows ist leer."))
    if len(rows) > max_rows:
        raise ApiError(  # a rule of the document (maxItems), unlike the body's size in bytes (413)
            400,
            "invalid",
            _("Höchstens %(n)s Zeilen je Anfrage.") % {"n": f"{max_rows:,}".replace(",", ".")},
        )
    details = []
    types = {name: kind for name, kind, _description in fields}
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            details.append({"row": number, "field": "", "message": _("Erwartet wird ein JSON-Objekt.")})
            continue
        for name, value in row.items():
            problem = _problem(name, value)
            if problem is None and isinstance(value, list):
                problem = {"field": name, "message": _("Verschachtelte Werte sind hier nicht erlaubt.")}
            if problem is None and (message := _type_message(types.get(name), value)):
                problem = {"field": name, "message": message}
            if problem:
                details.append({"row": number, **problem})
    if details:
        raise ApiError(400, "invalid", _("Die Angaben sind nicht gültig."), details[:200])
    return rows


def _type_message(kind, value) -> str | None:
    if kind == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        return _("Eine ganze Zahl erwartet.")
    if kind == "string" and not isinstance(value, str):
        return _("Text erwartet.")
    return None


def too_large() -> ApiError:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1_000_000
    return ApiError(
        413,
        "too_large",
        _("Der Inhalt ist zu groß (höchstens %(mb)s MB).") % {"mb": f"{limit:g}".replace(".", ",")},
    )


def bad_text(text: str) -> str | None:
    """Why ``text`` cannot be stored or shown, or None. Shared with the request guard."""
    if "\x00" in text:
        return _("Nullzeichen sind nicht erlaubt.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _("Ungültiges Zeichen (einzelnes Surrogat).")
    return None


def _check_media_type(request):
    media_type = request.content_type.strip().lower()
    charset = (request.content_params.get("charset") or "utf-8").strip().lower()
    if media_type not in JSON_TYPES or charset not in ("utf-8", "utf8"):
        raise ApiError(
            415,
            "unsupported_media_type",
            _("Erwartet wird JSON in UTF-8 (Content-Type: application/json)."),
        )


def _no_constant(name):
    raise ValueError(name)  # NaN, Infinity, -Infinity are not JSON


def _invalid_json(message) -> ApiError:
    return ApiError(400, "invalid_json", message)


def _problem(name, value) -> dict | None:
    if bad_text(name):
        return {"field": "", "message": _("Ungültiger Feldname: %(why)s") % {"why": bad_text(name)}}
    if isinstance(value, list):
        message = next((m for item in value if (m := _scalar_problem(item, in_list=True))), None)
    else:
        message = _scalar_problem(value)
    return {"field": name, "message": message} if message else None


def _scalar_problem(value, in_list=False) -> str | None:
    if in_list and (isinstance(value, bool) or not isinstance(value, (int, str))):
        return _("Eine Liste von Kennungen erwartet.")
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return bad_text(value)
    if isinstance(value, int):
        return None if abs(value) <= LARGEST else _("Die Zahl liegt außerhalb des zulässigen Bereichs.")
    if isinstance(value, float):
        if math.isfinite(value) and abs(value) <= LARGEST:
            return None
        return _("Die Zahl liegt außerhalb des zulässigen Bereichs.")
    return _("Verschachtelte Werte sind hier nicht erlaubt.")
