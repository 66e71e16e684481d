"""Forms of the portfolio. Every form validates fully before anything is saved."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.forms import VersionedFormMixin
from digitalbilanz.core.history import set_reason
from digitalbilanz.core.models import Municipality, OrgUnit, Parameter
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.templatetags.dbformat import de_number
from digitalbilanz.portfolio import numbering
from digitalbilanz.portfolio.models import (
    Benefit,
    BenefitMeasurement,
    Criterion,
    FieldOfAction,
    Line,
    Measure,
    Milestone,
    Strategy,
    StrategyRevision,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ReasonFormMixin(VersionedFormMixin):
    """Adds an optional 'why' that travels into the change history, and the version check."""

    reason_required = False

    def add_reason_field(self):
        self.add_version_field()
        self.fields["change_reason"] = forms.CharField(
            label=_("Grund der Änderung"),
            required=self.reason_required,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("Wird in der Änderungshistorie gespeichert."),
        )

    def save(self, commit=True):
        instance = super().save(commit=False)
        set_reason(instance, self.cleaned_data.get("change_reason"))
        if commit:
            instance.save()
            self.save_m2m()
        return instance


class TenantForm(ReasonFormMixin, forms.ModelForm):
    """A model form bound to one municipality: choices limited to it, the tenant set on save."""

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.instance.municipality = municipality
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and hasattr(queryset.model, "municipality"):
                field.queryset = queryset.filter(municipality=municipality)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.widget = DATE
        self.add_reason_field()


class StrategyForm(TenantForm):
    class Meta:
        model = Strategy
        fields = [
            "title",
            "kind",
            "version",
            "adopted_on",
            "adopting_decision",
            "parent",
            "summary",
            "visibility",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["parent"].queryset = self.fields["parent"].queryset.exclude(pk=self.instance.pk)


class StrategyRevisionForm(ReasonFormMixin, forms.ModelForm):
    class Meta:
        model = StrategyRevision
        fields = ["decided_on", "title", "decision", "description"]
        widgets = {"decided_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_reason_field()


class FieldOfActionForm(TenantForm):
    class Meta:
        model = FieldOfAction
        fields = ["strategy", "code", "title", "description", "order", "visibility"]


class MeasureForm(TenantForm):
    class Meta:
        model = Measure
        fields = [
            "code",
            "title",
            "description",
            "goals",
            "fields_of_action",
            "lead_department",
            "partners",
            "status",
            "progress",
            "start_date",
            "end_date",
            "baseline_cost",
            "assumptions",
            "visibility",
        ]
        widgets = {
            "fields_of_action": forms.CheckboxSelectMultiple,
            "partners": forms.CheckboxSelectMultiple,
        }

    accept_gap = forms.BooleanField(
        label=_("Lücke in der Nummerierung bewusst zulassen"),
        required=False,
        help_text=_("Nur wenn eine Maßnahme aus der Mitte der Nummernfolge zurückgezogen wird."),
    )

    def __init__(self, *args, allowed_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if allowed_units:
            self.fields["lead_department"].queryset = OrgUnit.objects.filter(
                pk__in=[u.pk for u in allowed_units]
            )
            self.fields["lead_department"].required = True

    def clean_baseline_cost(self):
        value = self.cleaned_data.get("baseline_cost")
        stored = Measure.objects.filter(pk=self.instance.pk).values_list("baseline_cost", flat=True).first()
        if self.instance.pk and stored is not None and value != stored:
            raise ValidationError(
                _(
                    "Der Kostenplan einer Maßnahme ändert sich nur über einen freigegebenen neuen "
                    "Kostenplan (Steuerung → Kostenplan ändern); der ursprüngliche bleibt erhalten."
                )
            )
        return value

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        clash = Measure.objects.filter(municipality=self.municipality, code=code)
        if clash.exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("Diese Nummer ist in der Kommune bereits vergeben."))
        return code

    def clean(self):
        data = super().clean()
        code, visibility = data.get("code"), data.get("visibility")
        if not code or not visibility or data.get("accept_gap"):
            return data
        opened = numbering.new_gaps(self.municipality, self.instance.pk, code, visibility)
        for audience, missing in opened.items():
            who = _("öffentliche") if audience == "public" else _("für den Rat sichtbare")
            self.add_error(
                "code",
                _(
                    "Die %(who)s Nummerierung hätte eine Lücke bei %(gap)s; daran ließe sich "
                    "erkennen, dass es eine nicht sichtbare Maßnahme gibt. Öffentliche Maßnahmen tragen "
                    "die niedrigsten Nummern, für den Rat sichtbare die nächsten, interne die höchsten. "
                    "Wenn die Lücke gewollt ist (eine Maßnahme wird zurückgezogen), bestätigen Sie das "
                    "unten."
                )
                % {"who": who, "gap": ", ".join(missing)},
            )
        return data


class MilestoneForm(TenantForm):
    """Create or edit a milestone; moving the forecast requires a reason (kept in the slip log)."""

    class Meta:
        model = Milestone
        fields = ["title", "baseline_date", "forecast_date", "actual_date", "order", "visibility"]

    # Fields that may stay empty when a record is created (the API's OpenAPI document reads this).
    optional_on_create = ("forecast_date",)

    def __init__(self, *args, measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.measure = measure
        self.original_forecast = self.instance.forecast_date if self.instance.pk else None
        self.fields["change_reason"].label = _("Grund der Änderung (Pflicht bei neuer Prognose)")
        if not self.instance.pk:
            for name in self.optional_on_create:
                self.fields[name].required = False
            self.fields["forecast_date"].help_text = _("Leer lassen: gleich dem Basisplan.")

    def clean(self):
        data = super().clean()
        if not self.instance.pk and not data.get("forecast_date"):
            data["forecast_date"] = data.get("baseline_date")
            self.instance.forecast_date = data["forecast_date"]
        moved = self.instance.pk and data.get("forecast_date") != self.original_forecast
        if moved and not (data.get("change_reason") or "").strip():
            self.add_error("change_reason", _("Eine Änderung der Prognose braucht eine Begründung."))
        if self.instance.pk and "baseline_date" in self.changed_data:
            self.add_error(
                "baseline_date",
                _(
                    "Der Basisplan eines Meilensteins ändert sich nur über einen freigegebenen neuen "
                    "Basisplan (Steuerung → Basisplan ändern); der ursprüngliche bleibt erhalten."
                ),
            )
        return data

    def save(self, commit=True, user=None):
        from digitalbilanz.portfolio.models import ForecastChange

        moved_from = self.original_forecast
        instance = super().save(commit=commit)
        if commit and moved_from and moved_from != instance.forecast_date:
            ForecastChange.objects.create(
                milestone=instance,
                old_date=moved_from,
                new_date=instance.forecast_date,
                reason=self.cleaned_data["change_reason"].strip(),
                changed_by=user if user is not None and user.is_authenticated else None,
            )
        return instance


VISIBILITY_RANK = {"public": 0, "council": 1, "internal": 2}


class MilestonePageForm(MilestoneForm):
    """The app's milestone form: also the milestone it depends on ("after", same measure)."""

    class Meta(MilestoneForm.Meta):
        fields = [*MilestoneForm.Meta.fields, "after"]

    def __init__(self, *args, measure, **kwargs):
        super().__init__(*args, measure=measure, **kwargs)
        others = Milestone.objects.filter(measure=measure)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        self.fields["after"].queryset = others

    def clean_after(self):
        after = self.cleaned_data.get("after")
        if after is None:
            return None
        if after.measure_id != self.instance.measure.pk:
            raise forms.ValidationError(_("Bitte wählen Sie einen Meilenstein derselben Maßnahme."))
        seen, step = set(), after
        while step is not None and step.pk not in seen:
            if self.instance.pk and step.pk == self.instance.pk:
                raise forms.ValidationError(
                    _("„%(m)s“ hängt schon von diesem Meilenstein ab; die Abhängigkeit wäre ein Kreis.")
                    % {"m": after.title}
                )
            seen.add(step.pk)
            step = step.after
        return after

    def clean(self):
        data = super().clean()
        after, visibility = data.get("after"), data.get("visibility")
        if (
            after is not None
            and visibility
            and VISIBILITY_RANK[after.visibility] > VISIBILITY_RANK[visibility]
        ):
            self.add_error(
                "after",
                _(
                    "„%(m)s“ ist strenger sichtbar als dieser Meilenstein; wer diesen liest, dürfte "
                    "nicht sehen, wovon er abhängt."
                )
                % {"m": after.title},
            )
        return data


