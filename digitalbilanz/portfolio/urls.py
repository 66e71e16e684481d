from django.urls import path

from digitalbilanz.portfolio.views import edit, read

urlpatterns = [
    path("", read.dashboard, name="dashboard"),
    path("massnahmen/", read.measure_list, name="measure_list"),
    path("massnahmen/neu/", edit.measure_edit, name="measure_create"),
    path("massnahmen/<int:pk>/", read.measure_detail, name="measure_detail"),
    path("massnahmen/<int:pk>/bearbeiten/", edit.measure_edit, name="measure_edit"),
    path("massnahmen/<int:pk>/historie/", read.measure_history, name="measure_history"),
    path("massnahmen/<int:measure_pk>/bewertung/", edit.criteria_edit, name="criteria_edit"),
    path(
        "massnahmen/<int:measure_pk>/meilensteine/neu/",
        edit.milestone_edit,
        name="milestone_create",
    ),
    path(
        "massnahmen/<int:measure_pk>/meilensteine/<int:pk>/",
        edit.milestone_edit,
        name="milestone_edit",
    ),
    path("massnahmen/<int:measure_pk>/zeilen/neu/", edit.line_edit, name="line_create"),
    path("massnahmen/<int:measure_pk>/zeilen/<int:pk>/", edit.line_edit, name="line_edit"),
    path(
        "massnahmen/<int:measure_pk>/zeilen/<int:pk>/loeschen/",
        edit.line_delete,
        name="line_delete",
    ),
    path("massnahmen/<int:measure_pk>/nutzen/neu/", edit.benefit_edit, name="benefit_create"),
    path("massnahmen/<int:measure_pk>/nutzen/<int:pk>/", edit.benefit_edit, name="benefit_edit"),
    path(
        "massnahmen/<int:measure_pk>/nutzen/<int:benefit_pk>/messwert/",
        edit.measurement_add,
        name="measurement_add",
    ),
    path("strategien/", read.strategy_list, name="strategy_list"),
    path("strategien/neu/", edit.strategy_edit, name="strategy_create"),
    path("strategien/<int:pk>/", read.strategy_detail, name="strategy_detail"),
    path("strategien/<int:pk>/bearbeiten/", edit.strategy_edit, name="strategy_edit"),
    path("strategien/<int:pk>/anpassung/", edit.revision_add, name="revision_add"),
    path("handlungsfelder/neu/", edit.field_edit, name="field_create"),
    path("handlungsfelder/<int:pk>/", edit.field_edit, name="field_edit"),
    path("kommune/", edit.municipality_edit, name="municipality_edit"),
    path("parameter/", read.parameter_list, name="parameter_list"),
    path("parameter/<slug:key>/", edit.parameter_edit, name="parameter_edit"),
    path("parameter/<slug:key>/standard/", edit.parameter_reset, name="parameter_reset"),
]
