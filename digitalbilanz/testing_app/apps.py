from django.apps import AppConfig


class TestingAppConfig(AppConfig):
    name = "digitalbilanz.testing_app"
    label = "testing_app"
    verbose_name = "Testmodul"
