"""Forms of the spreadsheet round-trip: the upload and the "Grund der Änderung" of an import."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 50 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Bearbeitete Excel-Datei (.xlsx)"),
        help_text=_("Die aus der Digitalbilanz exportierte Datei mit Ihren Änderungen, höchstens 50 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise ValidationError(_("Die Datei ist größer als 50 MB."))
        return upload


class ApplyForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    reason = forms.CharField(
        label=_("Grund der Änderung"),
        max_length=500,
        error_messages={"required": _("Bitte einen Grund angeben.")},
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Wird bei jedem geänderten oder neuen Datensatz in der Änderungshistorie gespeichert."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("Bitte einen Grund angeben."))
        return reason
