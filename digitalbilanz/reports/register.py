"""What the reports app contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.registry.chapters import register_chapter
from digitalbilanz.registry.navigation import Entry, register_entry
from digitalbilanz.reports.generic_chapters import Appendix, OpenProblems, WhatChanged

# App navigation
register_entry(Entry("reports", _("Berichte"), "report_list", 50))

# Report chapters (the report's own; every module registers its chapters in its register.py)
register_chapter(WhatChanged())
register_chapter(OpenProblems())
register_chapter(Appendix())
