from django.urls import path

from digitalbilanz.services import views

urlpatterns = [
    path("", views.service_list, name="service_list"),
    path("neu/", views.service_edit, name="service_create"),
    path("import/", views.cases_import, name="service_import"),
    path("import/vorlage.xlsx", views.import_template, name="service_import_template"),
    path("<int:pk>/", views.service_detail, name="service_detail"),
    path("<int:pk>/bearbeiten/", views.service_edit, name="service_edit"),
    path("<int:pk>/historie/", views.service_history, name="service_history"),
    path("<int:pk>/neu-berechnen/", views.recompute, name="service_recompute"),
    path("<int:service_pk>/fallzahlen/", views.cases_entry, name="service_cases"),
    path("<int:service_pk>/taetigkeiten/neu/", views.activity_edit, name="service_activity_create"),
    path("<int:service_pk>/taetigkeiten/<int:pk>/", views.activity_edit, name="service_activity_edit"),
    path("<int:service_pk>/kanalkosten/neu/", views.channel_cost_edit, name="service_channel_create"),
    path("<int:service_pk>/kanalkosten/<int:pk>/", views.channel_cost_edit, name="service_channel_edit"),
]
