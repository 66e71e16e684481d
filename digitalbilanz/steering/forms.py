"""Forms of the steering app: a rating needs a reason and is only for the current period."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.permissions import can_admin
from digitalbilanz.portfolio.forms import TenantForm
from digitalbilanz.steering import calc, periods
from digitalbilanz.steering.models import (
    Approval,
    BenefitRebaseline,
    CostRebaseline,
    FollowUpReview,
    Rating,
    Rebaseline,
    Review,
    SuccessCheck,
)
from digitalbilanz.steering.parameters import SUCCESS_CHECK_MONTHS


class RatingForm(TenantForm):
    """The owner's rating of the current report period; the computed part is filled on validation."""

    class Meta:
        model = Rating
        fields = ["period", "owner_rating", "owner_reason", "visibility"]
        widgets = {"owner_reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, measure, today=None, **kwargs):
        self.measure = measure
        self.today = today or dt.date.today()
        super().__init__(*args, **kwargs)
        self.fields["period"].initial = periods.period_of(self.today)
        self.fields["owner_reason"].required = True
        self.fields["owner_reason"].error_messages["required"] = _(
            "Die eigene Einschätzung braucht eine Begründung."
        )
        self.fields["owner_rating"].help_text = _(
            "Ihre Einschätzung auf derselben Skala. Veröffentlicht wird die schlechtere von berechneter "
            "und eigener Bewertung."
        )
        if not self.instance.pk:
            self.fields["visibility"].initial = measure.visibility

    def clean_period(self):
        period = self.cleaned_data["period"]
        current = periods.period_of(self.today)
        if period != current:
            raise ValidationError(
                _("Bewertet wird nur der laufende Berichtszeitraum (%(p)s), nicht %(o)s.")
                % {"p": periods.label(current), "o": period}
            )
        return period

    def clean(self):
        data = super().clean()
        try:
            calc.fill(self.instance, self.measure, self.today)
        except ValidationError as exc:
            raise ValidationError(exc.messages) from None
        return data

    def save(self, commit=True):
        if not self.cleaned_data.get("change_reason"):
            self.cleaned_data["change_reason"] = self.cleaned_data.get("owner_reason")
        return super().save(commit)


class FollowUpForm(TenantForm):
    """The options paper of a follow-up review and the council's decision."""

    class Meta:
        model = FollowUpReview
        fields = ["causes", "option_continue", "option_rescope", "option_stop", "decision", "decided_on"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in ("causes", "option_continue", "option_rescope", "option_stop")
        }


class ReviewForm(forms.Form):
    """One click: „unverändert geprüft“."""

    confirm = forms.BooleanField(widget=forms.HiddenInput, initial=True)


class ApprovalFormMixin:
    """Reason and approval of a new baseline: the administration approves as itself, otherwise
    the council resolution is named."""

    def setup_approval(self, user, visibility):
        self.user = user
        self.fields["reason"].required = True
        self.fields["reason"].error_messages["required"] = _("Ein neuer Basisplan braucht eine Begründung.")
        self.fields["approved_on"].initial = dt.date.today()
        self.fields["visibility"].initial = visibility

    def clean(self):
        data = super().clean()
        if data.get("approval") == Approval.REVIEWER:
            if can_admin(self.user, self.municipality):
                self.instance.approved_by = self.user
            else:
                self.add_error(
                    "approval",
                    _(
                        "Nur die Administration kann einen neuen Basisplan freigeben; sonst bitte den "
                        "Ratsbeschluss angeben."
                    ),
                )
        return data


APPROVAL_FIELDS = ["reason", "approval", "resolution", "approved_on", "visibility"]


class RebaselineForm(ApprovalFormMixin, TenantForm):
    """A new baseline for a milestone: reason and approval (administration or council resolution)."""

    class Meta:
        model = Rebaseline
        fields = ["new_date", *APPROVAL_FIELDS]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, milestone, user, **kwargs):
        self.milestone = milestone
        super().__init__(*args, **kwargs)
        earlier = Rebaseline.objects.filter(milestone=milestone).order_by("approved_on", "pk").first()
        self.instance.milestone = milestone
        self.instance.original_date = earlier.original_date if earlier else milestone.baseline_date
        self.instance.old_date = milestone.baseline_date
        self.setup_approval(user, milestone.visibility)

    def apply(self):
        return self.milestone, {"baseline_date": self.instance.new_date}


