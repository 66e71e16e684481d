"""Budget (NKF): product groups and their plan/actual amounts per year.

Only the part the foundation needs (the product group "IT-Strategie, E-Government und
Digitalisierung" and its plan); budget lines, contracts and indicators follow in their own issue.
"""

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.models import PublishableModel


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


class BudgetFigure(PublishableModel):
    """Plan (Ansatz) or result (Ergebnis) of a product group for one budget year."""

    class Kind(models.TextChoices):
        PLAN = "plan", _("Ansatz")
        ACTUAL = "actual", _("Ergebnis")

    product_group = models.ForeignKey(
        ProductGroup,
        on_delete=models.CASCADE,
        related_name="figures",
        verbose_name=_("Produktgruppe"),
    )
    year = models.PositiveSmallIntegerField(_("Haushaltsjahr"))
    kind = models.CharField(_("Art"), max_length=6, choices=Kind.choices)
    amount = models.DecimalField(
        _("Betrag (€)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    source = models.CharField(_("Quelle"), max_length=300)
    visibility_paths = ("visibility", "product_group__visibility")

    class Meta:
        verbose_name = _("Haushaltsansatz/-ergebnis")
        verbose_name_plural = _("Haushaltsansätze/-ergebnisse")
        ordering = ["product_group", "year", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["product_group", "year", "kind"], name="budgetfigure_unique")
        ]
