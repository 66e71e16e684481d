"""The site's URLs plus views that fail, for the error-page tests."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import path

from digitalbilanz.urls import handler403, handler404, handler500
from digitalbilanz.urls import urlpatterns as site_urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


@transaction.non_atomic_requests
def fail(request, slug=None):
    raise RuntimeError("kaputt")


def forbid(request, slug=None):
    raise PermissionDenied


def broken_context_processor(request):
    raise RuntimeError("context processor kaputt")


urlpatterns = [
    path("api/kaputt/", fail),
    path("app/<slug:slug>/kaputt/", fail),
    path("app/<slug:slug>/verboten/", forbid),
    path("<slug:slug>/kaputt/", fail),
    path("<slug:slug>/verboten/", forbid),
    *site_urlpatterns,
]
