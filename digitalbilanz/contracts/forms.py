"""Forms of the contracts app: contradicting terms are refused before anything is saved."""

from django import forms
from django.utils.translation import gettext_lazy as _

from digitalbilanz.contracts.models import Contract, ContractValue
from digitalbilanz.core.permissions import can_edit
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

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.linked_before = set(self.instance.measures.all()) if self.instance.pk else set()

    def clean_org_unit(self):
        """A department-limited editor files contracts only under their own departments."""
        unit = self.cleaned_data.get("org_unit")
        if self.user is not None and not can_edit(self.user, self.municipality, unit):
            raise forms.ValidationError(_("Bitte wählen Sie einen Ihrer Fachbereiche."))
        return unit

    def clean_measures(self):
        """Linking or unlinking changes a measure's lines: only for editors of that measure."""
        measures = self.cleaned_data["measures"]
        if self.user is None:
            return measures
        changed = set(measures) ^ self.linked_before
        refused = [m for m in changed if not can_edit(self.user, self.municipality, m.lead_department)]
        if refused:
            raise forms.ValidationError(
                _("Sie dürfen diese Maßnahmen nicht bearbeiten: %(m)s")
                % {"m": ", ".join(sorted(m.code for m in refused))}
            )
        return measures


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


class _RecomputingSave:
    """API forms: saving a contract or a value recomputes the linked measures' derived lines.

    The web views do the same around ``save_or_conflict``; the API's one save calls
    ``form.save(user=…)`` (``Writes.save_with_user``).
    """

    def save(self, commit=True, user=None):
        from digitalbilanz.contracts.calc import sync_contract_lines

        saved = super().save(commit=commit)
        contract = saved if isinstance(saved, Contract) else saved.contract
        reason = self.cleaned_data.get("change_reason") or _("Über die Schnittstelle gespeichert")
        sync_contract_lines(contract, reason=str(reason), user=user)
        return saved


class ApiContractForm(_RecomputingSave, ContractForm):
    pass


class ApiContractValueForm(_RecomputingSave, ContractValueForm):
    pass
