"""Parameters of the portfolio app, with defaults, sources and dates (docs/methods.md)."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.parameters import ParameterSpec

SCORE_THRESHOLD = ParameterSpec(
    key="score_threshold",
    label=_("Schwelle qualitative Bewertung"),
    unit=_("Punkte"),
    default="50",
    source="WiBe-Praxis: häufig genannte Schwelle 50 Punkte (sekundär)",
    as_of=dt.date(2015, 2, 1),
    minimum=0,
    maximum=100,
)

PORTFOLIO_PARAMETERS = (SCORE_THRESHOLD,)
