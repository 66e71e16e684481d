from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from digitalbilanz.portal.models import AccessibilityFeedback, KnownBarrier, PortalSettings


@admin.register(PortalSettings)
class PortalSettingsAdmin(SimpleHistoryAdmin):
    list_display = ["municipality", "publisher", "conformance", "reviewed_on"]


@admin.register(KnownBarrier)
class KnownBarrierAdmin(SimpleHistoryAdmin):
    list_display = ["title", "area", "criterion", "municipality", "order"]
    list_filter = ["municipality", "area"]


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "municipality", "page", "answered"]
    list_filter = ["municipality", "answered"]
    readonly_fields = ["municipality", "page", "message", "name", "email", "created_at"]
