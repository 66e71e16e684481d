"""The admin page that starts an OParl import for the municipality's source (synchronously)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.models import ImportRun
from digitalbilanz.core.permissions import can_admin, tenant_view

from .importer import KIND, import_oparl
from .models import OParlSource

SHOWN_PROBLEMS = 200
TYPE_LABELS = {
    "organization": _("Gremien"),
    "meeting": _("Sitzungen"),
    "paper": _("Vorlagen"),
    "consultation": _("Beratungen"),
    "agendaItem": _("Tagesordnungspunkte"),
    "file": _("Dateien"),
}


class SourceForm(forms.Form):
    system_url = forms.URLField(
        label=_("Adresse des OParl-Systems"),
        max_length=1000,
        help_text=_("Das System-Objekt, z. B. https://ris.beispielstadt.de/oparl/v1/system"),
        assume_scheme="https",
    )
    body_id = forms.URLField(
        label=_("Körperschaft (OParl-ID)"),
        max_length=1000,
        required=False,
        help_text=_("leer: die erste Körperschaft des Systems"),
        assume_scheme="https",
    )
    full = forms.BooleanField(
        label=_("alles neu lesen"),
        required=False,
        help_text=_("sonst nur die Änderungen seit dem letzten Abgleich"),
    )


@tenant_view
def oparl_import(request, municipality):
    if not can_admin(request.user, municipality):
        raise PermissionDenied
    source = OParlSource.objects.filter(municipality=municipality).first()
    initial = {"system_url": source.system_url, "body_id": source.body_id} if source else {}
    outcome = None
    if request.method == "POST":
        form = SourceForm(request.POST, initial=initial)
        if form.is_valid():
            data = form.cleaned_data
            outcome = import_oparl(
                municipality,
                data["system_url"],
                body_id=data["body_id"],
                full=data["full"],
                user=request.user,
            )
            source = OParlSource.objects.filter(municipality=municipality).first()
    else:
        form = SourceForm(initial=initial)
    runs = ImportRun.objects.filter(municipality=municipality, kind=KIND).select_related("user")[:10]
    problems = outcome.run.problems if outcome else []
    return render(
        request,
        "oparl/import.html",
        {
            "municipality": municipality,
            "form": form,
            "source": source,
            "outcome": outcome,
            "problems": problems[:SHOWN_PROBLEMS],
            "truncated": len(problems) > SHOWN_PROBLEMS,
            "runs": runs,
            "per_type": [(TYPE_LABELS.get(k, k), c) for k, c in outcome.per_type.items()] if outcome else [],
        },
    )
