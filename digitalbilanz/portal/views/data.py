"""Open-data pages and downloads: tables as CSV/JSON/XLSX, datapackage.json, DCAT catalogue."""

import json

from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone

from digitalbilanz.portal import dcat, opendata
from digitalbilanz.portal.defaults import ensure_portal_settings
from digitalbilanz.portal.views.common import page, portal_view
from digitalbilanz.registry import tables as registry


def _base_url(request, municipality):
    return request.build_absolute_uri(reverse("portal:data", args=[municipality.slug]))


@portal_view
def data_index(request, municipality):
    context = {"tables": registry.tables(), "formats": list(opendata.FORMATS)}
    return page(request, municipality, "data.html", context, section="data")


@portal_view
def columns(request, municipality):
    return page(request, municipality, "columns.html", {"tables": registry.tables()}, section="data")


@portal_view
def download(request, municipality, name, fmt):
    table = registry.table(name)
    if table is None or fmt not in opendata.FORMATS:
        raise Http404
    response = HttpResponse(opendata.render(table, municipality, fmt), content_type=opendata.FORMATS[fmt])
    if fmt == "xlsx":
        response["Content-Disposition"] = f'attachment; filename="{municipality.slug}-{name}.xlsx"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may fetch it
    return response


@portal_view
def datapackage(request, municipality):
    settings = ensure_portal_settings(municipality)
    body = opendata.datapackage(municipality, settings, _base_url(request, municipality))
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False, "indent": 1})


@portal_view
def catalogue(request, municipality):
    settings = ensure_portal_settings(municipality)
    body = dcat.catalogue(municipality, settings, _base_url(request, municipality), timezone.localdate())
    text = json.dumps(body, ensure_ascii=False, indent=1)
    return HttpResponse(text, content_type="application/ld+json; charset=utf-8")
