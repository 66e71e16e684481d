from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from digitalbilanz.api.models import ApiKey


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "prefix",
        "municipality",
        "user",
        "read_write",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["municipality", "read_write"]
    readonly_fields = ["prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # keys are issued with `digitalbilanz manage apikey create` (shown once)

    @admin.action(description=_("Ausgewählte Schlüssel widerrufen"))
    def revoke(self, request, queryset):
        for key in queryset.active():
            key.revoke()
        messages.success(request, _("Schlüssel widerrufen."))
