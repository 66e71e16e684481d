"""Published report editions of the Leverkusen demo.

Edition 1 (1st half of 2021) is published before the DMS tender forecast is moved; edition 2
(2nd half of 2021) therefore shows the slip (baseline 31.03.2021 → forecast 30.09.2021) with its
reason in the chapter "Änderungen seit der letzten Ausgabe".
"""

from django.contrib.auth import get_user_model

from digitalbilanz.reports import service
from digitalbilanz.reports.models import purge_editions

FIRST, SECOND = "2021-H1", "2021-H2"
AUDIENCES = ("public", "council")
NOTE = (
    "Demo: M-06 (Gigabit-Koordination) hat noch keine Nutzenaussage; die Ratsunterlagen nennen "
    "keine. Der Ausschuss wird im Bericht darauf hingewiesen."
)


def publish_period(municipality, period):
    user = get_user_model().objects.filter(username="redaktion").first()
    for audience in AUDIENCES:
        edition = service.create_draft(municipality, period, audience, user)
        service.publish(edition, user, confirm=True, note=NOTE)


def delete_editions(municipality):
    purge_editions(municipality)
