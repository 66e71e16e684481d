from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContractsConfig(AppConfig):
    name = "digitalbilanz.contracts"
    label = "contracts"
    verbose_name = _("Verträge und Verpflichtungen")

    def ready(self):
        from digitalbilanz.contracts import signals  # noqa: F401
