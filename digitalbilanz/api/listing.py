"""Query parameters of API lists: validation, filters, search and pagination."""

import datetime as dt

from django.utils.translation import gettext as _

from digitalbilanz.api.errors import bad_parameter
from digitalbilanz.core.visibility import levels_for
from digitalbilanz.portal import search

DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE = 50, 200
PAGING = {"page", "page_size"}


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
        return _integer(flt.param, raw, 0, 2**31)
    if flt.type == "date":
        try:
            return dt.date.fromisoformat(raw)
        except ValueError as exc:
            raise bad_parameter(flt.param, _("Erwartet wird ein Datum JJJJ-MM-TT.")) from exc
    if flt.type == "choice" and raw not in flt.choices:
        raise bad_parameter(flt.param, _("Erlaubt: %(c)s") % {"c": ", ".join(flt.choices)})
    return raw


def filtered_rows(request, municipality, table):
    searchable = table.name == "measures"
    check_params(request, {f.param for f in table.filters} | ({"q"} if searchable else set()))
    rows = table.rows(municipality, levels_for(request.principal, municipality))
    for flt in table.filters:
        if flt.param in request.GET:
            rows = rows.filter(**{flt.lookup: _value(flt, request.GET[flt.param])})
    if searchable and request.GET.get("q"):
        rows = search.search_measures(rows, request.GET["q"])
    return rows


def paginate(request, rows, to_record) -> dict:
    page = _integer("page", request.GET.get("page", "1"), 1, 10**6)
    size = _integer("page_size", request.GET.get("page_size", str(DEFAULT_PAGE_SIZE)), 1, MAX_PAGE_SIZE)
    count = rows.count() if hasattr(rows, "count") and not isinstance(rows, list) else len(rows)
    start = (page - 1) * size
    if start >= count and page > 1:
        raise bad_parameter("page", _("Diese Seite gibt es nicht (%(n)s Einträge).") % {"n": count})
    items = list(rows[start : start + size])
    return {
        "count": count,
        "page": page,
        "page_size": size,
        "next": _link(request, page + 1) if start + size < count else None,
        "previous": _link(request, page - 1) if page > 1 else None,
        "results": [to_record(obj) for obj in items],
    }


def _link(request, page):
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
