"""Report editions under /app/<slug>/berichte/ (namespace-free URL names)."""

from django.urls import path

from digitalbilanz.reports import views

urlpatterns = [
    path("", views.edition_list, name="report_list"),
    path("neu/", views.edition_create, name="report_create"),
    path("vergleich/", views.edition_compare, name="report_compare"),
    path("<int:pk>/", views.edition_detail, name="report_detail"),
    path("<int:pk>/aktualisieren/", views.edition_refresh, name="report_refresh"),
    path("<int:pk>/veroeffentlichen/", views.edition_publish, name="report_publish"),
    path("<int:pk>/loeschen/", views.edition_delete, name="report_delete"),
    path("<int:pk>/<str:fmt>/", views.edition_download, name="report_download"),
]
