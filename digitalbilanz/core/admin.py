from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from digitalbilanz.core.models import Membership, Municipality, OrgUnit, Parameter


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "ags", "ars"]
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


@admin.register(Parameter)
class ParameterAdmin(SimpleHistoryAdmin):
    list_display = ["key", "value", "source", "as_of", "municipality"]
    list_filter = ["municipality"]
