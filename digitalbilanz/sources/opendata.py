"""The open-data table of the source register (registered in ``sources/register.py``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.registry.tables import Column as C
from digitalbilanz.registry.tables import Table, choice_label, id_column
from digitalbilanz.sources.models import Source

COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung der Quelle.")),
    C("key", "string", _("Kürzel"), _("So wird die Quelle in Texten zitiert, z. B. S1 als „[S1]“.")),
    C("kind", "string", _("Art"), _("council_paper, statistic, contract, assumption oder other.")),
    C("kind_label", "string", _("Art (Text)"), _("Die Art als deutscher Text."), choice_label("kind")),
    C("title", "string", _("Titel"), _("Titel der Quelle.")),
    C("reference", "string", _("Fundstelle"), _("z. B. die Nummer der Drucksache.")),
    C("date", "date", _("Datum"), _("Datum der Quelle.")),
    C("url", "string", _("Link"), _("Adresse der Quelle im Netz.")),
)


def source_rows(municipality, levels):
    return Source.objects.for_municipality(municipality).with_levels(levels).order_by("key")


SOURCES = Table(
    "sources",
    _("Quellen"),
    _(
        "Das Quellenverzeichnis: Ratsdokumente, Statistiken, Verträge und Annahmen, auf die Texte mit "
        "Kürzeln wie „[S1]“ verweisen."
    ),
    COLUMNS,
    source_rows,
    keywords=(_("Quellen"), _("Ratsdokumente")),
    order=95,
)
