from django.urls import path

from . import views

app_name = "oparl"

urlpatterns = [
    path("", views.oparl_import, name="import"),
]
