"""A deleted contract takes the lines it derived for measures with it."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext as _

from digitalbilanz.workplaces.signals import drop_derived_lines


@receiver(pre_delete, sender="contracts.Contract")
def contract_deleted(sender, instance, **kwargs):
    drop_derived_lines(instance, _("Vertrag „%(c)s“ gelöscht") % {"c": instance})
