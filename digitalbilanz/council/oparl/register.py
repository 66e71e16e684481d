"""What the OParl import contributes (see ``registry``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.permissions import can_admin
from digitalbilanz.registry.navigation import Entry, register_entry

# App navigation
register_entry(Entry("oparl", _("Ratsimport"), "oparl:import", 95, visible=can_admin))
