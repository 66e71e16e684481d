"""Contracts and obligations: licence, rental, service and usage-fee contracts (methods §6).

The contract itself (vendor, subject, terms, linked measures) has one visibility; its money
lives in :class:`ContractValue` rows with their own visibility, because the visibility rule
works per row, not per field: a public contract can have internal values. The computations
(obligations per year, earliest exit, reducible cost, double fees) are pure functions in
``economics.contracts``; ``contracts/calc.py`` bridges the rows to them.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digitalbilanz import economics as eco
from digitalbilanz.contracts.choices import Basis, ContractKind
from digitalbilanz.core.models import OrgUnit, PublishableModel
from digitalbilanz.economics import contracts as ec

MONTHS = [MinValueValidator(0), MaxValueValidator(600)]


class Contract(PublishableModel):
    """A contract that binds money over years; its values are child rows."""

    vendor = models.CharField(_("Vertragspartner"), max_length=200)
    subject = models.CharField(_("Gegenstand"), max_length=300)
    kind = models.CharField(_("Art"), max_length=12, choices=ContractKind.choices)
    basis = models.CharField(_("Abrechnung"), max_length=12, choices=Basis.choices, default=Basis.FLAT)
    start = models.DateField(_("Vertragsbeginn"))
    minimum_term_months = models.PositiveSmallIntegerField(_("Mindestlaufzeit (Monate)"), validators=MONTHS)
    notice_months = models.PositiveSmallIntegerField(
        _("Kündigungsfrist (Monate vor Laufzeitende)"), default=3, validators=MONTHS
    )
    auto_renewal = models.BooleanField(_("verlängert sich automatisch"), default=False)
    renewal_months = models.PositiveSmallIntegerField(
        _("Verlängerung um (Monate)"), default=12, validators=MONTHS
    )
    terminated_to = models.DateField(
        _("gekündigt zum"), null=True, blank=True, help_text=_("Leer: nicht gekündigt.")
    )
    org_unit = models.ForeignKey(
        OrgUnit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contracts",
        verbose_name=_("zuständig"),
    )
    measures = models.ManyToManyField(
        "portfolio.Measure",
        blank=True,
        related_name="contracts",
        verbose_name=_("verbundene Maßnahmen"),
        help_text=_("Die Kosten des Vertrags gehen zu gleichen Teilen in ihre Wirtschaftlichkeit ein."),
    )
    note = models.TextField(_("Anmerkung/Quelle"), blank=True)

    class Meta:
        verbose_name = _("Vertrag")
        verbose_name_plural = _("Verträge")
        ordering = ["vendor", "subject"]

    def __str__(self):
        return f"{self.vendor}: {self.subject}"

    def get_absolute_url(self):
        return reverse("contracts:detail", args=[self.municipality.slug, self.pk])

    def terms(self, values=()) -> ec.ContractTerms:
        """The pure terms for ``economics.contracts`` (prices from the given, readable values)."""
        values = list(values)
        return ec.ContractTerms(
            start=self.start,
            minimum_term_months=self.minimum_term_months,
            notice_months=self.notice_months,
            auto_renewal=self.auto_renewal,
            renewal_months=self.renewal_months,
            terminated_to=self.terminated_to,
            prices=tuple(ec.Price(v.valid_from, float(v.annual_cost)) for v in values),
            unit_price=float(values[-1].unit_price or 0) if values else 0.0,
            basis=self.basis,
            label=str(self),
        )

    def clean(self):
        if None in (self.start, self.minimum_term_months, self.notice_months, self.renewal_months):
            return  # the fields report themselves
        try:
            self.terms()
        except eco.EconomicsError as exc:
            field = exc.field if exc.field in {f.name for f in self._meta.fields} else None
            raise ValidationError({field: exc.message} if field else exc.message) from None
        if self.org_unit_id and self.org_unit.municipality_id != self.municipality_id:
            raise ValidationError(
                {"org_unit": _("Die Organisationseinheit gehört zu einer anderen Kommune.")}
            )


class ContractValue(PublishableModel):
    """The annual cost of a contract from a date on, with its own visibility."""

    contract = models.ForeignKey(
        Contract, on_delete=models.CASCADE, related_name="values", verbose_name=_("Vertrag")
    )
    valid_from = models.DateField(_("gültig ab"))
    annual_cost = models.DecimalField(
        _("Jahreskosten (€)"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    units = models.PositiveIntegerField(_("Anzahl Geräte/Nutzer"), null=True, blank=True)
    unit_price = models.DecimalField(
        _("Preis je Gerät/Nutzer und Jahr (€)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    source = models.CharField(_("Quelle"), max_length=300)
    visibility_paths = ("visibility", "contract__visibility")

    class Meta:
        verbose_name = _("Vertragswert")
        verbose_name_plural = _("Vertragswerte")
        ordering = ["contract", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "valid_from"], name="contract_value_unique"),
        ]

    def __str__(self):
        return _("Vertragswert ab %(d)s") % {"d": self.valid_from.strftime("%d.%m.%Y")}

    def clean(self):
        errors = {}
        contract = self.contract if self.contract_id else None
        if contract is not None and self.valid_from and self.valid_from < contract.start:
            errors["valid_from"] = _("Der Wert gilt ab einem Tag vor dem Vertragsbeginn (%(d)s).") % {
                "d": contract.start.strftime("%d.%m.%Y")
            }
        if (
            contract is not None
            and self.valid_from
            and contract.terminated_to
            and self.valid_from > contract.terminated_to
        ):
            errors["valid_from"] = _("Der Wert gilt ab einem Tag nach dem Vertragsende (%(d)s).") % {
                "d": contract.terminated_to.strftime("%d.%m.%Y")
            }
        if self.units is not None and self.unit_price is not None and self.annual_cost is not None:
            if abs(self.units * self.unit_price - self.annual_cost) > 1:
                errors["annual_cost"] = _(
                    "Jahreskosten (%(c)s €) und Anzahl × Preis (%(u)s × %(p)s € = %(t)s €) "
                    "widersprechen sich."
                ) % {
                    "c": self.annual_cost,
                    "u": self.units,
                    "p": self.unit_price,
                    "t": self.units * self.unit_price,
                }
        if errors:
            raise ValidationError(errors)
