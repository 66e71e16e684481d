"""API endpoints outside the table registry, for the OpenAPI document.

Most of API v1 is generated from the open-data tables (``registry.tables``). An app above the
API with an endpoint of its own (the comparison between municipalities,
``GET /api/v1/vergleich/``) describes it here, so the API's OpenAPI document lists it without
the API importing that app::

    register_path(ApiPath("/vergleich/", comparison_api.openapi))

``operations()`` is called when the document is built and returns the OpenAPI path item (``{"get":
{…}}``); it may use ``#/components/schemas/Page`` and ``#/components/responses/E400`` etc.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ApiPath:
    path: str  # below /api/v1, e.g. "/vergleich/"
    operations: Callable[[], dict]


_paths: dict[str, ApiPath] = {}


def register_path(entry: ApiPath) -> ApiPath:
    _paths[entry.path] = entry
    return entry


def unregister_path(path: str) -> None:
    _paths.pop(path, None)


def api_paths() -> list[ApiPath]:
    return sorted(_paths.values(), key=lambda p: p.path)
