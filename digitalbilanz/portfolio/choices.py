"""Choices of the portfolio app, with German labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StrategyKind(models.TextChoices):
    EGOV = "egov", _("E-Government-Strategie")
    DIGITAL = "digital", _("Digitalisierungsstrategie")
    IT = "it", _("IT-Strategie")
    SMART_CITY = "smartcity", _("Smart-City-Strategie")


class MeasureStatus(models.TextChoices):
    IDEA = "idea", _("Idee")
    PLANNED = "planned", _("geplant")
    IN_PROGRESS = "in_progress", _("in Umsetzung")
    ON_HOLD = "on_hold", _("zurückgestellt")
    COMPLETED = "completed", _("abgeschlossen")
    CANCELLED = "cancelled", _("abgebrochen")


# Progress a status implies when the editor gives none (per cent).
DEFAULT_PROGRESS = {
    MeasureStatus.IDEA: 0,
    MeasureStatus.PLANNED: 0,
    MeasureStatus.IN_PROGRESS: 25,
    MeasureStatus.ON_HOLD: None,  # keep what was reached
    MeasureStatus.COMPLETED: 100,
    MeasureStatus.CANCELLED: None,
}


class Rag(models.TextChoices):
    GREEN = "green", _("im Plan")
    AMBER = "amber", _("gefährdet")
    RED = "red", _("kritisch")
    NONE = "none", _("nicht bewertet")


class LineKind(models.TextChoices):
    COST = "cost", _("Kosten")
    BENEFIT = "benefit", _("Nutzen")


class PublicTotals(models.TextChoices):
    """Per-line override of the municipality's choice for public figures."""

    DEFAULT = "", _("wie von der Kommune festgelegt")
    FOLD = "fold", _("Betrag vertraulich, in Summen enthalten")
    OMIT = "omit", _("nicht in öffentlichen Summen (mit Hinweis)")


class LineGroup(models.TextChoices):
    DEVELOPMENT = "development", _("Entwicklung/Einführung (einmalig)")
    OPERATION = "operation", _("Betrieb (laufend)")


class LineCategory(models.TextChoices):
    OWN_STAFF = "own_staff", _("eigenes Personal")
    EXTERNAL = "external", _("externe Dienstleistungen/Beratung")
    HARDWARE = "hardware", _("Hardware")
    SOFTWARE = "software", _("Software/Lizenzen")
    RENT = "rent", _("Miete/Räume")
    USAGE_FEE = "usage_fee", _("Nutzungsentgelt IT-Dienstleister")
    TRAINING = "training", _("Schulung")
    MATERIAL = "material", _("Sachkosten")
    TRAVEL = "travel", _("Reisekosten")
    HOSTING = "hosting", _("Rechenzentrum/Betrieb")
    STAFF_TIME = "staff_time", _("Arbeitszeit (Arbeitsverbesserung)")
    AVOIDED = "avoided", _("vermiedene Kosten des Altverfahrens")
    PROCEEDS = "proceeds", _("Erlöse")
    OTHER = "other", _("Sonstiges")


class CriterionModule(models.TextChoices):
    Q = "Q", _("Q – qualitativ-strategische Bedeutung")
    E = "E", _("E – externe Effekte")


class BenefitCategory(models.TextChoices):
    CASH = "cash", _("Einsparung (haushaltswirksam)")
    NON_CASH = "non_cash", _("Arbeitsverbesserung (nicht haushaltswirksam)")
    QUALITATIVE = "qualitative", _("qualitativer Nutzen")
    DIS_BENEFIT = "dis_benefit", _("Nachteil (z. B. Doppelstrukturen)")


class BenefitStatus(models.TextChoices):
    ON_TRACK = "on_track", _("im Plan")
    AT_RISK = "at_risk", _("gefährdet")
    MISSED = "missed", _("verfehlt")
    REALISED = "realised", _("erreicht")
    NOT_MEASURED = "not_measured", _("Ziel überfällig, kein Messwert")
