"""Choices of the contracts app, with German labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContractKind(models.TextChoices):
    LICENCE = "licence", _("Lizenzvertrag")
    RENTAL = "rental", _("Mietvertrag")
    SERVICE = "service", _("Dienstleistungsvertrag")
    USAGE_FEE = "usage_fee", _("Nutzungsentgelt IT-Dienstleister")


class Basis(models.TextChoices):
    PER_DEVICE = "per_device", _("je Gerät")
    PER_USER = "per_user", _("je Nutzer/in")
    FLAT = "flat", _("pauschal")


# Category of a measure's line for each kind of contract (portfolio LineCategory values)
LINE_CATEGORY = {
    ContractKind.LICENCE: "software",
    ContractKind.RENTAL: "hardware",
    ContractKind.SERVICE: "external",
    ContractKind.USAGE_FEE: "usage_fee",
}
