from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from digitalbilanz.core.models import Membership, Municipality, OrgUnit, Parameter
from digitalbilanz.core.parameters import parameter_specs


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "kind", "state", "ags", "inhabitants", "comparison_opt_in"]
    list_filter = ["comparison_opt_in", "state", "kind"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(OrgUnit)
class OrgUnitAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "municipality"]
    list_filter = ["municipality", "kind"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "municipality", "role"]
    list_filter = ["municipality", "role"]
    filter_horizontal = ["org_units"]


def _registered_keys():
    return [(spec.key, spec.title) for spec in parameter_specs()]


class ParameterAdminForm(forms.ModelForm):
    key = forms.ChoiceField(label=Parameter._meta.get_field("key").verbose_name, choices=_registered_keys)


@admin.register(Parameter)
class ParameterAdmin(SimpleHistoryAdmin):
    form = ParameterAdminForm
    list_display = ["key", "value", "source", "as_of", "municipality"]
    list_filter = ["municipality"]
