"""The portal's own sections. A module brings its own portal page as a section with a path and
a view (e.g. the report editions, ``reports/public.py``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.registry.portal import Section, register_section

# Portal sections
register_section(Section("overview", _("Übersicht"), "portal:overview", 10))
register_section(Section("strategy", _("Strategie"), "portal:strategy", 20))
register_section(Section("measures", _("Maßnahmen"), "portal:measures", 30))
register_section(Section("budget", _("Haushalt"), "portal:budget", 60))
register_section(Section("data", _("Offene Daten"), "portal:data", 90))
