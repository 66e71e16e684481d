"""The public contracts page (a portal section, registered in ``register.py``): public contracts,
with their money only where the value rows are public too."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from digitalbilanz.contracts import calc
from digitalbilanz.contracts.models import Contract
from digitalbilanz.core.visibility import levels_for_audience
from digitalbilanz.registry.portal import Page, Section


def contracts(request, municipality):
    today = dt.date.today()
    years = calc.default_years(today)
    levels = levels_for_audience("public")
    rows = calc.figures(
        Contract.objects.for_audience(municipality, "public"), municipality, levels, today, years
    )
    return Page(
        "contracts/public.html",
        {"rows": rows, "totals": calc.totals(rows, years), "today": today},
    )


# Always listed (an empty page says so): a per-page "is there public data?" query would
# cost every portal page a query.
SECTION = Section("contracts", _("Verträge"), order=64, path="vertraege/", view=contracts)
