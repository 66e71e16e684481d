"""API v1 endpoints: index, municipalities, every registered table (list/detail), writes.

Every endpoint goes through ``endpoint``: method check, key or rate limit, one error shape,
and a rollback of the request's transaction on any error (ATOMIC_REQUESTS), so a failed
write never leaves anything half-saved.
"""

import logging
from functools import wraps

from django.db import connection, transaction
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from digitalbilanz.api import body, writes
from digitalbilanz.api.auth import check_rate, principal
from digitalbilanz.api.errors import ApiError, error_response, not_found
from digitalbilanz.api.listing import check_params, filtered_rows, paginate
from digitalbilanz.api.openapi import spec
from digitalbilanz.core.cache import cached_response, is_anonymous_get
from digitalbilanz.core.models import Municipality
from digitalbilanz.core.visibility import levels_for
from digitalbilanz.registry import tables as registry

log = logging.getLogger(__name__)


def endpoint(*methods, allowed=None):
    """``allowed(kwargs)``, if given, narrows ``methods`` for the addressed resource (a table that
    cannot be written allows GET only), so ``Allow`` always says what the resource accepts."""

    def decorate(view):
        @csrf_exempt
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            headers = {}
            try:
                permitted = allowed(kwargs) if allowed else methods
                if request.method not in permitted:
                    raise ApiError(
                        405,
                        "method_not_allowed",
                        _("Diese Methode ist hier nicht erlaubt."),
                        headers={"Allow": ", ".join(permitted)},
                    )
                request.principal = principal(request)
                if not request.principal.is_authenticated:
                    headers = check_rate(request)
                response = _respond(view, request, args, kwargs)
            except ApiError as exc:
                headers.update(exc.headers)
                response = _failed(exc.status, exc.code, exc.message, exc.details)
            except Http404:
                response = _failed(404, "not_found", _("Nicht gefunden."))
            except Exception:
                log.exception("API error")
                response = _failed(500, "server_error", _("Interner Fehler. Bitte später erneut versuchen."))
            for name, value in headers.items():
                response[name] = value
            return response

        return wrapper

    return decorate


def _respond(view, request, args, kwargs):
    """Anonymous reads of a municipality's data are served from the data-versioned cache."""
    slug = kwargs.get("slug")
    if slug is None or not is_anonymous_get(request):
        return view(request, *args, **kwargs)
    found = Municipality.objects.filter(slug=slug).values_list("pk", "data_version").first()
    if found is None:
        raise not_found()
    return cached_response(request, found[0], found[1], lambda: view(request, *args, **kwargs))


def _failed(status, code, message, details=None):
    if connection.in_atomic_block:
        transaction.set_rollback(True)
    return error_response(status, code, message, details)


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _municipality(slug):
    municipality = Municipality.objects.filter(slug=slug).first()
    if municipality is None:
        raise not_found()
    return municipality


def _table(name):
    table = registry.table(name)
    if table is None:
        raise not_found()
    return table


@endpoint("GET")
def index(request):
    return _json(
        {
            "version": "1",
            "municipalities": request.build_absolute_uri(reverse("api:municipalities")),
            "openapi": request.build_absolute_uri(reverse("api:openapi")),
            "documentation": request.build_absolute_uri(reverse("api:docs")),
        }
    )


@endpoint("GET")
def openapi(request):
    return _json(spec(request.build_absolute_uri("/api/v1")))


def docs(request):
    document = spec(request.build_absolute_uri("/api/v1"))
    return render(request, "api/docs.html", {"spec": document, "tables": registry.tables()})


@endpoint("GET")
def municipalities(request):
    check_params(request, set())
    queryset = Municipality.objects.order_by("slug")
    return _json(paginate(request, queryset, lambda m: _municipality_record(request, m)))


def _municipality_record(request, m):
    url = request.build_absolute_uri(reverse("api:municipality", args=[m.slug]))
    return {"slug": m.slug, "name": m.name, "ags": m.ags, "ars": m.ars, "url": url}


@endpoint("GET")
def municipality(request, slug):
    m = _municipality(slug)
    record = _municipality_record(request, m)
    record["tables"] = {
        t.name: request.build_absolute_uri(reverse("api:table", args=[m.slug, t.name]))
        for t in registry.tables()
    }
    return _json(record)


def _table_methods(write_method):
    def methods(kwargs):
        table = registry.table(kwargs.get("name", ""))
        return ("GET",) if table is not None and table.writes is None else ("GET", write_method)

    return methods


@endpoint("GET", "POST", allowed=_table_methods("POST"))
def table_list(request, slug, name):
    m, table = _municipality(slug), _table(name)
    if request.method == "POST":
        obj = writes.create(request.principal, m, table, body.parse(request))
        obj = _reload(request, m, table, obj.pk)
        return _versioned(request, obj, _json(_record(request, table, obj), status=201))
    rows = filtered_rows(request, m, table)
    return _json(paginate(request, rows, lambda obj: _record(request, table, obj), table.keyset))


@endpoint("POST")
def table_batch(request, slug, name):
    """Batch write of a bulk table (``Table.batch``): ``{"rows": [...]}``, all or nothing."""
    m, table = _municipality(slug), _table(name)
    if table.batch is None:
        raise not_found()

    def rows():  # parsed only after the key check: no key means 401 whatever the body
        return body.parse_rows(request, table.batch.max_rows, table.batch.fields)

    return _json(writes.batch(request.principal, m, table, rows))


@endpoint("GET", "PATCH", allowed=_table_methods("PATCH"))
def table_detail(request, slug, name, pk):
    if request.method == "PATCH":
        writes.require_key(request.principal)
    m, table = _municipality(slug), _table(name)
    pk = _key(table, pk)
    obj = _reload(request, m, table, pk)
    if request.method == "PATCH":
        writes.update(request.principal, m, table, obj, body.parse(request), request.headers.get("If-Match"))
        obj = _reload(request, m, table, pk)
    return _versioned(request, obj, _json(_record(request, table, obj)))


def _key(table, raw):
    """The row's key from the path: a number for tables keyed by id, else the text key."""
    if table.columns[0].type != "integer":
        return raw
    if not raw.isascii() or not raw.isdigit() or len(raw) > 18:  # no id is negative or this large
        raise not_found()
    return int(raw)


def _versioned(request, obj, response):
    """Key holders get the record's version as ETag (to send back as If-Match when changing)."""
    if request.principal.is_authenticated and hasattr(obj, "lock_version"):
        response["ETag"] = writes.etag(obj)
    return response


def _reload(request, m, table, pk):
    rows = table.rows(m, levels_for(request.principal, m))
    if hasattr(rows, "filter"):
        obj = rows.filter(pk=pk).first()
    else:
        obj = next((r for r in rows if table.record(r)[table.primary_key] == pk), None)
    if obj is None:
        raise not_found()
    return obj


def _record(request, table, obj):
    record = table.record(obj)
    if request.principal.is_authenticated and hasattr(obj, "visibility"):
        record["visibility"] = obj.visibility
    if request.principal.is_authenticated and hasattr(obj, "lock_version"):
        record["lock_version"] = obj.lock_version
    return record


@csrf_exempt
def unknown(request):
    """Nothing lives here, whatever the method: 404 in the error shape (no Allow to advertise)."""
    return error_response(404, "not_found", _("Nicht gefunden."))
