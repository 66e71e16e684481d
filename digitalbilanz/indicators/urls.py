from django.urls import path

from digitalbilanz.indicators import views

urlpatterns = [
    path("", views.board, name="indicator_board"),
    path("neu/", views.indicator_edit, name="indicator_create"),
    path("<int:pk>/", views.detail, name="indicator_detail"),
    path("<int:pk>/historie/", views.history, name="indicator_history"),
    path("<int:pk>/bearbeiten/", views.indicator_edit, name="indicator_edit"),
    path("<int:indicator_pk>/<slug:kind>/neu/", views.child_edit, name="indicator_child_create"),
    path("<int:indicator_pk>/<slug:kind>/<int:pk>/", views.child_edit, name="indicator_child_edit"),
]
