from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from digitalbilanz.workplaces.models import WorkplaceScenario, WorkplaceSnapshot

admin.site.register(WorkplaceSnapshot, SimpleHistoryAdmin)
admin.site.register(WorkplaceScenario, SimpleHistoryAdmin)
