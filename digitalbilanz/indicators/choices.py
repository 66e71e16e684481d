"""Choices of the indicator app, with German labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    EUR = "EUR", _("Euro")
    PERCENT = "percent", _("Prozent")
    COUNT = "count", _("Anzahl")
    HOURS = "hours", _("Stunden")
    DAYS = "days", _("Tage")


class Topic(models.TextChoices):
    FINANCE = "finance", _("Finanzen")
    DIGITAL = "digital", _("Digitalisierung")


class Formula(models.TextChoices):
    MEASURED = "", _("gemessen (eigene Werte)")
    RATIO = "ratio", _("Anteil: A ÷ B × 100")
    DIFFERENCE = "difference", _("Differenz: A − B")
    CHANGE_PRIOR_YEAR = "change_year", _("Veränderung gegenüber dem Vorjahreszeitpunkt (A)")
    CHANGE_PRIOR_PERIOD = "change_period", _("Veränderung gegenüber dem vorigen Wert (A)")
    UTILISATION = "utilisation", _("Auslastung der Obergrenze von A in %")


class LimitKind(models.TextChoices):
    TARGET = "target", _("Ziel/Ansatz")
    CEILING = "ceiling", _("Obergrenze")


class Status(models.TextChoices):
    OK = "ok", _("im Rahmen")
    WARNING = "warning", _("Achtung")
    CRITICAL = "critical", _("kritisch")
    NONE = "none", _("ohne Maßstab")
