"""Council data: bodies, meetings, papers, consultations, agenda items, files — and mandates.

Two kinds of records live here:

* **Mirrored council data** (:class:`Organization`, :class:`Meeting`, :class:`Paper`,
  :class:`Consultation`, :class:`AgendaItem`, :class:`PaperFile`): a copy of what the council
  information system publishes (OParl). Bulk records without per-row history; they are written
  only by an import (``core.imports.bulk_import`` or the OParl importer), whose ``ImportRun`` is
  their audit trail. Each keeps the OParl ``id`` (unique per municipality when set) and the
  server's ``modified`` time. Their ``visibility`` has **no default**: the writer passes it —
  for agenda items and consultations always from ``council.rules.visibility_for_public_flag``.
* **Audited records** (:class:`Mandate`, :class:`PaperLink`): edited by people, with history,
  optimistic locking and a reason for every change.

Every read goes through ``core.visibility`` (``visible_to``/``for_audience``/``with_levels``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.choices import Visibility
from digitalbilanz.core.models import BulkTenantModel, OrgUnit, PublishableModel
from digitalbilanz.core.visibility import LEVEL_ORDER, VisibilityQuerySet

from .choices import LinkRole, MandateStatus, OrganizationKind, PaperCategory


class MirroredModel(BulkTenantModel):
    """Base of mirrored council data: OParl id and modification time, a level without default."""

    oparl_id = models.URLField(_("OParl-ID"), max_length=1000, blank=True)
    oparl_modified = models.DateTimeField(
        _("zuletzt geändert (Ratsinformationssystem)"), null=True, blank=True
    )
    deleted = models.BooleanField(_("im Ratsinformationssystem gelöscht"), default=False)
    # No default on purpose: every writer decides the level (see ``council.rules``).
    visibility = models.CharField(_("Sichtbarkeit"), max_length=10, choices=Visibility.choices)

    objects = VisibilityQuerySet.as_manager()
    visibility_paths: tuple[str, ...] = ("visibility",)

    class Meta:
        abstract = True


def _mirror_constraints(name: str) -> list:
    """The OParl id is unique per municipality where set; the level must be a known one."""
    return [
        models.UniqueConstraint(
            fields=["municipality", "oparl_id"],
            condition=~Q(oparl_id=""),
            name=f"council_{name}_unique_oparl_id",
        ),
        models.CheckConstraint(
            condition=Q(visibility__in=[level.value for level in LEVEL_ORDER]),
            name=f"council_{name}_visibility_set",
        ),
    ]


class Organization(MirroredModel):
    """A body: the council, a committee, a faction, the administration."""

    name = models.CharField(_("Name"), max_length=500)
    short_name = models.CharField(_("Kurzname"), max_length=100, blank=True)
    kind = models.CharField(
        _("Art"), max_length=16, choices=OrganizationKind.choices, default=OrganizationKind.OTHER
    )
    classification_raw = models.CharField(
        _("Einordnung laut Ratsinformationssystem"), max_length=200, blank=True
    )

    class Meta:
        verbose_name = _("Gremium")
        verbose_name_plural = _("Gremien")
        ordering = ["name"]
        constraints = _mirror_constraints("organization")

    def __str__(self):
        return self.name


class Meeting(MirroredModel):
    """A session of one or more bodies."""

    name = models.CharField(_("Bezeichnung"), max_length=500)
    start = models.DateTimeField(_("Beginn"), null=True, blank=True)
    end = models.DateTimeField(_("Ende"), null=True, blank=True)
    cancelled = models.BooleanField(_("abgesagt"), default=False)
    location = models.CharField(_("Ort"), max_length=500, blank=True)
    web = models.URLField(_("Seite im Ratsinformationssystem"), max_length=1000, blank=True)
    organizations = models.ManyToManyField(
        Organization, blank=True, related_name="meetings", verbose_name=_("Gremien")
    )

    class Meta:
        verbose_name = _("Sitzung")
        verbose_name_plural = _("Sitzungen")
        ordering = ["start", "pk"]
        constraints = _mirror_constraints("meeting")

    def __str__(self):
        if self.start:
            return f"{self.name} ({self.start:%d.%m.%Y})"
        return self.name


class Paper(MirroredModel):
    """A council paper (Drucksache): motion, inquiry, proposal, statement, …

    ``reference`` ("2023/2362") is indexed but not unique: servers reuse and change it.
    """

    reference = models.CharField(_("Drucksachennummer"), max_length=100, blank=True, db_index=True)
    name = models.CharField(_("Titel"), max_length=1000)
    date = models.DateField(_("Datum"), null=True, blank=True)
    paper_type_raw = models.CharField(
        _("Vorlagenart laut Ratsinformationssystem"), max_length=200, blank=True
    )
    category = models.CharField(
        _("Art"), max_length=16, choices=PaperCategory.choices, default=PaperCategory.OTHER
    )
    originators = models.TextField(
        _("Urheber"), blank=True, help_text=_("z. B. die antragstellende Fraktion")
    )
    lead_department = models.TextField(_("federführend"), blank=True)
    web = models.URLField(_("Seite im Ratsinformationssystem"), max_length=1000, blank=True)
    related_papers = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="related_from",
        verbose_name=_("bezogene Vorlagen"),
        help_text=_("z. B. die Stellungnahme der Verwaltung, die einen Antrag beantwortet"),
    )

    class Meta:
        verbose_name = _("Vorlage")
        verbose_name_plural = _("Vorlagen")
        ordering = ["-date", "reference", "pk"]
        constraints = _mirror_constraints("paper")

    def __str__(self):
        return f"{self.reference}: {self.name}" if self.reference else self.name

    def get_absolute_url(self):
        return reverse("council:paper", args=[self.municipality.slug, self.pk])


class Consultation(MirroredModel):
    """One step of a paper's consultation sequence: a body, a meeting, a role."""

    paper = models.ForeignKey(
        Paper, on_delete=models.CASCADE, related_name="consultations", verbose_name=_("Vorlage")
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
        verbose_name=_("Sitzung"),
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultations",
        verbose_name=_("Gremium"),
        help_text=_("das federführende Gremium der Beratung"),
    )
    role = models.CharField(
        _("Rolle"), max_length=200, blank=True, help_text=_("z. B. Vorberatung, Entscheidung")
    )
    authoritative = models.BooleanField(
        _("entscheidend"),
        null=True,
        blank=True,
        help_text=_("Ja: hier fällt die Entscheidung; leer: unbekannt."),
    )
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)

    visibility_paths = ("visibility", "paper__visibility")

    class Meta:
        verbose_name = _("Beratung")
        verbose_name_plural = _("Beratungen")
        ordering = ["paper", "order", "pk"]
        constraints = _mirror_constraints("consultation")

    def __str__(self):
        return f"{self.paper.reference or self.paper.name} – {self.organization or self.role}"


