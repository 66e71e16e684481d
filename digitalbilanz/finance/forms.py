"""Forms of the budget app: validated fully before anything is saved, with the version check and
a reason for the change (``portfolio.forms.TenantForm``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from digitalbilanz.finance.models import BudgetAssignment, BudgetFigure, BudgetStatus, ProductGroup
from digitalbilanz.portfolio.forms import TenantForm


class ProductGroupForm(TenantForm):
    class Meta:
        model = ProductGroup
        fields = ["number", "name", "note", "visibility"]

    def clean_number(self):
        number = self.cleaned_data["number"]
        clash = ProductGroup.objects.filter(municipality=self.municipality, number=number)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Die Produktgruppe %(number)s gibt es schon.") % {"number": number})
        return number


class BudgetFigureForm(TenantForm):
    class Meta:
        model = BudgetFigure
        fields = [
            "product_group",
            "year",
            "kind",
            "plan",
            "line_number",
            "line_label",
            "amount",
            "source",
            "visibility",
        ]


class BudgetAssignmentForm(TenantForm):
    class Meta:
        model = BudgetAssignment
        fields = ["measure", "product_group", "first_year", "last_year", "note", "visibility"]


class BudgetStatusForm(TenantForm):
    class Meta:
        model = BudgetStatus
        fields = [
            "year",
            "stage",
            "adopted_on",
            "submitted_on",
            "approved_on",
            "note",
            "source",
            "visibility",
        ]

    def clean_year(self):
        year = self.cleaned_data["year"]
        duplicate = BudgetStatus.objects.filter(municipality=self.municipality, year=year).exclude(
            pk=self.instance.pk
        )
        if duplicate.exists():
            raise forms.ValidationError(_("Für dieses Haushaltsjahr ist der Stand schon erfasst."))
        return year
