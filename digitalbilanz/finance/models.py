"""Budget (NKF): product groups, plan/actual lines per year with their plan line number, the
assignment of measures to product groups, and the status of each year's budget."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.models import PublishableModel
from digitalbilanz.finance.choices import MAX_LINE, PRODUCT_AREAS, BudgetStage, FigureKind, PlanType

YEAR = [MinValueValidator(1990), MaxValueValidator(2200)]


class ProductGroup(PublishableModel):
    """An NKF product group (4 digits: product area + 2)."""

    number = models.CharField(
        _("Produktgruppe"),
        max_length=4,
        validators=[RegexValidator(r"^\d{4}$", _("Eine Produktgruppe hat 4 Ziffern."))],
    )
    name = models.CharField(_("Bezeichnung"), max_length=200)
    note = models.TextField(_("Anmerkung/Quelle"), blank=True)

    class Meta:
        verbose_name = _("Produktgruppe")
        verbose_name_plural = _("Produktgruppen")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["municipality", "number"], name="productgroup_unique")]

    def __str__(self):
        return f"{self.number} {self.name}"

    @property
    def area(self) -> str:
        """The product area (first two digits), e.g. "01"."""
        return self.number[:2]

    @property
    def area_name(self) -> str:
        return str(PRODUCT_AREAS.get(self.area, ""))

    def clean(self):
        if self.number and len(self.number) == 4 and self.area not in PRODUCT_AREAS:
            raise ValidationError(
                {"number": _("Den Produktbereich %(area)s gibt es nicht (01 bis 17).") % {"area": self.area}}
            )


class BudgetFigure(PublishableModel):
    """Plan (Ansatz) or result (Ergebnis) of a product group for one budget year: the whole
    product group (no line number) or one line of its result or finance plan. Amounts may be
    negative (a deficit, a negative annual result)."""

    Kind = FigureKind

    product_group = models.ForeignKey(
        ProductGroup,
        on_delete=models.CASCADE,
        related_name="figures",
        verbose_name=_("Produktgruppe"),
    )
    year = models.PositiveSmallIntegerField(_("Haushaltsjahr"), validators=YEAR)
    kind = models.CharField(_("Art"), max_length=6, choices=FigureKind.choices)
    plan = models.CharField(
        _("Teilplan"),
        max_length=7,
        choices=PlanType.choices,
        blank=True,
        help_text=_("Ergebnis- oder Finanzplan; leer für die Produktgruppe insgesamt."),
    )
    line_number = models.PositiveSmallIntegerField(
        _("Zeile"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("Zeilennummer im Teilergebnis- oder Teilfinanzplan (Muster KomHVO NRW)."),
    )
    line_label = models.CharField(_("Bezeichnung der Zeile"), max_length=200, blank=True)
    amount = models.DecimalField(
        _("Betrag (€)"),
        max_digits=14,
        decimal_places=2,
        help_text=_("Negativ für Fehlbeträge oder Aufwandsüberschüsse."),
    )
    source = models.CharField(_("Quelle"), max_length=300)
    visibility_paths = ("visibility", "product_group__visibility")

    class Meta:
        verbose_name = _("Haushaltsansatz/-ergebnis")
        verbose_name_plural = _("Haushaltsansätze/-ergebnisse")
        ordering = ["product_group", "year", "kind", "plan", "line_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["product_group", "year", "kind"],
                condition=Q(line_number__isnull=True),
                name="budgetfigure_unique",
            ),
            models.UniqueConstraint(
                fields=["product_group", "year", "kind", "plan", "line_number"],
                condition=Q(line_number__isnull=False),
                name="budgetfigure_line_unique",
            ),
        ]

    def __str__(self):
        line = f" {self.get_plan_display()} Z. {self.line_number}" if self.line_number else ""
        return f"{self.product_group.number} {self.year} {self.get_kind_display()}{line}"

    def clean(self):
        errors = {}
        if self.line_number is not None and not self.plan:
            errors["plan"] = _("Zu einer Zeilennummer gehört der Teilplan (Ergebnis- oder Finanzplan).")
        if self.plan and self.line_number is None:
            errors["line_number"] = _("Für einen Teilplan fehlt die Zeilennummer.")
        top = MAX_LINE.get(self.plan)
        if top and self.line_number and self.line_number > top:
            errors["line_number"] = _("Der %(plan)s hat höchstens %(top)s Zeilen.") % {
                "plan": self.get_plan_display(),
                "top": top,
            }
        if (
            self.product_group_id
            and self.municipality_id
            and self.product_group.municipality_id != self.municipality_id
        ):
            errors["product_group"] = _("Die Produktgruppe gehört zu einer anderen Kommune.")
        if errors:
            raise ValidationError(errors)


class BudgetAssignment(PublishableModel):
    """Where a measure's cost and benefit lines are budgeted: its product group from a budget
    year on (until ``last_year``, if the measure moves to another product group later)."""

    measure = models.ForeignKey(
        "portfolio.Measure",
        on_delete=models.CASCADE,
        related_name="budget_assignments",
        verbose_name=_("Maßnahme"),
    )
    product_group = models.ForeignKey(
        ProductGroup, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("Produktgruppe")
    )
    first_year = models.PositiveSmallIntegerField(_("ab Haushaltsjahr"), validators=YEAR)
    last_year = models.PositiveSmallIntegerField(
        _("bis Haushaltsjahr"), null=True, blank=True, validators=YEAR, help_text=_("Leer: unbefristet.")
    )
    note = models.CharField(_("Anmerkung/Quelle"), max_length=300, blank=True)
    visibility_paths = ("visibility", "measure__visibility", "product_group__visibility")

    class Meta:
        verbose_name = _("Zuordnung zur Produktgruppe")
        verbose_name_plural = _("Zuordnungen zu Produktgruppen")
        ordering = ["measure__code", "first_year"]

    def __str__(self):
        until = f"–{self.last_year}" if self.last_year else "–"
        return f"{self.measure.code} → {self.product_group.number} ({self.first_year}{until})"

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def clean(self):
        errors = {}
        if self.last_year is not None and self.first_year is not None and self.last_year < self.first_year:
            errors["last_year"] = _("Das letzte Haushaltsjahr liegt vor dem ersten.")
        if self.measure_id and self.municipality_id and self.measure.municipality_id != self.municipality_id:
            errors["measure"] = _("Die Maßnahme gehört zu einer anderen Kommune.")
        if not errors and self.measure_id and self.first_year is not None:
            others = BudgetAssignment.objects.filter(measure_id=self.measure_id).exclude(pk=self.pk)
            for other in others:
                last = self.last_year or 9999
                other_last = other.last_year or 9999
                if self.first_year <= other_last and other.first_year <= last:
                    errors["first_year"] = _(
                        "Die Maßnahme ist für diese Jahre schon der Produktgruppe %(group)s zugeordnet."
                    ) % {"group": other.product_group.number}
                    break
        if errors:
            raise ValidationError(errors)


class BudgetStatus(PublishableModel):
    """Where one year's budget stands: in preparation, adopted, submitted, approved, or
    provisional budget management (§ 82 GO NRW) while there is none."""

    year = models.PositiveSmallIntegerField(_("Haushaltsjahr"), validators=YEAR)
    stage = models.CharField(_("Stand"), max_length=12, choices=BudgetStage.choices)
    adopted_on = models.DateField(_("vom Rat beschlossen am"), null=True, blank=True)
    submitted_on = models.DateField(_("der Aufsichtsbehörde angezeigt am"), null=True, blank=True)
    approved_on = models.DateField(_("genehmigt am"), null=True, blank=True)
    note = models.TextField(_("Erläuterung"), blank=True)
    source = models.CharField(_("Quelle"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("Stand des Haushalts")
        verbose_name_plural = _("Stand der Haushalte")
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["municipality", "year"], name="budgetstatus_unique")]

    def __str__(self):
        return _("Haushalt %(year)s: %(stage)s") % {"year": self.year, "stage": self.get_stage_display()}

    REQUIRED = {
        BudgetStage.ADOPTED: ("adopted_on",),
        BudgetStage.SUBMITTED: ("adopted_on", "submitted_on"),
        BudgetStage.APPROVED: ("adopted_on", "approved_on"),
    }

    def clean(self):
        errors = {}
        for name in self.REQUIRED.get(self.stage, ()):
            if getattr(self, name) is None:
                errors[name] = _("Für den Stand „%(stage)s“ fehlt dieses Datum.") % {
                    "stage": self.get_stage_display()
                }
        if self.stage == BudgetStage.PREPARATION and (
            self.adopted_on or self.submitted_on or self.approved_on
        ):
            errors["stage"] = _(
                "Ein Haushalt in Aufstellung hat noch kein Beschluss-, Anzeige- oder Genehmigungsdatum."
            )
        order = [
            ("adopted_on", self.adopted_on),
            ("submitted_on", self.submitted_on),
            ("approved_on", self.approved_on),
        ]
        known = [(n, d) for n, d in order if d is not None]
        for (_first, earlier), (name, later) in zip(known, known[1:], strict=False):
            if later < earlier:
                errors.setdefault(
                    name,
                    _(
                        "Dieses Datum liegt vor dem vorherigen Verfahrensschritt "
                        "(Beschluss, Anzeige, Genehmigung)."
                    ),
                )
        if errors:
            raise ValidationError(errors)

    def steps(self) -> list[tuple[str, object]]:
        """The procedure's steps with their dates (None: not yet)."""
        return [
            (str(_("Beschluss des Rates")), self.adopted_on),
            (str(_("Anzeige bei der Aufsichtsbehörde")), self.submitted_on),
            (str(_("Genehmigung")), self.approved_on),
        ]
