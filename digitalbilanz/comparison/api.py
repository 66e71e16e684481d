"""The comparison through the API: ``GET /api/v1/vergleich/`` (read-only, the API's endpoint
wrapper: rate limit for anonymous callers, one error shape, German messages)."""

from django.http import JsonResponse
from django.urls import reverse

from digitalbilanz.api.errors import bad_parameter
from digitalbilanz.api.listing import check_params
from digitalbilanz.api.views import endpoint
from digitalbilanz.comparison import figures
from digitalbilanz.comparison.views import NATIONAL_KEY
from digitalbilanz.core.cache import cached_response


@endpoint("GET")
def comparison(request):
    check_params(request, set(figures.PARAMS))
    try:
        filters = figures.parse_filters(request.GET)
    except figures.FilterError as exc:
        raise bad_parameter(exc.param, exc.message) from None
    return cached_response(request, NATIONAL_KEY, figures.version(), lambda: _body(request, filters))


def _body(request, filters):
    result = figures.compare(filters)
    body = {
        "filters": {param: getattr(filters, attr) or None for param, attr in figures.PARAMS.items()},
        "participants": [m.slug for m in result.participants],
        "indicators": [
            {"key": key, "title": str(title), "method": str(method)}
            for key, title, method in figures.INDICATORS
        ],
        "results": [figures.record(row) for row in result.rows],
        "csv": request.build_absolute_uri(reverse("comparison:csv")),
        "catalogue": request.build_absolute_uri(reverse("comparison:catalogue")),
    }
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})
