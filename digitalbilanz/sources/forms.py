"""The source form: key unique per municipality, a German error for anything else."""

from django import forms
from django.utils.translation import gettext_lazy as _

from digitalbilanz.portfolio.forms import TenantForm
from digitalbilanz.sources.models import Source


class SourceForm(TenantForm):
    url = forms.URLField(label=_("Link"), max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = Source
        fields = ["key", "kind", "title", "reference", "date", "url", "visibility"]

    def clean_key(self):
        key = (self.cleaned_data.get("key") or "").strip().upper()
        taken = Source.objects.filter(municipality=self.municipality, key=key).exclude(pk=self.instance.pk)
        if key and taken.exists():
            raise forms.ValidationError(_("Das Kürzel „%(k)s“ ist schon vergeben.") % {"k": key})
        return key
