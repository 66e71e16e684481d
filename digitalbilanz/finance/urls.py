from django.urls import path

from digitalbilanz.finance import views

urlpatterns = [
    path("", views.overview, name="budget_overview"),
    path("historie/", views.history, name="budget_history"),
    path("gegenueberstellung/", views.comparison, name="budget_comparison"),
    path("gegenueberstellung.xlsx", views.comparison_xlsx, name="budget_comparison_xlsx_chosen"),
    path("gegenueberstellung/<int:year>.xlsx", views.comparison_xlsx, name="budget_comparison_xlsx"),
    path("<slug:kind>/neu/", views.edit, name="budget_create"),
    path("<slug:kind>/<int:pk>/", views.edit, name="budget_edit"),
]
