from django.urls import path

from digitalbilanz.sources import views

app_name = "sources"
urlpatterns = [
    path("", views.source_list, name="list"),
    path("neu/", views.source_edit, name="create"),
    path("<int:pk>/bearbeiten/", views.source_edit, name="edit"),
    path("<int:pk>/historie/", views.source_history, name="history"),
]
