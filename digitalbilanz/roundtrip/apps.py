from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundtripConfig(AppConfig):
    name = "digitalbilanz.roundtrip"
    label = "roundtrip"
    verbose_name = _("Excel-Bearbeitung")
