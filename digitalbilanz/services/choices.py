"""Choices of the online-services app, with German labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from digitalbilanz.economics.model import CHANNELS


class Solution(models.TextChoices):
    KOMMUNALPORTAL = "kommunalportal", _("Kommunalportal.NRW")
    EFA = "efa", _("EfA-Dienst (Einer für Alle)")
    BAUPORTAL = "bauportal", _("Bauportal.NRW")
    WSP = "wsp", _("Wirtschafts-Serviceportal.NRW")
    OWN = "own", _("eigene Lösung")
    NONE = "none", _("keine Lösung")


class MaturityModel(models.TextChoices):
    V1_1 = "1.1", _("Reifegradmodell 1.1 (0–4)")
    V2_0 = "2.0", _("Reifegradmodell 2.0 (0–7)")


class Coverage(models.TextChoices):
    NATIONWIDE = "nationwide", _("bundesweit")
    STATEWIDE = "statewide", _("landesweit")
    COUNTYWIDE = "countywide", _("kreisweit")
    SOME = "some", _("in mindestens einer Kommune")
    NOT_ASSESSED = "not_assessed", _("nicht bewertet")


class ServiceStatus(models.TextChoices):
    PLANNED = "planned", _("geplant")
    IN_PROGRESS = "in_progress", _("in Umsetzung")
    ONLINE = "online", _("online")
    NOT_PLANNED = "not_planned", _("nicht geplant")


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    COUNTER = "counter", _("Schalter")
    POST = "post", _("Post")
    EMAIL = "email", _("E-Mail")
    PHONE = "phone", _("Telefon")


assert tuple(Channel.values) == CHANNELS  # the economics' channel order


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Monat")
    QUARTER = "quarter", _("Quartal")
    YEAR = "year", _("Jahr")


# The end-to-end checklist (methods §5): field name and German label, in the administration's order.
CHECKLIST = (
    ("online_application", _("Online-Antrag")),
    ("e_payment", _("E-Payment")),
    ("interface", _("Schnittstelle ins Fachverfahren")),
    ("e_file", _("E-Akte/DMS")),
    ("account_login", _("Login mit Nutzerkonto (BundID)")),
    ("written_form_removed", _("Schriftformerfordernis entfallen")),
)
