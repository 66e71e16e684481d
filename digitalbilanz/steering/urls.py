from django.urls import path

from digitalbilanz.steering import views

app_name = "steering"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("massnahmen/<int:pk>/", views.measure_page, name="measure"),
    path("massnahmen/<int:pk>/bewerten/", views.rate, name="rate"),
    path("massnahmen/<int:pk>/geprueft/", views.review, name="review"),
    path("massnahmen/<int:pk>/erfolgskontrolle/", views.success_check, name="success_check_create"),
    path("massnahmen/<int:pk>/erfolgskontrolle/<int:check_pk>/", views.success_check, name="success_check"),
    path("folgepruefungen/<int:pk>/", views.follow_up, name="follow_up"),
    path(
        "massnahmen/<int:pk>/meilensteine/<int:milestone_pk>/basisplan/", views.rebaseline, name="rebaseline"
    ),
    path("massnahmen/<int:pk>/kostenplan/", views.rebaseline_cost, name="rebaseline_cost"),
    path("massnahmen/<int:pk>/nutzen/<int:b>/ziel/", views.rebaseline_benefit, name="rebaseline_benefit"),
]
