from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "digitalbilanz.portal"
    label = "portal"
    verbose_name = _("Transparenzportal")

    def ready(self):
        from django.db.models.signals import post_migrate

        from digitalbilanz.portal.search_index import ensure_sqlite_index

        post_migrate.connect(ensure_sqlite_index, sender=self, dispatch_uid="portal-sqlite-fts")
