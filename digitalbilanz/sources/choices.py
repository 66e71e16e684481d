from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceKind(models.TextChoices):
    COUNCIL_PAPER = "council_paper", _("Ratsdokument")
    STATISTIC = "statistic", _("Statistik")
    CONTRACT = "contract", _("Vertrag")
    ASSUMPTION = "assumption", _("Annahme")
    OTHER = "other", _("Sonstige")
