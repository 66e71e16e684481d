"""Choices of the core app, with German labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    """Who may read a record. Ordered: public < council < internal."""

    PUBLIC = "public", _("öffentlich")
    COUNCIL = "council", _("Rat (nicht öffentlich)")
    INTERNAL = "internal", _("intern")


class Role(models.TextChoices):
    ADMIN = "admin", _("Administration")
    EDITOR = "editor", _("Redaktion")
    COUNCIL = "council", _("Ratsmitglied")
    READER = "reader", _("Lesezugriff (Verwaltung)")


class MunicipalityKind(models.TextChoices):
    """The kind of local authority (Gebietskörperschaft) a tenant is."""

    CITY = "stadt", _("Stadt")
    MUNICIPALITY = "gemeinde", _("Gemeinde")
    DISTRICT = "kreis", _("Kreis")


class PublicFigures(models.TextChoices):
    """How public figures treat lines the audience may not read (issue: complete or visibly partial)."""

    NOTICE = "notice", _("ohne nicht öffentliche Zeilen, mit Hinweis")
    FOLD = "fold", _("nicht öffentliche Zeilen zusammengefasst in den Summen (ab zwei je Jahr und Art)")


class OrgUnitKind(models.TextChoices):
    DIVISION = "division", _("Dezernat")
    DEPARTMENT = "department", _("Fachbereich")
    TEAM = "team", _("Organisationseinheit")
    EXTERNAL = "external", _("externer Partner")


class CareerLevel(models.TextChoices):
    """Laufbahngruppen used for the staff cost rates (methods.md §3)."""

    BASIC_MIDDLE = "md", _("einfacher/mittlerer Dienst")
    UPPER = "gd", _("gehobener Dienst")
    SENIOR = "hd", _("höherer Dienst")
    AVERAGE = "avg", _("Durchschnitt")
