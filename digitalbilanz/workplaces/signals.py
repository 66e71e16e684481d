"""A deleted scenario or contract takes the lines it derived for measures with it."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext as _

from digitalbilanz.portfolio.derived import remove_derived_lines
from digitalbilanz.portfolio.models import Derivation


def drop_derived_lines(instance, reason):
    source_type = ContentType.objects.get_for_model(instance)
    for derivation in Derivation.objects.filter(
        source_type=source_type, source_id=instance.pk
    ).select_related("measure"):
        remove_derived_lines(derivation.measure, instance, reason=reason)


@receiver(pre_delete, sender="workplaces.WorkplaceScenario")
def scenario_deleted(sender, instance, **kwargs):
    drop_derived_lines(instance, _("Szenario „%(s)s“ gelöscht") % {"s": instance.name})
