"""Cache of anonymous GET responses (public portal, open data, API), keyed by data version.

Public pages of a municipality change only when its data changes. Every change raises
``Municipality.data_version`` (see ``core.signals``), and the version is part of the cache key,
so no stale page is ever served and no explicit invalidation is needed. Only anonymous GET
requests are cached — whatever a logged-in user or an API key sees is never stored or served
from here. The cache backend is configured with ``CACHE_URL`` (default: files below var/).
"""

import functools
import hashlib

from django.core.cache import cache
from django.http import HttpResponse

TIMEOUT = 3600
KEPT_HEADERS = ("Content-Disposition",)


def is_anonymous_get(request) -> bool:
    if request.method != "GET" or request.headers.get("Authorization"):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def response_key(request, municipality_pk: int, version: int) -> str:
    # Responses hold absolute links (the API's next/previous, feeds, DCAT) built from the
    # request's scheme and host: a page built for one host is never served for another.
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    path = hashlib.sha256(url.encode()).hexdigest()[:32]
    return f"resp:{code_fingerprint()}:{municipality_pk}:{version}:{path}"


@functools.cache
def code_fingerprint() -> str:
    """What besides the data decides a page: the release and the registered parameter defaults.

    A release that changes a default (or any page) changes every figure computed with it; with
    the fingerprint in the key, no page from the previous release is served after an upgrade.
    """
    from digitalbilanz import __version__
    from digitalbilanz.core.parameters import parameter_specs

    defaults = ";".join(f"{s.key}={s.default}@{s.as_of}" for s in parameter_specs())
    return hashlib.sha256(f"{__version__}|{defaults}".encode()).hexdigest()[:12]


def cached_response(request, municipality_pk: int, version: int, build):
    """Serve ``build()``'s response from the cache when the request is an anonymous GET."""
    if not is_anonymous_get(request):
        return build()
    key = response_key(request, municipality_pk, version)
    hit = cache.get(key)
    if hit is not None:
        status, content_type, body, headers = hit
        response = HttpResponse(body, status=status, content_type=content_type)
        for name, value in headers:
            response[name] = value
        return response
    response = build()
    if response.status_code == 200 and not response.streaming and not response.cookies:
        headers = [(h, response[h]) for h in KEPT_HEADERS if h in response]
        cache.set(key, (200, response["Content-Type"], response.content, headers), TIMEOUT)
    return response
