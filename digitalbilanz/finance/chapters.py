"""The budget chapter of the Digitalisierungsbericht (plan and result per product group and year)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_

from digitalbilanz.finance.models import BudgetFigure
from digitalbilanz.registry import blocks as b
from digitalbilanz.registry.chapters import Chapter


class Budget(Chapter):
    key = "budget"
    title = N_("Haushalt")
    order = 80

    def collect(self, context):
        """Rows of the budget figures the audience may read (a list; empty: no chapter)."""
        rows = BudgetFigure.objects.for_audience(context["municipality"], context["audience"])
        rows = rows.select_related("product_group").order_by("year", "product_group__number", "kind")
        return [
            {
                "product_group": str(f.product_group),
                "year": f.year,
                "kind": str(f.get_kind_display()),
                "amount": float(f.amount),
                "source": f.source,
            }
            for f in rows
        ]

    def blocks(self, snapshot):
        rows = self.section(snapshot)
        return [
            b.table(
                _("Haushaltsansätze und -ergebnisse"),
                _("Haushalt"),
                [
                    (_("Produktgruppe"), "text"),
                    (_("Jahr"), "year"),
                    (_("Art"), "text"),
                    (_("Betrag"), "meur"),
                    (_("Quelle"), "text"),
                ],
                [[r["product_group"], r["year"], r["kind"], r["amount"], r["source"]] for r in rows],
            ),
        ]
