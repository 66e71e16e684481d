"""What the portfolio contributes to the shared surfaces (imported by ``digitalbilanz.registry``)."""

from digitalbilanz.portfolio.chapters.economics import Economics
from digitalbilanz.portfolio.chapters.fields import Fields
from digitalbilanz.portfolio.chapters.summary import Summary
from digitalbilanz.registry.chapters import register as register_chapter

# Report chapters
register_chapter(Summary())
register_chapter(Fields())
register_chapter(Economics())
