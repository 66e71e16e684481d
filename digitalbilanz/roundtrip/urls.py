from django.urls import path

from digitalbilanz.roundtrip import views

app_name = "roundtrip"

urlpatterns = [
    path("", views.index, name="index"),
    path("export.xlsx", views.export, name="export"),
    path("hochladen/", views.upload, name="upload"),
]
