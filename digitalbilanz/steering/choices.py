"""Choices of the steering app, with German labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Confidence(models.TextChoices):
    GREEN = "green", _("grün – Lieferung sicher")
    AMBER = "amber", _("gelb – gefährdet")
    RED = "red", _("rot – kritisch")


class Decision(models.TextChoices):
    OPEN = "", _("offen")
    CONTINUE = "continue", _("fortführen")
    RESCOPE = "rescope", _("neu zuschneiden")
    STOP = "stop", _("beenden")


TREND_LABELS = {
    "better": _("besser"),
    "worse": _("schlechter"),
    "same": _("unverändert"),
}
