"""The source register of a municipality: what a marker such as „[S1]“ in a text refers to.

A source (council paper, statistic, contract, assumption, …) has a marker key unique within the
municipality, a title, a reference (e.g. „Drucksache 2023/2362“), a date, a link and its own
visibility. Texts cite it by its key in square brackets; ``sources.markers`` turns the markers
into links for a reader who may read the source and leaves every other marker as plain text.

``linked_type``/``linked_id`` is the hook for records that stand behind a source — the council
app links an imported council paper here; the register itself never reads it.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.models import PublishableModel
from digitalbilanz.sources.choices import SourceKind

KEY_PATTERN = r"S[0-9]{1,4}"

key_validator = RegexValidator(
    rf"^{KEY_PATTERN}$",
    _("Das Kürzel besteht aus „S“ und einer Zahl, z. B. „S1“."),
)


class Source(PublishableModel):
    """One entry of the source register, cited in texts as „[S1]“."""

    key = models.CharField(
        _("Kürzel"),
        max_length=6,
        validators=[key_validator],
        help_text=_("So wird die Quelle in Texten zitiert: „S1“ erscheint dort als „[S1]“."),
    )
    kind = models.CharField(_("Art"), max_length=16, choices=SourceKind.choices)
    title = models.CharField(_("Titel"), max_length=300)
    reference = models.CharField(
        _("Fundstelle"), max_length=200, blank=True, help_text=_("z. B. „Drucksache 2023/2362“")
    )
    date = models.DateField(_("Datum"), null=True, blank=True)
    url = models.URLField(_("Link"), max_length=500, blank=True)
    linked_type = models.ForeignKey(
        ContentType,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("verknüpfter Datensatz (Art)"),
    )
    linked_id = models.PositiveBigIntegerField(_("verknüpfter Datensatz (Kennung)"), null=True, blank=True)

    class Meta:
        verbose_name = _("Quelle")
        verbose_name_plural = _("Quellen")
        ordering = ["municipality", "key"]
        constraints = [models.UniqueConstraint(fields=["municipality", "key"], name="source_unique_key")]
        indexes = [models.Index(fields=["linked_type", "linked_id"], name="source_linked")]

    def __str__(self):
        return f"[{self.key}] {self.title}"

    @property
    def anchor(self) -> str:
        return f"quelle-{self.key.lower()}"

    @property
    def number(self) -> int:
        return int(self.key[1:])
