from django.urls import path

from digitalbilanz.steering import views

app_name = "steering"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("massnahmen/<int:pk>/", views.measure_page, name="measure"),
    path("massnahmen/<int:pk>/bewerten/", views.rate, name="rate"),
    path("massnahmen/<int:pk>/geprueft/", views.review, name="review"),
    path("folgepruefungen/<int:pk>/", views.follow_up, name="follow_up"),
    path(
        "massnahmen/<int:pk>/meilensteine/<int:milestone_pk>/basisplan/", views.rebaseline, name="rebaseline"
    ),
]
