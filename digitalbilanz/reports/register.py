"""What the reports app contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.registry.chapters import register_chapter
from digitalbilanz.registry.navigation import Entry, register_entry
from digitalbilanz.registry.portal import register_section
from digitalbilanz.reports import public
from digitalbilanz.reports.generic_chapters import Appendix, OpenProblems, WhatChanged

# App navigation
register_entry(Entry("reports", _("Berichte"), "report_list", 50))

# Portal sections (the list of published editions and their files)
register_section(public.SECTION)

# Report chapters (the report's own; every module registers its chapters in its register.py)
register_chapter(WhatChanged())
register_chapter(OpenProblems())
register_chapter(Appendix())
