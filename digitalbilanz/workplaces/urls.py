from django.urls import path

from digitalbilanz.workplaces import views

app_name = "workplaces"
urlpatterns = [
    path("", views.index, name="index"),
    path("neu/", views.snapshot_edit, name="snapshot_create"),
    path("<int:pk>/", views.snapshot_detail, name="snapshot"),
    path("<int:pk>/bearbeiten/", views.snapshot_edit, name="snapshot_edit"),
    path("<int:pk>/historie/", views.snapshot_history, name="snapshot_history"),
    path("<int:snapshot_pk>/szenarien/neu/", views.scenario_edit, name="scenario_create"),
    path("<int:snapshot_pk>/szenarien/<int:pk>/", views.scenario_edit, name="scenario_edit"),
]
