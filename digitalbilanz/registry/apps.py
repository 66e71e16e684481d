from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class RegistryConfig(AppConfig):
    """Imports ``register.py`` of every installed app once all models are loaded."""

    name = "digitalbilanz.registry"
    label = "registry"
    verbose_name = "Registry"

    def ready(self):
        autodiscover_modules("register")
