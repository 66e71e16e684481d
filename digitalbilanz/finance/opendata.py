"""The budget's open-data table (registered in ``finance/register.py``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.finance.models import BudgetFigure
from digitalbilanz.registry.tables import Column as C
from digitalbilanz.registry.tables import Filter, Table, id_column, year_span

BUDGET_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung der Haushaltszahl.")),
    C(
        "product_group",
        "string",
        _("Produktgruppe"),
        _("NKF-Produktgruppe (4 Ziffern)."),
        lambda b: b.product_group.number,
    ),
    C(
        "product_group_name",
        "string",
        _("Produktgruppe (Name)"),
        _("Bezeichnung der Produktgruppe."),
        lambda b: b.product_group.name,
    ),
    C("year", "integer", _("Haushaltsjahr"), _("Haushaltsjahr.")),
    C("kind", "string", _("Art"), _("plan (Ansatz) oder actual (Ergebnis).")),
    C("amount", "number", _("Betrag"), _("Betrag in Euro."), unit="EUR"),
    C("source", "string", _("Quelle"), _("Quelle der Zahl (Haushaltsplan, Jahresabschluss).")),
)
BUDGET_FILTERS = (
    Filter("year", "integer", "year", _("Haushaltsjahr.")),
    Filter("kind", "choice", "kind", _("plan oder actual."), tuple(BudgetFigure.Kind.values)),
)


def budget_rows(municipality, levels):
    return (
        BudgetFigure.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("product_group")
    )


BUDGET = Table(
    "budget",
    _("Haushalt der Digitalisierung"),
    _("Haushaltsansätze und -ergebnisse der Produktgruppen der Digitalisierung."),
    BUDGET_COLUMNS,
    budget_rows,
    keywords=(_("Haushalt"),),
    temporal=lambda m, levels: year_span(BudgetFigure.objects.for_municipality(m).with_levels(levels)),
    order=80,
    filters=BUDGET_FILTERS,
)
