"""What the reports app contributes to the shared surfaces (see ``digitalbilanz.registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.registry.navigation import Entry, register_entry

# App navigation
register_entry(Entry("reports", _("Berichte"), "report_list", 50))
