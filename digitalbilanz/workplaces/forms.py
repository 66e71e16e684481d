"""Forms of the workplaces app: everything is validated before anything is saved."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from digitalbilanz import economics as eco
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.permissions import can_edit
from digitalbilanz.portfolio.forms import TenantForm
from digitalbilanz.workplaces.calc import scenario_inputs
from digitalbilanz.workplaces.models import WorkplaceScenario, WorkplaceSnapshot

# economics input → form field, for the model's own checks
FIELD_OF_INPUT = {"peak_presence": "desk_ratio", "already_costed": "already_costed", "years": "years"}


class SnapshotForm(TenantForm):
    class Meta:
        model = WorkplaceSnapshot
        fields = [
            "as_of",
            "org_unit",
            "headcount",
            "mobile_capable",
            "pending_applications",
            "notebooks",
            "desktops",
            "thin_clients",
            "private_devices",
            "two_devices",
            "desks",
            "office_space_m2",
            "source",
            "visibility",
        ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_org_unit(self):
        """A department-limited editor records snapshots only of their own departments."""
        unit = self.cleaned_data.get("org_unit")
        if self.user is not None and not can_edit(self.user, self.municipality, unit):
            raise ValidationError(_("Bitte wählen Sie einen Ihrer Fachbereiche."))
        return unit

    def clean(self):
        data = super().clean()
        clash = WorkplaceSnapshot.objects.filter(
            municipality=self.municipality, org_unit=data.get("org_unit"), as_of=data.get("as_of")
        ).exclude(pk=self.instance.pk)
        if data.get("as_of") and clash.exists():
            raise ValidationError(_("Für diesen Stichtag und Fachbereich gibt es schon einen Stand."))
        return data


class ScenarioForm(TenantForm):
    class Meta:
        model = WorkplaceScenario
        fields = [
            "name",
            "desk_ratio",
            "space_given_up",
            "start_year",
            "years",
            "measure",
            "already_costed",
            "note",
            "visibility",
        ]

    def __init__(self, *args, snapshot, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.snapshot = snapshot
        self.user = user
        self.previous_measure = self.instance.measure if self.instance.pk else None

    def clean(self):
        data = super().clean()
        measure = data.get("measure")
        if measure is not None and self.user is not None:
            if not can_edit(self.user, self.municipality, measure.lead_department):
                self.add_error("measure", _("Sie dürfen diese Maßnahme nicht bearbeiten."))
        if not self.errors:
            self._check_model()
        return data

    def _check_model(self):
        probe = WorkplaceScenario(
            municipality=self.municipality,
            snapshot=self.instance.snapshot,
            **{n: self.cleaned_data.get(n) for n in ("desk_ratio", "space_given_up", "start_year", "years")},
            already_costed=self.cleaned_data.get("already_costed") or 0,
        )
        try:
            eco.workplace_model(scenario_inputs(probe, ParameterSet.for_municipality(self.municipality)))
        except eco.EconomicsError as exc:
            self.add_error(FIELD_OF_INPUT.get(exc.field), exc.message)
