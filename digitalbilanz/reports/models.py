"""Report editions (Digitalisierungsbericht) and their frozen files.

A draft edition holds a snapshot that can be refreshed; publishing freezes it: snapshot and
rendered files are stored and nothing about the edition may change afterwards. Corrections are
a new edition (same period, next number).
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.datachanges import DataQuerySet
from digitalbilanz.core.models import Municipality
from digitalbilanz.reports.periods import period_label, validate_period


class EditionLocked(Exception):
    """A published edition (or one of its files) was about to change."""

    def __init__(self, message=None):
        super().__init__(
            message
            or gettext(
                "Diese Ausgabe ist veröffentlicht und kann nicht mehr geändert werden. "
                "Korrekturen erscheinen als neue Ausgabe."
            )
        )


class Audience(models.TextChoices):
    PUBLIC = "public", _("öffentlich")
    COUNCIL = "council", _("Rat (nicht öffentlich)")


class State(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    PUBLISHED = "published", _("veröffentlicht")


class Format(models.TextChoices):
    PDF = "pdf", _("PDF")
    HTML = "html", _("HTML")
    XLSX = "xlsx", _("Excel")


class EditionQuerySet(DataQuerySet):
    def published(self):
        return self.filter(state=State.PUBLISHED)

    def drafts(self):
        return self.filter(state=State.DRAFT)

    def update(self, **kwargs):
        if self.filter(state=State.PUBLISHED).exists():
            raise EditionLocked()
        return super().update(**kwargs)

    def delete(self):
        if self.filter(state=State.PUBLISHED).exists():
            raise EditionLocked()
        return super().delete()


class Edition(models.Model):
    """One edition of the digitalisation report for a municipality, period and audience."""

    tenant_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", verbose_name=_("Kommune")
    )
    period = models.CharField(
        _("Berichtszeitraum"),
        max_length=7,
        validators=[validate_period],
        help_text=_("Jahr und Halbjahr, z. B. 2023-H2."),
    )
    number = models.PositiveSmallIntegerField(_("Ausgabe Nr."), default=1)
    audience = models.CharField(_("Zielgruppe"), max_length=8, choices=Audience.choices)
    state = models.CharField(_("Status"), max_length=10, choices=State.choices, default=State.DRAFT)
    title = models.CharField(_("Titel"), max_length=200, blank=True)
    snapshot = models.JSONField(_("Datenstand"), default=dict, blank=True)
    snapshot_at = models.DateTimeField(_("Datenstand vom"), null=True, blank=True)
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("Vergleichsausgabe"),
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("angelegt von"),
    )
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("veröffentlicht von"),
    )
    open_problems = models.JSONField(_("offene Punkte bei Veröffentlichung"), default=list, blank=True)
    problems_confirmed = models.BooleanField(_("offene Punkte bestätigt"), default=False)
    confirmation_note = models.TextField(_("Begründung der Bestätigung"), blank=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Berichtsausgabe")
        verbose_name_plural = _("Berichtsausgaben")
        ordering = ["-period", "audience", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "period", "audience", "number"],
                name="edition_unique_number",
            )
        ]

    def __str__(self):
        return f"{self.display_title} ({self.get_audience_display()}, Nr. {self.number})"

    def save(self, *args, **kwargs):
        if self._stored_state() == State.PUBLISHED:
            raise EditionLocked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._stored_state() == State.PUBLISHED:
            raise EditionLocked()
        return super().delete(*args, **kwargs)

    @property
    def display_title(self) -> str:
        return self.title or gettext("Digitalisierungsbericht %(period)s") % {"period": self.period_label}

    @property
    def period_label(self) -> str:
        return period_label(self.period)

    @property
    def is_published(self) -> bool:
        return self.state == State.PUBLISHED

    def _stored_state(self):
        if self.pk is None:
            return None
        return Edition.objects.filter(pk=self.pk).values_list("state", flat=True).first()

    def file(self, fmt):
        return next((f for f in self.files.all() if f.format == fmt), None)


class EditionFileQuerySet(DataQuerySet):
    def update(self, **kwargs):
        raise EditionLocked()

    def delete(self):
        if self.filter(edition__state=State.PUBLISHED).exists():
            raise EditionLocked()
        return super().delete()


class EditionFile(models.Model):
    """A rendered file of a published edition with its SHA-256 (stored in the database)."""

    tenant_path = "edition__municipality"

    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="files", verbose_name=_("Ausgabe")
    )
    format = models.CharField(_("Format"), max_length=4, choices=Format.choices)
    content = models.BinaryField(_("Inhalt"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("Größe (Byte)"))
    created_at = models.DateTimeField(_("erzeugt am"), auto_now_add=True)

    objects = EditionFileQuerySet.as_manager()

    class Meta:
        verbose_name = _("Berichtsdatei")
        verbose_name_plural = _("Berichtsdateien")
        ordering = ["format"]
        constraints = [models.UniqueConstraint(fields=["edition", "format"], name="editionfile_unique")]

    def __str__(self):
        return f"{self.edition} – {self.get_format_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise EditionLocked()
        stored = Edition.objects.filter(pk=self.edition_id).values_list("state", flat=True).first()
        if stored == State.PUBLISHED:
            raise EditionLocked()
        data = bytes(self.content)
        self.sha256 = hashlib.sha256(data).hexdigest()
        self.size = len(data)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.edition.is_published:
            raise EditionLocked()
        return super().delete(*args, **kwargs)

    @property
    def filename(self) -> str:
        e = self.edition
        suffix = "" if e.audience == Audience.PUBLIC else "-rat"
        return f"digitalisierungsbericht-{e.municipality.slug}-{e.period}{suffix}-nr{e.number}.{self.format}"

    @property
    def content_type(self) -> str:
        return {
            "pdf": "application/pdf",
            "html": "text/html; charset=utf-8",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }[self.format]


def purge_editions(municipality) -> None:
    """Remove every edition of a municipality, published ones included.

    Only for deleting a whole municipality (e.g. resetting the demo): it bypasses the
    immutability guard on purpose and must never be offered in the UI.
    """
    files = EditionFile.objects.filter(edition__municipality=municipality)
    files._raw_delete(files.db)
    editions = Edition.objects.filter(municipality=municipality)
    models.QuerySet.update(editions, previous=None)  # plain update: skips the guard
    editions._raw_delete(editions.db)
