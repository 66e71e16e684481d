from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from digitalbilanz.comparison.api import comparison as comparison_api
from digitalbilanz.health import healthz
from digitalbilanz.portfolio.views.read import home

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("anmelden/", auth_views.LoginView.as_view(), name="login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("api/v1/vergleich/", comparison_api, name="comparison_api"),
    path("api/v1/", include("digitalbilanz.api.urls")),
    path("app/<slug:slug>/berichte/", include("digitalbilanz.reports.urls")),
    path("app/<slug:slug>/arbeitsplaetze/", include("digitalbilanz.workplaces.urls")),
    path("app/<slug:slug>/vertraege/", include("digitalbilanz.contracts.urls")),
    path("app/<slug:slug>/quellen/", include("digitalbilanz.sources.urls")),
    path("app/<slug:slug>/rat/import/", include("digitalbilanz.council.oparl.urls")),
    path("app/<slug:slug>/rat/", include("digitalbilanz.council.urls")),
    path("app/<slug:slug>/haushalt/", include("digitalbilanz.finance.urls")),
    path("app/<slug:slug>/kennzahlen/", include("digitalbilanz.indicators.urls")),
    path("app/<slug:slug>/steuerung/", include("digitalbilanz.steering.urls")),
    path("app/<slug:slug>/excel/", include("digitalbilanz.roundtrip.urls")),
    path("app/<slug:slug>/dienste/", include("digitalbilanz.services.urls")),
    path("app/<slug:slug>/", include("digitalbilanz.portfolio.urls")),
    path("vergleich/", include("digitalbilanz.comparison.urls")),
    # The public portal owns /<municipality>/...; keep it last.
    path("", include("digitalbilanz.portal.urls")),
]

# German error pages in the layout of the area (digitalbilanz/errors.py); JSON below /api/.
handler400 = "digitalbilanz.errors.bad_request"
handler403 = "digitalbilanz.errors.permission_denied"
handler404 = "digitalbilanz.errors.page_not_found"
handler500 = "digitalbilanz.errors.server_error"
