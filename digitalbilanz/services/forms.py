"""Forms of the services app: portfolio's ``TenantForm`` (version check, reason for change)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from digitalbilanz.portfolio.forms import TenantForm
from digitalbilanz.services.choices import Channel, PeriodKind
from digitalbilanz.services.models import Activity, ChannelCost, Service


class ServiceForm(TenantForm):
    reason_required = True
    url = forms.URLField(label=_("Adresse des Online-Dienstes"), required=False, assume_scheme="https")

    class Meta:
        model = Service
        fields = [
            "ozg_id",
            "leika_key",
            "name",
            "subject_area",
            "department",
            "wave",
            "wave_due",
            "solution",
            "status",
            "maturity_model",
            "maturity_level",
            "coverage",
            "url",
            "measures",
            "online_application",
            "e_payment",
            "interface",
            "e_file",
            "account_login",
            "written_form_removed",
            "media_break_minutes",
            "media_break_level",
            "analog_fixed_change",
            "cost_note",
            "visibility",
        ]
        widgets = {"measures": forms.CheckboxSelectMultiple}

    def clean_ozg_id(self):
        value = self.cleaned_data["ozg_id"].strip()
        taken = Service.objects.filter(municipality=self.municipality, ozg_id=value).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise ValidationError(_("Diese OZG-ID ist schon vergeben."))
        return value


class _ChildForm(TenantForm):
    reason_required = True

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        self.instance.service = service


class ActivityForm(_ChildForm):
    class Meta:
        model = Activity
        fields = ["channel", "label", "minutes", "career_level"]


class ChannelCostForm(_ChildForm):
    class Meta:
        model = ChannelCost
        fields = ["channel", "material_cost", "fixed_cost"]

    def clean_channel(self):
        channel = self.cleaned_data["channel"]
        taken = ChannelCost.objects.filter(service=self.service, channel=channel).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("Für diesen Kanal sind schon Kosten erfasst."))
        return channel


class CaseEntryForm(forms.Form):
    """Case numbers of one period typed in by hand: one field per channel (empty = leave as is)."""

    period_kind = forms.ChoiceField(label=_("Zeitraum"), choices=PeriodKind.choices)
    period_start = forms.DateField(
        label=_("Beginn des Zeitraums"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Erster Tag des Monats, Quartals oder Jahres."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in Channel.choices:
            self.fields[f"cases_{value}"] = forms.IntegerField(
                label=_("Fälle %(channel)s") % {"channel": label}, required=False, min_value=0
            )

    def clean(self):
        data = super().clean()
        start, kind = data.get("period_start"), data.get("period_kind")
        if start and kind:
            from digitalbilanz.services.imports import is_period_start

            if not is_period_start(kind, start):
                self.add_error("period_start", _("Das ist nicht der erste Tag des gewählten Zeitraums."))
        if not any(data.get(f"cases_{c}") is not None for c in Channel.values):
            raise ValidationError(_("Bitte mindestens eine Fallzahl angeben."))
        return data

    def rows(self, service_id):
        data = self.cleaned_data
        return [
            (service_id, data["period_kind"], data["period_start"], c, data[f"cases_{c}"])
            for c in Channel.values
            if data.get(f"cases_{c}") is not None
        ]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Datei (CSV mit ; oder Excel .xlsx)"),
        help_text=_("Spalten: OZG-ID; Zeitraum; Beginn; Kanal; Fälle – Datum TT.MM.JJJJ, Zahlen 1.234."),
    )

    MAX_BYTES = 50 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise ValidationError(_("Die Datei ist größer als 50 MB."))
        return upload
