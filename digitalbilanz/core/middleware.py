"""Request-wide grouping of data changes (``core.datachanges.grouped``).

A form that saves a measure, its fields of action and a history row would otherwise raise the
municipality's data version several times, each an UPDATE of the shared municipality row inside
the request's transaction (held until commit). Wrapped here, every writing request raises each
touched municipality's version exactly once, after its transaction has committed.
"""

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
