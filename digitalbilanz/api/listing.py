"""Query parameters of API lists: validation, filters, search and pagination.

Lists are paged in one of two ways:

* **by page number**: ``page`` (from 1) and ``page_size``; the answer names ``page``, ``next``
  and ``previous``. Simple, but a row inserted before the current page shifts the next one.
* **by cursor** (keyset): rows in order of their id; ``next`` carries ``cursor``, an opaque
  token for the last id delivered, and the next page starts after it. A row inserted or deleted
  meanwhile neither repeats nor skips a row. Default for large tables (``Table.keyset``); any
  table pages by cursor when ``cursor`` is given (empty: from the start). A computed table (a
  list, not database rows) has no stable ids: its cursor counts the rows already delivered.

``cursor`` takes precedence over ``page`` when both are given (the answer then carries no
``page``): each parameter is valid on its own, so a request with both is answered, not refused.
The token's format is part of the OpenAPI document (``CURSOR_PATTERN``), so a generated client
knows which values are valid; anything else is refused with 400.
"""

import base64
import binascii
import datetime as dt

from django.utils.translation import gettext as _

from digitalbilanz.api.errors import ApiError, bad_parameter
from digitalbilanz.core.visibility import levels_for

DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 50, 200
PAGING = {"page", "page_size", "cursor"}
MAX_PAGE = 10**6
INT32_MAX = 2**31 - 1  # integer filters name database ids and years: 32-bit columns
MAX_CURSOR_DIGITS = 18  # below the largest 64-bit id, so no database overflows on the comparison


def _cursor_pattern() -> str:
    """The regular expression of every valid cursor: unpadded base64url of ``id:`` + 1–18 digits.

    ``id:`` encodes to ``aWQ6``; each group of three digits (bytes 0x30–0x39) encodes to four
    characters, a trailing one or two digits to two or three. Empty: the first page.
    """
    first = "(?:[MN][DTjz]|O[DT])"  # the high and low bits of a digit in the first byte of a group
    second, third = "[AEIMQUYcgk]", "[w-z0-5]"
    group = first + second + third
    tail = f"(?:[MN][AQgw]|O[AQ]|{first}{second})"
    return f"^(?:aWQ6(?:{group}){{0,5}}(?:{group}|{tail}))?$"


CURSOR_PATTERN = _cursor_pattern()
CURSOR_MAX_LENGTH = 4 + 4 * (MAX_CURSOR_DIGITS // 3)


def check_params(request, allowed: set[str]):
    for param in request.GET:
        if param not in allowed | PAGING:
            raise bad_parameter(
                param, _("Unbekannter Parameter. Erlaubt: %(p)s") % {"p": ", ".join(sorted(allowed | PAGING))}
            )


def _integer(param, raw, low=None, high=None):
    try:
        value = int(raw)
    except ValueError as exc:
        raise bad_parameter(param, _("Erwartet wird eine ganze Zahl.")) from exc
    if (low is not None and value < low) or (high is not None and value > high):
        raise bad_parameter(
            param, _("Erlaubt sind Werte von %(low)s bis %(high)s.") % {"low": low, "high": high}
        )
    return value


def _value(flt, raw):
    if flt.type == "integer":
        return _integer(flt.param, raw, 0, INT32_MAX)
    if flt.type == "date":
        try:
            return dt.date.fromisoformat(raw)
        except ValueError as exc:
            raise bad_parameter(flt.param, _("Erwartet wird ein Datum JJJJ-MM-TT.")) from exc
    if flt.type == "choice" and raw not in flt.choices:
        raise bad_parameter(flt.param, _("Erlaubt: %(c)s") % {"c": ", ".join(flt.choices)})
    return raw


def filtered_rows(request, municipality, table):
    check_params(request, {f.param for f in table.filters} | ({"q"} if table.search else set()))
    rows = table.rows(municipality, levels_for(request.principal, municipality))
    for flt in table.filters:
        if flt.param in request.GET:
            rows = rows.filter(**{flt.lookup: _value(flt, request.GET[flt.param])})
    if table.search and request.GET.get("q"):
        rows = table.search(rows, request.GET["q"])
    return rows


def paginate(request, rows, to_record, keyset=False) -> dict:
    size = _integer("page_size", request.GET.get("page_size", str(DEFAULT_PAGE_SIZE)), 1, MAX_PAGE_SIZE)
    if "page" in request.GET:
        _integer("page", request.GET["page"], 1, MAX_PAGE)  # checked even when cursor wins
    by_cursor = "cursor" in request.GET or (keyset and "page" not in request.GET)
    if not by_cursor:
        return _numbered(request, rows, to_record, size)
    if isinstance(rows, list):
        return _list_by_cursor(request, rows, to_record, size)
    return _by_cursor(request, rows, to_record, size)


def _numbered(request, rows, to_record, size) -> dict:
    page = _integer("page", request.GET.get("page", "1"), 1, MAX_PAGE)
    count = len(rows) if isinstance(rows, list) else rows.count()
    start = (page - 1) * size
    if start >= count and page > 1:  # documented: a page past the end is not found
        raise ApiError(404, "not_found", _("Diese Seite gibt es nicht (%(n)s Einträge).") % {"n": count})
    items = list(rows[start : start + size])
    return {
        "count": count,
        "page": page,
        "page_size": size,
        "next": _link(request, page=page + 1) if start + size < count else None,
        "previous": _link(request, page=page - 1) if page > 1 else None,
        "results": [to_record(obj) for obj in items],
    }


def _by_cursor(request, rows, to_record, size) -> dict:
    after = decode_cursor(request.GET.get("cursor", ""))
    count = rows.count()
    window = rows.order_by("pk")
    if after is not None:
        window = window.filter(pk__gt=after)
    items = list(window[: size + 1])  # one more than asked tells whether a next page exists
    more, items = len(items) > size, items[:size]
    return {
        "count": count,
        "page_size": size,
        "next": _link(request, cursor=encode_cursor(items[-1].pk)) if more else None,
        "previous": None,
        "results": [to_record(obj) for obj in items],
    }


def _list_by_cursor(request, rows, to_record, size) -> dict:
    """A computed list: the cursor counts the rows delivered so far (no ids to key on)."""
    start = decode_cursor(request.GET.get("cursor", "")) or 0
    items = rows[start : start + size]
    return {
        "count": len(rows),
        "page_size": size,
        "next": _link(request, cursor=encode_cursor(start + size)) if start + size < len(rows) else None,
        "previous": None,
        "results": [to_record(obj) for obj in items],
    }


def encode_cursor(pk: int) -> str:
    return base64.urlsafe_b64encode(f"id:{pk}".encode()).decode().rstrip("=")


def decode_cursor(raw: str) -> int | None:
    """The id after which the page starts; None for the first page (empty cursor)."""
    if not raw:
        return None
    try:
        text = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
        prefix, _sep, number = text.partition(":")
        if prefix != "id" or not (number.isascii() and number.isdigit()) or len(number) > MAX_CURSOR_DIGITS:
            raise ValueError(text)
        return int(number)
    except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
        raise bad_parameter("cursor", _("Ungültiger Cursor; bitte den Link „next“ verwenden.")) from exc


def _link(request, **params):
    query = request.GET.copy()
    for name in ("page", "cursor"):
        query.pop(name, None)
    for name, value in params.items():
        query[name] = str(value)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
