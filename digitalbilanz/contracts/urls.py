from django.urls import path

from digitalbilanz.contracts import views

app_name = "contracts"
urlpatterns = [
    path("", views.contract_list, name="list"),
    path("neu/", views.contract_edit, name="create"),
    path("<int:pk>/", views.contract_detail, name="detail"),
    path("<int:pk>/bearbeiten/", views.contract_edit, name="edit"),
    path("<int:pk>/historie/", views.contract_history, name="history"),
    path("<int:contract_pk>/werte/neu/", views.value_edit, name="value_create"),
    path("<int:contract_pk>/werte/<int:pk>/", views.value_edit, name="value_edit"),
]