class AgendaItem(MirroredModel):
    """A point of a meeting's agenda with its result and resolution text."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("Sitzung")
    )
    consultation = models.ForeignKey(
        Consultation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
        verbose_name=_("Beratung"),
    )
    number = models.CharField(_("Nummer"), max_length=50, blank=True)
    order = models.PositiveIntegerField(_("Reihenfolge"), default=0)
    name = models.CharField(_("Gegenstand"), max_length=1000)
    public = models.BooleanField(
        _("öffentlich laut Ratsinformationssystem"), null=True, blank=True, help_text=_("leer: unbekannt")
    )
    result = models.CharField(
        _("Ergebnis"), max_length=500, blank=True, help_text=_("z. B. „zur Kenntnis genommen“")
    )
    resolution_text = models.TextField(_("Beschlusstext"), blank=True)

    visibility_paths = ("visibility", "meeting__visibility")

    class Meta:
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")
        ordering = ["meeting", "order", "pk"]
        constraints = _mirror_constraints("agenda_item")

    def __str__(self):
        return f"{self.number} {self.name}".strip()


class PaperFile(MirroredModel):
    """A file of a paper: a link to the council information system, never a copy."""

    paper = models.ForeignKey(
        Paper, on_delete=models.CASCADE, related_name="files", verbose_name=_("Vorlage")
    )
    name = models.CharField(_("Name"), max_length=1000)
    access_url = models.URLField(_("Adresse"), max_length=1000)
    mime_type = models.CharField(_("Dateityp"), max_length=200, blank=True)
    main = models.BooleanField(_("Hauptdatei"), default=False)

    visibility_paths = ("visibility", "paper__visibility")

    class Meta:
        verbose_name = _("Datei")
        verbose_name_plural = _("Dateien")
        ordering = ["paper", "-main", "name", "pk"]
        constraints = _mirror_constraints("paper_file")

    def __str__(self):
        return self.name


class MandateQuerySet(VisibilityQuerySet):
    def with_levels(self, levels):
        """Mandates readable with ``levels`` whose paper and agenda item (where set) are readable
        too: a mandate never reveals a non-public resolution."""
        return (
            super()
            .with_levels(levels)
            .filter(Q(paper__isnull=True) | Q(paper__in=Paper.objects.with_levels(levels)))
            .filter(Q(agenda_item__isnull=True) | Q(agenda_item__in=AgendaItem.objects.with_levels(levels)))
        )


class Mandate(PublishableModel):
    """What a resolution asks the administration to do (e.g. point 3 of a motion).

    Readable only where its own level, its paper and its agenda item (where set) are readable.
    """

    paper = models.ForeignKey(
        Paper,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mandates",
        verbose_name=_("Vorlage"),
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mandates",
        verbose_name=_("Tagesordnungspunkt"),
    )
    label = models.CharField(_("Punkt"), max_length=100, blank=True, help_text=_("z. B. „Punkt 3“"))
    text = models.TextField(_("Auftrag"))
    due_date = models.DateField(_("fällig am"), null=True, blank=True)
    owner = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="council_mandates",
        verbose_name=_("zuständig"),
    )
    owner_text = models.CharField(
        _("zuständig (Freitext)"),
        max_length=300,
        blank=True,
        help_text=_("wenn keine Organisationseinheit passt"),
    )
    status = models.CharField(
        _("Stand"), max_length=12, choices=MandateStatus.choices, default=MandateStatus.OPEN
    )
    measures = models.ManyToManyField(
        "portfolio.Measure", blank=True, related_name="council_mandates", verbose_name=_("Maßnahmen")
    )
    chapter_key = models.CharField(
        _("Berichtskapitel"),
        max_length=40,
        blank=True,
        help_text=_("Schlüssel des Berichtskapitels, das den Auftrag erfüllt"),
    )
    note = models.TextField(_("Anmerkung"), blank=True)

    objects = MandateQuerySet.as_manager()

    class Meta:
        verbose_name = _("Auftrag aus Beschluss")
        verbose_name_plural = _("Aufträge aus Beschlüssen")
        ordering = ["due_date", "pk"]

    def __str__(self):
        source = self.paper.reference if self.paper_id else ""
        return " ".join(part for part in (source, self.label) if part) or self.text[:60]

    def get_absolute_url(self):
        return reverse("council:mandate", args=[self.municipality.slug, self.pk])

    @property
    def owner_display(self) -> str:
        return str(self.owner) if self.owner_id else self.owner_text

    def is_overdue(self, today) -> bool:
        from .rules import is_overdue

        return is_overdue(self.status, self.due_date, today)

    def clean(self):
        errors = {}
        if not self.paper_id and not self.agenda_item_id:
            errors["paper"] = _("Ein Auftrag gehört zu einer Vorlage oder einem Tagesordnungspunkt.")
        for field in ("paper", "agenda_item", "owner"):
            related = getattr(self, field) if getattr(self, f"{field}_id") else None
            if (
                related is not None
                and self.municipality_id
                and related.municipality_id != self.municipality_id
            ):
                errors[field] = _("Der Eintrag gehört zu einer anderen Kommune.")
        if errors:
            raise ValidationError(errors)


class PaperLink(PublishableModel):
    """A measure linked to a council paper. Readable only where the link, the measure *and*
    the paper are (the stricter of both sides)."""

    measure = models.ForeignKey(
        "portfolio.Measure",
        on_delete=models.CASCADE,
        related_name="council_links",
        verbose_name=_("Maßnahme"),
    )
    paper = models.ForeignKey(
        Paper, on_delete=models.CASCADE, related_name="measure_links", verbose_name=_("Vorlage")
    )
    role = models.CharField(_("Bezug"), max_length=10, choices=LinkRole.choices, default=LinkRole.BASIS)
    note = models.CharField(_("Anmerkung"), max_length=500, blank=True)

    visibility_paths = ("visibility", "measure__visibility", "paper__visibility")

    class Meta:
        verbose_name = _("Verknüpfung Maßnahme – Vorlage")
        verbose_name_plural = _("Verknüpfungen Maßnahme – Vorlage")
        ordering = ["paper__date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "paper", "role"], name="council_paper_link_unique"),
        ]

    def __str__(self):
        return f"{self.measure} – {self.paper}"

    def clean(self):
        errors = {}
        for field in ("measure", "paper"):
            related = getattr(self, field) if getattr(self, f"{field}_id") else None
            if (
                related is not None
                and self.municipality_id
                and related.municipality_id != self.municipality_id
            ):
                errors[field] = _("Der Eintrag gehört zu einer anderen Kommune.")
        if errors:
            raise ValidationError(errors)
