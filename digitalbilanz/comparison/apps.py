from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComparisonConfig(AppConfig):
    name = "digitalbilanz.comparison"
    label = "comparison"
    verbose_name = _("Vergleich der Kommunen")
