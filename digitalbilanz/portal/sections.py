"""The portal's own sections; later modules register theirs the same way in ``ready()``."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.portal.registry import Section, register_section


def register_all():
    for section in (
        Section("overview", _("Übersicht"), "portal:overview", 10),
        Section("strategy", _("Strategie"), "portal:strategy", 20),
        Section("measures", _("Maßnahmen"), "portal:measures", 30),
        Section("budget", _("Haushalt"), "portal:budget", 60),
        Section("editions", _("Berichte"), "portal:editions", 80),
        Section("data", _("Offene Daten"), "portal:data", 90),
    ):
        register_section(section)
