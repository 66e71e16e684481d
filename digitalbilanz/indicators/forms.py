"""Forms of the indicator app (version check and reason for the change via ``TenantForm``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from digitalbilanz.indicators.models import Indicator, Limit, Observation
from digitalbilanz.portfolio.forms import TenantForm


class IndicatorForm(TenantForm):
    class Meta:
        model = Indicator
        fields = [
            "key",
            "name",
            "topic",
            "unit",
            "decimals",
            "higher_is_better",
            "formula",
            "input_a",
            "input_b",
            "warning_threshold",
            "critical_threshold",
            "description",
            "order",
            "visibility",
        ]

    def clean_key(self):
        key = self.cleaned_data["key"]
        clash = Indicator.objects.filter(municipality=self.municipality, key=key).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Das Kürzel „%(key)s“ ist schon vergeben.") % {"key": key})
        return key


class ChildForm(TenantForm):
    """A value or limit of one indicator (the indicator is fixed by the URL)."""

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.indicator = indicator


class ObservationForm(ChildForm):
    class Meta:
        model = Observation
        fields = ["date", "value", "unit", "source", "note", "visibility"]


class LimitForm(ChildForm):
    class Meta:
        model = Limit
        fields = ["kind", "value", "valid_from", "resolution", "source", "visibility"]
