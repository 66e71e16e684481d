"""The portfolio chapters share one snapshot section, ``sections["portfolio"]``.

Its data, its "what changed" entries and its open problems come from here; the report asks for
them once, of the first portfolio chapter in order.
"""

from django.utils.translation import gettext as _

from digitalbilanz.portfolio.chapters import change_blocks, changes, data
from digitalbilanz.registry.chapters import Chapter


class PortfolioChapter(Chapter):
    section_key = "portfolio"

    def collect(self, context):
        return data.collect(context)

    def changes(self, previous, current):
        return changes.changes(previous, current)

    def change_blocks(self, entries):
        return change_blocks.change_blocks(entries)

    def problems(self, section):
        return data.problems(section)


def cols(columns, extra=()):
    """Translated (label, format) pairs for ``blocks.table``."""
    return [(_(label), fmt) for label, fmt in [*extra, *columns]]
