"""Per-municipality settings of the public portal: legal pages, contacts and the open-data licence."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.models import Municipality, TimestampedModel, VersionedModel
from digitalbilanz.portal.accessibility import Area

AREA_CHOICES = Area.CHOICES


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


class EvaluationMethod(models.TextChoices):
    SELF = "self", _("Selbstbewertung")
    EXTERNAL = "external", _("Prüfung durch Dritte")
    BOTH = "both", _("Selbstbewertung und Prüfung durch Dritte")


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
    known_barriers = models.TextField(
        _("Weitere Hinweise zu nicht barrierefreien Inhalten"),
        blank=True,
        help_text=_("Freitext zusätzlich zur Liste der bekannten Barrieren."),
    )
    statement_date = models.DateField(_("Erklärung erstellt am"), null=True, blank=True)
    reviewed_on = models.DateField(_("Zuletzt überprüft am"), null=True, blank=True)
    method = models.CharField(
        _("Methode der Bewertung"),
        max_length=12,
        choices=EvaluationMethod.choices,
        default=EvaluationMethod.SELF,
    )
    method_details = models.TextField(_("Einzelheiten zur Bewertung"), blank=True)
    scope = models.TextField(
        _("Geltungsbereich"),
        blank=True,
        help_text=_("Leer: Portal, Anwendung, Berichte und offene Daten der Kommune."),
    )
    barriers_prefilled = models.BooleanField(default=False, editable=False)
    dgs_video_url = models.URLField(
        _("Video in Deutscher Gebärdensprache"),
        blank=True,
        help_text=_("Adresse eines Videos auf dem eigenen Server der Kommune."),
    )
    imprint = models.TextField(_("Impressum"), blank=True)
    privacy = models.TextField(_("Datenschutzerklärung"), blank=True)
    licence = models.CharField(
        _("Lizenz der offenen Daten"), max_length=20, choices=Licence.choices, default=Licence.DL_BY
    )
    contributor_id = models.URLField(
        _("GovData-Bereitsteller-ID (dcatde:contributorID)"),
        blank=True,
        help_text=_(
            "Die Kennung, die GovData bei der Anmeldung als Datenbereitsteller vergibt, z. B. "
            "http://dcat-ap.de/def/contributors/…; GovData übernimmt nur Datensätze mit dieser Angabe."
        ),
    )

    class Meta:
        verbose_name = _("Portal-Einstellungen")
        verbose_name_plural = _("Portal-Einstellungen")

    def __str__(self):
        return str(self.municipality)

    @property
    def licence_uri(self) -> str:
        return Licence.uri(self.licence)


class KnownBarrier(TimestampedModel):
    """One known barrier of the accessibility statement, with the WCAG criterion and the way round it.

    Each municipality's list starts with the product's own known limits
    (``portal.accessibility.PRODUCT_BARRIERS``) and is edited in the administration.
    """

    tenant_path = "municipality"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="known_barriers", verbose_name=_("Kommune")
    )
    area = models.CharField(_("Bereich"), max_length=10, choices=AREA_CHOICES)
    title = models.CharField(_("Inhalt"), max_length=200)
    criterion = models.CharField(_("WCAG-Kriterium"), max_length=20, blank=True)
    description = models.TextField(_("Was ist nicht barrierefrei?"))
    alternative = models.TextField(_("Alternative"), blank=True)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("Bekannte Barriere")
        verbose_name_plural = _("Bekannte Barrieren")

    def __str__(self):
        return self.title


class AccessibilityFeedback(VersionedModel):
    """A message sent with the feedback form of the accessibility statement (never published)."""

    tenant_path = "municipality"

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="accessibility_feedback",
        verbose_name=_("Kommune"),
    )
    page = models.CharField(_("Betroffene Seite oder Datei"), max_length=300, blank=True)
    message = models.TextField(_("Ihre Nachricht"), max_length=5000)
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-Mail-Adresse für die Antwort"), blank=True)
    answered = models.BooleanField(_("beantwortet"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Rückmeldung zur Barrierefreiheit")
        verbose_name_plural = _("Rückmeldungen zur Barrierefreiheit")

    def __str__(self):
        return self.message[:60]
