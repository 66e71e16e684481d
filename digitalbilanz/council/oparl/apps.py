from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OParlConfig(AppConfig):
    name = "digitalbilanz.council.oparl"
    label = "oparl"
    verbose_name = _("Import aus dem Ratsinformationssystem (OParl)")