class CostRebaselineForm(ApprovalFormMixin, TenantForm):
    """A new cost baseline for a measure („Kosten laut Planungsstand“), the original kept."""

    class Meta:
        model = CostRebaseline
        fields = ["new_cost", *APPROVAL_FIELDS]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, measure, user, **kwargs):
        self.measure = measure
        super().__init__(*args, **kwargs)
        earlier = CostRebaseline.objects.filter(measure=measure).order_by("approved_on", "pk").first()
        self.instance.measure = measure
        self.instance.original_cost = earlier.original_cost if earlier else measure.baseline_cost
        self.instance.old_cost = measure.baseline_cost
        self.setup_approval(user, measure.visibility)

    def clean(self):
        if self.measure.baseline_cost is None:
            raise ValidationError(
                _("Die Maßnahme hat noch keinen Kostenplan; er wird bei der Maßnahme erfasst.")
            )
        return super().clean()

    def apply(self):
        return self.measure, {"baseline_cost": self.instance.new_cost}


class BenefitRebaselineForm(ApprovalFormMixin, TenantForm):
    """A new target (value and/or date) for a benefit, the original kept."""

    class Meta:
        model = BenefitRebaseline
        fields = ["new_target_value", "new_target_date", *APPROVAL_FIELDS]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, benefit, user, **kwargs):
        self.benefit = benefit
        super().__init__(*args, **kwargs)
        earlier = BenefitRebaseline.objects.filter(benefit=benefit).order_by("approved_on", "pk").first()
        self.instance.benefit = benefit
        self.instance.original_target_value = (
            earlier.original_target_value if earlier else benefit.target_value
        )
        self.instance.original_target_date = earlier.original_target_date if earlier else benefit.target_date
        self.instance.old_target_value = benefit.target_value
        self.instance.old_target_date = benefit.target_date
        self.fields["new_target_value"].initial = benefit.target_value
        self.fields["new_target_date"].initial = benefit.target_date
        self.setup_approval(user, benefit.visibility)

    def apply(self):
        return self.benefit, {
            "target_value": self.instance.new_target_value,
            "target_date": self.instance.new_target_date,
        }


class SuccessCheckForm(TenantForm):
    """The success check of one benefit after go-live; its due date follows from the parameter."""

    class Meta:
        model = SuccessCheck
        fields = [
            "benefit",
            "benefit_owner",
            "go_live",
            "closure_statement",
            "checked_on",
            "measured_value",
            "result",
            "reason",
            "visibility",
        ]
        widgets = {
            "closure_statement": forms.Textarea(attrs={"rows": 3}),
            "reason": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, measure, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.measure = measure
        self.fields["benefit"].queryset = self.fields["benefit"].queryset.filter(measure=measure)
        if not self.instance.pk:
            self.fields["visibility"].initial = measure.visibility

    def clean(self):
        data = super().clean()
        if data.get("go_live"):
            months = int(ParameterSet.for_municipality(self.municipality).number(SUCCESS_CHECK_MONTHS.key))
            self.instance.due_date = periods.add_months(data["go_live"], months)
        return data


class ApiRatingForm(RatingForm):
    """The owner's rating through the API (table ``delivery_confidence``): the same rules as the
    page — a reason, the current period only — and the same consequences (follow-up review if
    red, the measure counts as reviewed)."""

    def save(self, commit=True, user=None):
        from digitalbilanz.steering import calc

        self.instance.rated_by = user if user is not None and user.is_authenticated else None
        rating = super().save(commit)
        if commit:
            calc.after_rating(rating, user, self.today)
        return rating


class ApiReviewForm(TenantForm):
    """„unverändert geprüft“ through the API (table ``reviews``): naming the measure is enough."""

    class Meta:
        model = Review
        fields = []

    def __init__(self, *args, measure, today=None, **kwargs):
        self.measure = measure
        self.today = today or dt.date.today()
        super().__init__(*args, **kwargs)
        self.instance.measure = measure
        if self.instance.pk is None:
            self.instance.reviewed_on = self.today
            self.instance.visibility = measure.visibility

    def clean(self):
        data = super().clean()
        if self.instance.pk is not None:
            raise ValidationError(
                _("Ein Prüfvermerk wird nicht geändert; bitte die Maßnahme erneut als geprüft bestätigen.")
            )
        return data

    def save(self, commit=True, user=None):
        self.instance.reviewed_by = user if user is not None and user.is_authenticated else None
        self.instance.note = _("unverändert geprüft")
        if not self.cleaned_data.get("change_reason"):
            self.cleaned_data["change_reason"] = str(_("unverändert geprüft"))
        return super().save(commit)
