"""The national comparison (mounted at /vergleich/ before the portal; "vergleich" is a reserved slug)."""

from django.urls import path

from digitalbilanz.comparison import views

app_name = "comparison"

urlpatterns = [
    path("", views.comparison_page, name="page"),
    path("vergleich.csv", views.comparison_csv, name="csv"),
    path("katalog.jsonld", views.catalogue, name="catalogue"),
]
