"""What the contracts app contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.contracts import calc, opendata, public
from digitalbilanz.contracts.chapters import Contracts
from digitalbilanz.registry.chapters import register_chapter
from digitalbilanz.registry.derivations import register_recompute
from digitalbilanz.registry.navigation import Entry, register_entry
from digitalbilanz.registry.portal import register_section
from digitalbilanz.registry.tables import register_table

# Open-data tables (files, catalogue, API)
register_table(opendata.CONTRACTS)
register_table(opendata.VALUES)

# Portal sections
register_section(public.SECTION)

# App navigation
register_entry(Entry("contracts", _("Verträge"), "contracts:list", 37))

# Report chapters
register_chapter(Contracts())

# Derived lines
register_recompute("contracts", calc.recompute_municipality)
