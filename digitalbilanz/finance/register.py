"""What finance contributes to the shared surfaces (imported by ``digitalbilanz.registry``)."""

from digitalbilanz.finance.chapters import Budget
from digitalbilanz.registry.chapters import register as register_chapter

# Report chapters
register_chapter(Budget())
