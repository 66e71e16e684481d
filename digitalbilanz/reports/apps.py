from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "digitalbilanz.reports"
    label = "reports"
    verbose_name = _("Digitalisierungsbericht")

    def ready(self):
        from digitalbilanz.reports.chapters import register
        from digitalbilanz.reports.chapters_economics import Changes, Economics, Methods
        from digitalbilanz.reports.chapters_portfolio import Fields, Summary

        for chapter in (Summary(), Changes(), Fields(), Economics(), Methods()):
            register(chapter)
