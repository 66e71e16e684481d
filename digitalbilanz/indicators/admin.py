from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from digitalbilanz.indicators.models import Indicator, Limit, Observation

admin.site.register(Indicator, SimpleHistoryAdmin)
admin.site.register(Observation, SimpleHistoryAdmin)
admin.site.register(Limit, SimpleHistoryAdmin)
