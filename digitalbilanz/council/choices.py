"""Choices of the council app, with German labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganizationKind(models.TextChoices):
    COUNCIL = "council", _("Rat")
    COMMITTEE = "committee", _("Ausschuss")
    FACTION = "faction", _("Fraktion")
    ADMINISTRATION = "administration", _("Verwaltung")
    OTHER = "other", _("sonstiges Gremium")


class PaperCategory(models.TextChoices):
    """Our category of a paper; the council information system's own type is kept raw."""

    MOTION = "motion", _("Antrag")
    INQUIRY = "inquiry", _("Anfrage")
    PROPOSAL = "proposal", _("Beschlussvorlage")
    COMMUNICATION = "communication", _("Mitteilung")
    STATEMENT = "statement", _("Stellungnahme der Verwaltung")
    ANSWER = "answer", _("Antwort")
    AMENDMENT = "amendment", _("Änderungsantrag")
    OTHER = "other", _("sonstige Vorlage")


class MandateStatus(models.TextChoices):
    OPEN = "open", _("offen")
    IN_PROGRESS = "in_progress", _("in Arbeit")
    DONE = "done", _("erledigt")
    DROPPED = "dropped", _("entfallen")


class LinkRole(models.TextChoices):
    BASIS = "basis", _("Grundlage")
    DECISION = "decision", _("Beschluss")
    REPORT = "report", _("Bericht")
    OTHER = "other", _("sonstiger Bezug")
