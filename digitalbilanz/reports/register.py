"""What the report engine registers itself (imported by ``digitalbilanz.registry``)."""

from digitalbilanz.registry.chapters import register as register_chapter
from digitalbilanz.reports.generic_chapters import Appendix, OpenProblems, WhatChanged

# Report chapters (the engine's own; modules register theirs in their register.py)
register_chapter(WhatChanged())
register_chapter(OpenProblems())
register_chapter(Appendix())
