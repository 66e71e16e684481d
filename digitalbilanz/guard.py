"""Refuses hostile query strings before any view sees them.

A NUL character in a query parameter reaches filters and searches (PostgreSQL refuses it with
an error); a lone surrogate cannot be encoded. Both are answered 400 here, for every page and
the API alike, so no view has to check. Bodies are checked where they are read: the API's body
parser (``api/body.py``), Django's limits for forms (``DATA_UPLOAD_MAX_MEMORY_SIZE`` → 413 via
``errors.bad_request``) and the forms' own validation (NUL characters, ids out of range).
"""

from django.utils.translation import gettext as _

from digitalbilanz import errors
from digitalbilanz.api.body import bad_text


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, values in request.GET.lists():
            why = next((w for text in (name, *values) if (w := bad_text(text))), None)
            if why:
                field = name if not bad_text(name) else ""
                return errors.refused(
                    request,
                    400,
                    "invalid_parameter",
                    _("Ungültiger Abfrageparameter."),
                    [{"field": field, "message": str(why)}],
                )
        return self.get_response(request)
