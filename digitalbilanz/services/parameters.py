"""Parameters of the services module (registered in ``services/register.py``).

Wage rates, overhead and hours per person-year come from core (``core/defaults.py``).
"""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.parameters import ParameterSpec

TARGET_SHARES = "services_target_shares"
TARGET_SHARE = ParameterSpec(
    key=TARGET_SHARES,
    label=_("Ziel-Online-Anteil für die Projektion"),
    unit="%",
    default="50",
    source="Planungswert zur Projektion der Online-Dienste (keine amtliche Vorgabe; "
    "die Kommune legt ihren Zielwert fest). Bezug: NKR/Fraunhofer FOKUS, rund ein Drittel "
    "Einsparpotenzial bei den 60 meistgenutzten Leistungen (Methoden §5)",
    as_of=dt.date(2025, 1, 1),
    minimum=0,
    maximum=100,
)
