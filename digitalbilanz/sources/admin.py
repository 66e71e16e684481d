from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from digitalbilanz.sources.models import Source


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ("key", "title", "kind", "municipality", "visibility")
    list_filter = ("municipality", "kind", "visibility")
