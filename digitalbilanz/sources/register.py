"""What the source register contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.registry.chapters import register_chapter
from digitalbilanz.registry.navigation import Entry, register_entry
from digitalbilanz.registry.portal import register_section
from digitalbilanz.registry.tables import register_table
from digitalbilanz.sources import opendata, public
from digitalbilanz.sources.chapters import Sources

# Open-data tables (files, catalogue, API)
register_table(opendata.SOURCES)

# Portal sections
register_section(public.SECTION)

# App navigation
register_entry(Entry("sources", _("Quellen"), "sources:list", 85))

# Report chapters
register_chapter(Sources())
