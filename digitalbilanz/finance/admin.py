from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from digitalbilanz.finance.models import BudgetAssignment, BudgetFigure, BudgetStatus, ProductGroup

admin.site.register(ProductGroup, SimpleHistoryAdmin)
admin.site.register(BudgetFigure, SimpleHistoryAdmin)
admin.site.register(BudgetAssignment, SimpleHistoryAdmin)
admin.site.register(BudgetStatus, SimpleHistoryAdmin)
