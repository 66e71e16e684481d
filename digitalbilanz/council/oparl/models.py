"""Staging of the OParl import: where to read from, and the raw JSON of every object read.

Neither model is data a reader sees (the portal never reads them), so neither takes part in
the data-change contract; the council models the mapping writes do.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.models import Municipality


class OParlSource(models.Model):
    """The council information system of one municipality and how far it has been read."""

    municipality = models.OneToOneField(
        Municipality, on_delete=models.CASCADE, related_name="oparl_source", verbose_name=_("Kommune")
    )
    system_url = models.URLField(_("Adresse des OParl-Systems"), max_length=1000)
    body_id = models.URLField(
        _("Körperschaft (OParl-ID)"), max_length=1000, blank=True, help_text=_("leer: die erste Körperschaft")
    )
    vendor = models.CharField(_("erkannter Hersteller"), max_length=60, blank=True)
    last_sync = models.DateTimeField(
        _("letzter vollständiger Abgleich"),
        null=True,
        blank=True,
        help_text=_("Beginn des letzten Laufs, der alle Listen vollständig gelesen hat"),
    )

    class Meta:
        verbose_name = _("OParl-Quelle")
        verbose_name_plural = _("OParl-Quellen")

    def __str__(self):
        return self.system_url


class OParlObject(models.Model):
    """The raw JSON of one OParl object as last read, keyed by its (normalised) ``id``."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("Kommune")
    )
    oparl_id = models.CharField(_("OParl-ID"), max_length=1000)
    type = models.CharField(_("Typ"), max_length=40, blank=True)
    modified = models.DateTimeField(_("geändert laut Server"), null=True, blank=True)
    deleted = models.BooleanField(_("gelöscht"), default=False)
    data = models.JSONField(_("Rohdaten"))
    fetched_at = models.DateTimeField(_("gelesen am"))
    last_run = models.ForeignKey(
        "core.ImportRun",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("zuletzt gelesen im Import"),
    )

    class Meta:
        verbose_name = _("OParl-Rohobjekt")
        verbose_name_plural = _("OParl-Rohobjekte")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "oparl_id"], name="oparl_object_unique_id"),
        ]
        indexes = [models.Index(fields=["municipality", "type"], name="oparl_object_type")]

    def __str__(self):
        return self.oparl_id
