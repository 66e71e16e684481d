from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from digitalbilanz.portfolio import models

for model in (
    models.Strategy,
    models.StrategyRevision,
    models.FieldOfAction,
    models.Measure,
    models.Milestone,
    models.Line,
    models.Criterion,
    models.Benefit,
    models.BenefitMeasurement,
):
    admin.site.register(model, SimpleHistoryAdmin)
admin.site.register(models.ForecastChange)
