from django.urls import path

from digitalbilanz.council import views

app_name = "council"
urlpatterns = [
    path("", views.paper_list, name="papers"),
    path("vorlagen/<int:pk>/", views.paper_detail, name="paper"),
    path("vorlagen/<int:pk>/verknuepfen/", views.link_create, name="link_create"),
    path("auftraege/", views.mandate_list, name="mandates"),
    path("auftraege/neu/", views.mandate_edit, name="mandate_create"),
    path("auftraege/<int:pk>/", views.mandate_detail, name="mandate"),
    path("auftraege/<int:pk>/bearbeiten/", views.mandate_edit, name="mandate_edit"),
    path("auftraege/<int:pk>/historie/", views.mandate_history, name="mandate_history"),
]
