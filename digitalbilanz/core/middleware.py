"""Request-wide grouping of data changes, and the client's address behind a proxy.

``DataChangeMiddleware`` (``core.datachanges.grouped``):
A form that saves a measure, its fields of action and a history row would otherwise raise the
municipality's data version several times, each an UPDATE of the shared municipality row inside
the request's transaction (held until commit). Wrapped here, every writing request raises each
touched municipality's version exactly once, after its transaction has committed.
"""

from django.conf import settings

from digitalbilanz.core.datachanges import grouped

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


class DataChangeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in SAFE_METHODS:
            return self.get_response(request)
        with grouped():
            return self.get_response(request)


class ClientAddressMiddleware:
    """Behind a reverse proxy every connection comes from the proxy, so login lockout and API
    limits per address would count all clients as one. With TRUST_X_FORWARDED_FOR the address
    is the last entry of X-Forwarded-For, the one the proxy itself appended (earlier entries
    come from the client and can be forged). Only for exactly one proxy that appends it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if settings.DIGITALBILANZ_TRUST_X_FORWARDED_FOR and forwarded.strip():
            request.META["REMOTE_ADDR"] = forwarded.split(",")[-1].strip()
        return self.get_response(request)
