"""What the spreadsheet round-trip contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.permissions import can_edit_any
from digitalbilanz.registry.navigation import Entry, register_entry

# App navigation
register_entry(Entry("roundtrip", _("Excel-Bearbeitung"), "roundtrip:index", 46, visible=can_edit_any))
