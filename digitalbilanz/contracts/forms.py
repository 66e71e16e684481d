"""Forms of the contracts app: contradicting terms are refused before anything is saved."""

from django import forms
from django.utils.translation import gettext_lazy as _

from digitalbilanz.contracts.models import Contract, ContractValue
from digitalbilanz.portfolio.forms import TenantForm


class ContractForm(TenantForm):
    class Meta:
        model = Contract
        fields = [
            "vendor",
            "subject",
            "kind",
            "basis",
            "start",
            "minimum_term_months",
            "notice_months",
            "auto_renewal",
            "renewal_months",
            "terminated_to",
            "org_unit",
            "measures",
            "note",
            "visibility",
        ]
        widgets = {"measures": forms.CheckboxSelectMultiple}


class ContractValueForm(TenantForm):
    class Meta:
        model = ContractValue
        fields = ["valid_from", "annual_cost", "units", "unit_price", "source", "visibility"]

    def __init__(self, *args, contract, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.contract = contract
        self.fields["visibility"].help_text = _(
            "Die Werte können strenger sichtbar sein als der Vertrag selbst (z. B. Vertrag öffentlich, "
            "Betrag intern)."
        )

    def clean(self):
        data = super().clean()
        clash = ContractValue.objects.filter(
            contract=self.instance.contract, valid_from=data.get("valid_from")
        )
        if data.get("valid_from") and clash.exclude(pk=self.instance.pk).exists():
            self.add_error("valid_from", _("Für diesen Tag gibt es schon einen Wert."))
        return data
