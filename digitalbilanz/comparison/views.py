"""The national comparison pages: ``/vergleich/`` (HTML), the combined CSV and the national
DCAT catalogue. Public data of opted-in municipalities only (``figures``); anonymous reads are
served from the response cache, keyed by every participant's data version."""

import csv
import io
import json

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from digitalbilanz.comparison import catalogue as national_catalogue
from digitalbilanz.comparison import figures
from digitalbilanz.core.cache import cached_response
from digitalbilanz.core.choices import MunicipalityKind
from digitalbilanz.spreadsheet import safe_cell

# Not a municipality's key: the response cache of the national pages (never a real primary key).
NATIONAL_KEY = 0

# Columns of the CSV: the keys of ``figures.record`` (the API's field names), in this order.
CSV_COLUMNS = (
    "slug",
    "name",
    "ags",
    "state",
    "kind",
    "inhabitants",
    "inhabitants_as_of",
    "inhabitants_source",
    "size_class",
    "public_measures",
    "unappraisable_measures",
    "investment",
    "investment_per_inhabitant",
    "npv_kn",
    "npv_per_inhabitant",
    "lines_not_included",
    "lines_folded",
    "measures_with_benefit",
    "benefit_share",
    "milestones",
    "milestones_on_time",
    "on_time_share",
    "services",
    "services_online",
    "online_share",
)


def _national(request, build):
    return cached_response(request, NATIONAL_KEY, figures.version(), build)


def comparison_page(request):
    return _national(request, lambda: _page(request))


def _page(request):
    try:
        filters = figures.parse_filters(request.GET)
    except figures.FilterError as exc:
        context = {"title": _("Ungültige Anfrage"), "message": f"{exc.param}: {exc.message}"}
        return render(request, "comparison/invalid.html", context, status=400)
    result = figures.compare(filters)
    query = request.GET.urlencode()
    context = {
        "comparison": result,
        "states": figures.states(),
        "kinds": MunicipalityKind.choices,
        "sizes": [(key, label) for key, label, *_rest in figures.SIZE_CLASSES],
        "csv_url": reverse("comparison:csv") + (f"?{query}" if query else ""),
        "api_url": reverse("comparison_api") + (f"?{query}" if query else ""),
    }
    return render(request, "comparison/page.html", context)


def comparison_csv(request):
    return _national(request, lambda: _csv(request))


def _csv(request):
    try:
        filters = figures.parse_filters(request.GET)
    except figures.FilterError as exc:
        return HttpResponse(
            f"{exc.param}: {exc.message}", status=400, content_type="text/plain; charset=utf-8"
        )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # like the portal's open-data files
    writer.writerow(CSV_COLUMNS)
    for row in figures.compare(filters).rows:
        data = figures.record(row)
        writer.writerow([safe_cell("" if data[key] is None else data[key]) for key in CSV_COLUMNS])
    # With a byte-order mark, Excel reads the file as UTF-8 (umlauts) instead of Windows-1252.
    response = HttpResponse(buffer.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="vergleich.csv"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may fetch it
    return response


def catalogue(request):
    return _national(request, lambda: _catalogue(request))


def _catalogue(request):
    body = national_catalogue.build(request, timezone.localdate())
    text = json.dumps(body, ensure_ascii=False, indent=1)
    response = HttpResponse(text, content_type="application/ld+json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def municipality_link(request, municipality):
    """The portal section of a participant: leads to the national comparison."""
    if not municipality.comparison_opt_in:
        raise Http404
    return HttpResponseRedirect(reverse("comparison:page") + f"#kommune-{municipality.slug}")
