from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from digitalbilanz.contracts.models import Contract, ContractValue

admin.site.register(Contract, SimpleHistoryAdmin)
admin.site.register(ContractValue, SimpleHistoryAdmin)
