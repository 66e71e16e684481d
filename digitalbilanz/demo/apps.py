from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The Leverkusen demo: no models of its own, only the loader and its command (load_demo)."""

    name = "digitalbilanz.demo"
    label = "demo"
    verbose_name = _("Demo")
