"""Error pages: German, in the layout of the area where the error happened.

* ``/api/…`` answers in the API's JSON error shape;
* ``/<municipality>/…`` of an existing municipality: the public portal's layout;
* everything else (``/app/…``, the start page, an unknown address): the application's layout,
  without the municipality, so a 404 never reveals that a municipality or record exists.

The 500 page is rendered without the request: no context processor, no database access, so it
still appears when the database is the reason for the error.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.utils.translation import gettext as _

from digitalbilanz.api.body import too_large
from digitalbilanz.api.errors import error_response
from digitalbilanz.core.models import Municipality
from digitalbilanz.portal.views.common import layout_context

SITE_LAYOUT = "base.html"
# First path segments that belong to the application, never to a municipality's portal.
NOT_PORTAL = {"app", "admin", "anmelden", "abmelden", "healthz", "static"}


def page_not_found(request, exception=None):
    if _is_api(request):
        return error_response(404, "not_found", _("Nicht gefunden."))
    return _page(request, "errors/404.html", 404)


def permission_denied(request, exception=None):
    if _is_api(request):
        return error_response(403, "forbidden", _("Keine Berechtigung."))
    return _page(request, "errors/403.html", 403)


def bad_request(request, exception=None):
    """400 — or 413 for a body beyond ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (Django's RequestDataTooBig)."""
    if isinstance(exception, RequestDataTooBig):
        return refused(request, 413, "too_large", too_large().message)
    if isinstance(exception, (TooManyFieldsSent, TooManyFilesSent)):
        return refused(request, 400, "bad_request", _("Die Anfrage enthält zu viele Felder oder Dateien."))
    return refused(request, 400, "bad_request", _("Die Anfrage ist ungültig und wurde nicht bearbeitet."))


def refused(request, status, code, message, details=None) -> HttpResponse:
    """A request refused before any view (400, 413, …): German page, or JSON below /api/."""
    if _is_api(request):
        return error_response(status, code, message, details)
    title = _("Inhalt zu groß") if status == 413 else _("Ungültige Anfrage")
    try:
        return _page(request, "errors/400.html", status, {"title": title, "message": message})
    except Exception:  # e.g. a disallowed host: the page must never fail itself
        return HttpResponse(
            f'<!DOCTYPE html><html lang="de"><title>{title}</title><h1>{title}</h1></html>', status=status
        )


def csrf_failure(request, reason=""):
    """A form was sent without a valid CSRF token (settings.CSRF_FAILURE_VIEW)."""
    return _page(request, "errors/403_csrf.html", 403)


def locked_out(request, response=None, credentials=None):
    """Too many failed logins (django-axes' AXES_LOCKOUT_CALLABLE): say what happened and when
    to try again. Every attempt during the lockout starts the wait anew, so "now + wait" holds."""
    wait = settings.AXES_COOLOFF_TIME
    context = {
        "layout": SITE_LAYOUT,
        "minutes": int(wait.total_seconds() // 60),
        "until": timezone.localtime(timezone.now() + wait),
    }
    page = render(request, "errors/locked_out.html", context, status=429)
    page["Retry-After"] = str(int(wait.total_seconds()))
    return page


def server_error(request):
    if _is_api(request):
        return error_response(500, "server_error", _("Interner Fehler. Bitte später erneut versuchen."))
    try:
        body = loader.get_template("errors/500.html").render({"layout": SITE_LAYOUT})
    except Exception:  # the error page must never fail itself
        title = _("Ein Fehler ist aufgetreten")
        body = f'<!DOCTYPE html><html lang="de"><title>{title}</title><h1>{title}</h1></html>'
    return HttpResponseServerError(body)


def _page(request, template, status, extra=None) -> HttpResponse:
    municipality = _portal_municipality(request)
    if municipality is None:
        context = {"layout": SITE_LAYOUT}
    else:
        context = layout_context(municipality) | {"layout": "portal/base.html"}
    return render(request, template, context | (extra or {}), status=status)


def _is_api(request) -> bool:
    return request.path_info.startswith("/api/")


def _portal_municipality(request):
    """The municipality of a portal address ``/<slug>/…``; None for any other address."""
    first = request.path_info.strip("/").split("/", 1)[0]
    if not first or first in NOT_PORTAL:
        return None
    return Municipality.objects.filter(slug=first).first()
