"""Forms of the council app: mandates and measure–paper links, each with a reason for the change."""

from django import forms
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.visibility import levels_for, stricter
from digitalbilanz.portfolio.forms import TenantForm
from digitalbilanz.portfolio.models import Measure

from .models import AgendaItem, Mandate, Paper, PaperLink


class MandateForm(TenantForm):
    reason_required = True

    class Meta:
        model = Mandate
        fields = [
            "paper",
            "agenda_item",
            "label",
            "text",
            "due_date",
            "owner",
            "owner_text",
            "status",
            "measures",
            "chapter_key",
            "note",
            "visibility",
        ]
        widgets = {"measures": forms.CheckboxSelectMultiple, "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        levels = levels_for(user, self.municipality)
        self.fields["paper"].queryset = Paper.objects.for_municipality(self.municipality).with_levels(levels)
        self.fields["agenda_item"].queryset = (
            AgendaItem.objects.for_municipality(self.municipality)
            .with_levels(levels)
            .select_related("meeting")
        )
        self.fields["measures"].queryset = Measure.objects.visible_to(user, self.municipality)

    def clean(self):
        cleaned = super().clean()
        paper, item = cleaned.get("paper"), cleaned.get("agenda_item")
        if not paper and not item and "paper" not in self.errors:
            self.add_error("paper", _("Bitte wählen Sie eine Vorlage oder einen Tagesordnungspunkt."))
        visibility = cleaned.get("visibility")
        if visibility:
            sources = [v for v in (paper and paper.visibility, item and item.visibility) if v]
            if sources and stricter(visibility, *sources) != visibility:
                self.add_error(
                    "visibility",
                    _(
                        "Der Auftrag darf nicht öffentlicher sein als seine Vorlage "
                        "oder sein Tagesordnungspunkt."
                    ),
                )
        return cleaned


class PaperLinkForm(TenantForm):
    reason_required = True

    class Meta:
        model = PaperLink
        fields = ["measure", "role", "note", "visibility"]

    def __init__(self, *args, user, paper, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.paper = paper
        self.fields["measure"].queryset = Measure.objects.visible_to(user, self.municipality)

    def clean(self):
        cleaned = super().clean()
        measure, role = cleaned.get("measure"), cleaned.get("role")
        if measure and role:
            exists = PaperLink.objects.filter(measure=measure, paper=self.instance.paper, role=role)
            if self.instance.pk:
                exists = exists.exclude(pk=self.instance.pk)
            if exists.exists():
                self.add_error("measure", _("Diese Maßnahme ist mit der Vorlage bereits so verknüpft."))
        return cleaned
