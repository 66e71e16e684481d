"""Per-municipality settings of the public portal: legal pages, contacts and the open-data licence."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.models import Municipality, TimestampedModel


class Licence(models.TextChoices):
    """Licences of the DCAT-AP.de vocabulary (http://dcat-ap.de/def/licenses/)."""

    DL_BY = "dl-by-de/2.0", _("Datenlizenz Deutschland – Namensnennung – Version 2.0")
    DL_ZERO = "dl-zero-de/2.0", _("Datenlizenz Deutschland – Zero – Version 2.0")
    CC_BY = "cc-by/4.0", _("Creative Commons Namensnennung 4.0 International")
    CC_ZERO = "cc-zero", _("Creative Commons CC Zero 1.0 Universal")

    @classmethod
    def uri(cls, code: str) -> str:
        return f"http://dcat-ap.de/def/licenses/{code}"


class Conformance(models.TextChoices):
    """Status of conformity with BITV 2.0 as the accessibility statement must declare it."""

    FULL = "full", _("vollständig vereinbar")
    PARTIAL = "partial", _("teilweise vereinbar")
    NONE = "none", _("nicht vereinbar")


class PortalSettings(TimestampedModel):
    """What the law requires of a public body's website, configurable per municipality."""

    tenant_path = "municipality"

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="portal_settings",
        verbose_name=_("Kommune"),
    )
    publisher = models.CharField(_("Herausgeber"), max_length=200)
    contact_email = models.EmailField(_("Kontakt E-Mail (Portal und offene Daten)"))
    contact_phone = models.CharField(_("Telefon"), max_length=60, blank=True)
    address = models.TextField(_("Anschrift"), blank=True)
    accessibility_contact = models.EmailField(_("Feedback-Kontakt Barrierefreiheit"))
    enforcement_body = models.TextField(
        _("Schlichtungs-/Durchsetzungsstelle"),
        blank=True,
        help_text=_("Stelle, an die man sich wenden kann, wenn keine zufriedenstellende Antwort kommt."),
    )
    conformance = models.CharField(
        _("Vereinbarkeit mit BITV 2.0"),
        max_length=10,
        choices=Conformance.choices,
        default=Conformance.PARTIAL,
    )
    known_barriers = models.TextField(_("Nicht barrierefreie Inhalte"), blank=True)
    statement_date = models.DateField(_("Erklärung erstellt am"), null=True, blank=True)
    imprint = models.TextField(_("Impressum"), blank=True)
    privacy = models.TextField(_("Datenschutzerklärung"), blank=True)
    licence = models.CharField(
        _("Lizenz der offenen Daten"), max_length=20, choices=Licence.choices, default=Licence.DL_BY
    )

    class Meta:
        verbose_name = _("Portal-Einstellungen")
        verbose_name_plural = _("Portal-Einstellungen")

    def __str__(self):
        return str(self.municipality)

    @property
    def licence_uri(self) -> str:
        return Licence.uri(self.licence)
