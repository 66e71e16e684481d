"""Choices of the budget app (NKF, North Rhine-Westphalia), with German labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FigureKind(models.TextChoices):
    PLAN = "plan", _("Ansatz")
    ACTUAL = "actual", _("Ergebnis")


class PlanType(models.TextChoices):
    RESULT = "result", _("Ergebnisplan")
    FINANCE = "finance", _("Finanzplan")


class BudgetStage(models.TextChoices):
    PREPARATION = "preparation", _("in Aufstellung")
    ADOPTED = "adopted", _("vom Rat beschlossen")
    SUBMITTED = "submitted", _("der Aufsichtsbehörde angezeigt")
    APPROVED = "approved", _("genehmigt")
    PROVISIONAL = "provisional", _("vorläufige Haushaltsführung")


# The 17 mandatory product areas of the NKF product framework in NRW (methods §9).
PRODUCT_AREAS = {
    "01": _("Innere Verwaltung"),
    "02": _("Sicherheit und Ordnung"),
    "03": _("Schulträgeraufgaben"),
    "04": _("Kultur und Wissenschaft"),
    "05": _("Soziale Leistungen"),
    "06": _("Kinder-, Jugend- und Familienhilfe"),
    "07": _("Gesundheitsdienste"),
    "08": _("Sportförderung"),
    "09": _("Räumliche Planung und Entwicklung, Geoinformationen"),
    "10": _("Bauen und Wohnen"),
    "11": _("Ver- und Entsorgung"),
    "12": _("Verkehrsflächen und -anlagen, ÖPNV"),
    "13": _("Natur- und Landschaftspflege"),
    "14": _("Umweltschutz"),
    "15": _("Wirtschaft und Tourismus"),
    "16": _("Allgemeine Finanzwirtschaft"),
    "17": _("Stiftungen"),
}

# Highest line number of the KomHVO NRW 2019 templates (vendors may add sub-plan lines).
MAX_LINE = {PlanType.RESULT: 30, PlanType.FINANCE: 45}
