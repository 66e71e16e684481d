"""The comparison through the API: ``GET /api/v1/vergleich/`` (read-only, the API's endpoint
wrapper: rate limit for anonymous callers, one error shape, German messages; paginated like
every API list; described in the OpenAPI document through ``registry.api``)."""

from django.http import JsonResponse
from django.urls import reverse

from digitalbilanz.api.errors import bad_parameter
from digitalbilanz.api.listing import check_params, paginate
from digitalbilanz.api.views import endpoint
from digitalbilanz.comparison import figures
from digitalbilanz.comparison.views import NATIONAL_KEY
from digitalbilanz.core.cache import cached_response
from digitalbilanz.core.choices import MunicipalityKind

FILTER_DESCRIPTIONS = {
    "land": "Bundesland, z. B. Nordrhein-Westfalen (nur Länder mit Teilnehmern)",
    "art": "Art der Kommune",
    "groesse": "Größenklasse nach Einwohnerzahl",
}


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
        "participants_count": len(result.participants),
        "indicators": [
            {"key": key, "title": str(title), "method": str(method)}
            for key, title, method in figures.INDICATORS
        ],
        "csv": request.build_absolute_uri(reverse("comparison:csv")),
        "catalogue": request.build_absolute_uri(reverse("comparison:catalogue")),
    }
    body.update(paginate(request, list(result.rows), figures.record))
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})


def openapi() -> dict:
    """The OpenAPI path item of the endpoint (``registry.api``)."""
    from digitalbilanz.api.openapi import PAGING, error_refs, json_content, query_param

    enums = {
        "art": {"type": "string", "enum": [k for k, _label in MunicipalityKind.choices]},
        "groesse": {"type": "string", "enum": [key for key, *_rest in figures.SIZE_CLASSES]},
        "land": {"type": "string"},
    }
    params = PAGING + [query_param(p, enums[p], FILTER_DESCRIPTIONS[p]) for p in figures.PARAMS]
    number = {"type": "number", "nullable": True}
    integer = {"type": "integer", "nullable": True}
    text = {"type": "string", "nullable": True}
    row = {
        "type": "object",
        "required": ["slug", "name"],
        "properties": {
            "slug": {"type": "string"},
            "name": {"type": "string"},
            "ags": text,
            "state": text,
            "kind": text,
            "inhabitants": integer,
            "inhabitants_as_of": {"type": "string", "format": "date", "nullable": True},
            "inhabitants_source": text,
            "size_class": text,
            **{
                key: integer
                for key in (
                    "public_measures",
                    "unappraisable_measures",
                    "lines_not_included",
                    "lines_folded",
                    "measures_with_benefit",
                    "milestones",
                    "milestones_on_time",
                    "services",
                    "services_online",
                )
            },
            **{
                key: number
                for key in (
                    "investment",
                    "investment_per_inhabitant",
                    "npv_kn",
                    "npv_per_inhabitant",
                    "benefit_share",
                    "on_time_share",
                    "online_share",
                )
            },
        },
    }
    page = {
        "allOf": [
            {"$ref": "#/components/schemas/Page"},
            {
                "properties": {
                    "results": {"type": "array", "items": row},
                    "filters": {"type": "object"},
                    "participants_count": {"type": "integer"},
                    "indicators": {"type": "array", "items": {"type": "object"}},
                    "csv": {"type": "string"},
                    "catalogue": {"type": "string"},
                }
            },
        ]
    }
    return {
        "get": {
            "summary": "Vergleich der Kommunen",
            "description": (
                "Öffentliche Kennzahlen der Kommunen, die am Vergleich teilnehmen (eine Zeile je "
                "Kommune, Spalten wie in vergleich.csv); ohne Schlüssel, nicht kommunenbezogen."
            ),
            "operationId": "list_comparison",
            "parameters": params,
            "responses": {"200": json_content(page, "Liste"), **error_refs("400", "404", "429")},
        }
    }
