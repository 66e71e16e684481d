from django.db import models

from digitalbilanz.core.models import BulkTenantModel, PublishableModel


class Scenario(PublishableModel):
    """A record of another module from which lines of a measure are derived."""

    name = models.CharField("Bezeichnung", max_length=100)

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"/app/{self.municipality.slug}/testmodul/{self.pk}/"


class CaseCount(BulkTenantModel):
    """Bulk data: case numbers per service and year, written by imports."""

    service = models.CharField("Leistung", max_length=100)
    year = models.PositiveSmallIntegerField("Jahr")
    cases = models.PositiveIntegerField("Fälle")