class LineForm(TenantForm):
    class Meta:
        model = Line
        fields = [
            "kind",
            "group",
            "category",
            "budget_relevant",
            "year",
            "label",
            "amount",
            "hours",
            "career_level",
            "low",
            "high",
            "risk_surcharge",
            "note",
            "visibility",
            "public_totals",
        ]

    def __init__(self, *args, measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure
        self.instance.measure = measure
        self.fields["amount"].help_text = _("Entweder Betrag in € oder Stunden angeben.")
        self.fields["hours"].help_text = _(
            "Stunden werden mit dem Lohnsatz der Laufbahngruppe zuzüglich Gemeinkosten bewertet."
        )
        self.fields["note"].widget.attrs["rows"] = 3
        if not self.instance.pk and measure.start_date:
            self.initial.setdefault("year", measure.start_date.year)

    def clean(self):
        data = super().clean()
        if self.instance.pk and (reason := self.instance.read_only_reason()):
            raise ValidationError(reason)
        year = data.get("year")
        if year:
            self._check_horizon(year)
        return data

    def _check_horizon(self, year):
        horizon = ParameterSet.for_municipality(self.municipality).horizon
        others = [line.year for line in self.measure.lines.exclude(pk=self.instance.pk)]
        if self.measure.start_date:
            first = self.measure.start_date.year
        else:
            first = min(others + [year])
        last = first + horizon - 1
        years = others + [year]
        if year < first or max(years) > last or min(years) < first:
            self.add_error(
                "year",
                _(
                    "Das Jahr %(year)s liegt außerhalb des Betrachtungszeitraums %(first)s–%(last)s "
                    "(%(horizon)s Jahre ab Beginn der Maßnahme)."
                )
                % {"year": year, "first": first, "last": last, "horizon": horizon},
            )


class BaseCriterionFormSet(BaseInlineFormSet):
    """Weights of each module (Q, E) must add up to 100 %."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        totals: dict[str, Decimal] = {}
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            module = form.cleaned_data["module"]
            totals[module] = totals.get(module, Decimal(0)) + form.cleaned_data["weight"]
        for module, total in sorted(totals.items()):
            if total != Decimal(100):
                raise ValidationError(
                    _("Die Gewichte des Moduls %(module)s ergeben %(total)s %% statt 100 %%.")
                    % {"module": module, "total": f"{total:.2f}".replace(".", ",")}
                )


class CriterionForm(VersionedFormMixin, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_version_field()


CriterionFormSet = inlineformset_factory(
    Measure,
    Criterion,
    form=CriterionForm,
    formset=BaseCriterionFormSet,
    fields=["module", "label", "weight", "score", "rationale"],
    extra=2,
    can_delete=True,
)


class BenefitForm(TenantForm):
    class Meta:
        model = Benefit
        fields = [
            "number",
            "category",
            "description",
            "owner",
            "kpi",
            "unit",
            "data_source",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "milestone",
            "visibility",
        ]

    def __init__(self, *args, measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.measure = measure
        self.fields["milestone"].queryset = measure.milestones.all()

    def clean(self):
        data = super().clean()
        if self.instance.pk:
            stored = Benefit.objects.filter(pk=self.instance.pk).values("target_value", "target_date").first()
            for name in ("target_value", "target_date"):
                if stored and name in data and data[name] != stored[name]:
                    self.add_error(
                        name,
                        _(
                            "Das Ziel eines Nutzens ändert sich nur über ein freigegebenes neues "
                            "Nutzenziel (Steuerung → Ziel ändern); das ursprüngliche bleibt erhalten."
                        ),
                    )
        return data


class MeasurementForm(ReasonFormMixin, forms.ModelForm):
    class Meta:
        model = BenefitMeasurement
        fields = ["measured_on", "value", "note"]
        widgets = {"measured_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_reason_field()


class MunicipalityForm(ReasonFormMixin, forms.ModelForm):
    """The municipality's master data an administrator keeps: keys, inhabitants, how public
    figures treat non-public lines, and the opt-in to the comparison between municipalities."""

    class Meta:
        model = Municipality
        fields = [
            "kind",
            "ags",
            "ars",
            "state",
            "website",
            "public_figures",
            "inhabitants",
            "inhabitants_as_of",
            "inhabitants_source",
            "comparison_opt_in",
        ]
        widgets = {"inhabitants_as_of": DATE, "public_figures": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ags"].help_text = _("8 Ziffern, z. B. 05316000 für Leverkusen.")
        self.fields["ars"].help_text = _("12 Ziffern, z. B. 053160000000.")
        self.add_reason_field()


class ParameterForm(ReasonFormMixin, forms.ModelForm):
    """The municipality's own value of one registered parameter; the spec names unit and rule."""

    class Meta:
        model = Parameter
        fields = ["value", "source", "as_of", "note"]
        widgets = {"as_of": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        spec = self.instance.spec
        self.fields["value"].help_text = _(
            "Einheit: %(unit)s; erlaubt: %(rule)s. Standardwert: %(default)s."
        ) % {"unit": spec.unit, "rule": spec.rule(), "default": de_number(spec.default, 2)}
        self.fields["source"].help_text = _(
            "Woher stammt der Wert (z. B. Ratsbeschluss, Tarifvertrag, eigene Erhebung)?"
        )
        self.fields["note"].help_text = _(
            "Wert, Quelle, Stand und Anmerkung werden veröffentlicht (Offene Daten, Tabelle "
            "„parameters“), damit jede Kennzahl nachgerechnet werden kann."
        )
        self.add_reason_field()
