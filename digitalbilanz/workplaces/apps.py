from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplacesConfig(AppConfig):
    name = "digitalbilanz.workplaces"
    label = "workplaces"
    verbose_name = _("Arbeitsplätze und mobile Arbeit")

    def ready(self):
        from digitalbilanz.workplaces import signals  # noqa: F401
