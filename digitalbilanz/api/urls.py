"""API v1 (mounted at /api/v1/). Unknown addresses answer in the API's error shape."""

from django.urls import path, re_path

from digitalbilanz.api import views

app_name = "api"

urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi, name="openapi"),
    path("docs/", views.docs, name="docs"),
    path("municipalities/", views.municipalities, name="municipalities"),
    path("<slug:slug>/", views.municipality, name="municipality"),
    path("<slug:slug>/<slug:name>/", views.table_list, name="table"),
    path("<slug:slug>/<slug:name>/batch/", views.table_batch, name="table_batch"),
    path("<slug:slug>/<slug:name>/<str:pk>/", views.table_detail, name="row"),  # id or text key
    re_path(r"^[\s\S]*$", views.unknown, name="unknown"),  # any path, also with an encoded newline
]
