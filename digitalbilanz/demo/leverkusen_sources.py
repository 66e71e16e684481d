"""The source register of the Leverkusen demo: the three public council papers [S1]–[S3].

Titles, references and dates as the papers state them; the June 2021 minutes give no day of the
meeting, so [S1] carries no date. The papers have no stable public address, so no link is stored.
"""

import datetime as dt

from digitalbilanz.core.choices import Visibility
from digitalbilanz.sources.choices import SourceKind
from digitalbilanz.sources.models import Source

REASON = "Demo-Daten: Leverkusen laut Ratsunterlagen 2021–2023"

PAPERS = [
    (
        "S1",
        "Sachstand Digitalisierung bei der Stadt Leverkusen (Bericht von Herrn Beigeordneten Molitor)",
        "Niederschrift Finanz- und Digitalisierungsausschuss, Juni 2021",
        None,
    ),
    (
        "S2",
        "Transparenz und Effizienz der IT-Strategie – Antrag der FDP-Fraktion",
        "Antrag Nr. 2023/2362",
        dt.date(2023, 8, 2),
    ),
    (
        "S3",
        "Transparenz und Effizienz der IT-Strategie – Stellungnahme der Verwaltung",
        "Antrag Nr. 2023/2362, Stellungnahme der Verwaltung",
        dt.date(2023, 9, 13),
    ),
]


def load(municipality):
    for key, title, reference, date in PAPERS:
        source = Source(
            municipality=municipality,
            key=key,
            kind=SourceKind.COUNCIL_PAPER,
            title=title,
            reference=reference,
            date=date,
            visibility=Visibility.PUBLIC,
        )
        source._change_reason = REASON
        source.full_clean()
        source.save()


def delete(municipality):
    Source.objects.filter(municipality=municipality).delete()
