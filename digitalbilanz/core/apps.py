from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "digitalbilanz.core"
    label = "core"
    verbose_name = _("Grundlagen")

    def ready(self):
        from digitalbilanz.core import signals

        signals.connect()
