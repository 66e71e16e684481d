from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from digitalbilanz.finance.models import BudgetFigure, ProductGroup

admin.site.register(ProductGroup, SimpleHistoryAdmin)
admin.site.register(BudgetFigure, SimpleHistoryAdmin)
