"""Parameters of the workplace model (methods §6), with defaults, sources and dates."""

import datetime as dt

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.parameters import ParameterSpec

DESK_RATIO_CAP = ParameterSpec(
    key="wp_desk_ratio_cap",
    label=_("Obergrenze Arbeitsplatzquote"),
    unit=_("Arbeitsplätze je Beschäftigtem"),
    default="0.8",
    source="Freie Hansestadt Bremen: höchstens 0,8 Arbeitsplätze je Beschäftigtem bei neuen Anmietungen",
    as_of=dt.date(2025, 11, 1),
    greater_than=0,
    maximum=2,
)
PEAK_PRESENCE = ParameterSpec(
    key="wp_peak_presence",
    label=_("Spitzenanwesenheit"),
    unit=_("% der Beschäftigten"),
    default="70",
    source="Bundesrechnungshof 2023: Büroarbeitsplätze des Bundes zu 40–70 % belegt (oberer Wert)",
    as_of=dt.date(2023, 1, 1),
    greater_than=0,
    maximum=100,
)
M2_PER_DESK = ParameterSpec(
    key="wp_m2_per_desk",
    label=_("Bürofläche je Arbeitsplatz"),
    unit=_("m²"),
    default="28",
    source="Freie und Hansestadt Hamburg: Zielwert 28 m² Bürofläche je Beschäftigtem (bisher 33 m²)",
    as_of=dt.date(2023, 1, 1),
    minimum=0,
)
RENT_PER_M2 = ParameterSpec(
    key="wp_rent_per_m2_year",
    label=_("Miete je m² und Jahr"),
    unit=_("€/m²"),
    default="150",
    source="Annahme 12,50 €/m² und Monat kalt (Größenordnung Büromiete einer NRW-Großstadt); "
    "keine Primärquelle – die Kommune trägt ihre eigene Miete ein",
    as_of=dt.date(2025, 1, 1),
    minimum=0,
)
ROOM_COST = ParameterSpec(
    key="wp_room_cost_per_desk",
    label=_("Raumbezogene Sachkosten je Arbeitsplatz und Jahr"),
    unit=_("€"),
    default="0",
    source="Kein belastbarer aktueller Wert (Bund 2010/11: 12.365 € Sachkosten je Büroarbeitsplatz, "
    "davon 10.455 € direkt zurechenbar, umfasst mehr als Raumkosten); Standard 0 € (vorsichtig), "
    "aktuellen KGSt-/BMF-Wert eintragen",
    as_of=dt.date(2011, 1, 1),
    minimum=0,
)
ONE_OFF = ParameterSpec(
    key="wp_one_off_per_worker",
    label=_("Einmalkosten je mobilem Arbeitsplatz"),
    unit=_("€"),
    default="971",
    source="Freie und Hansestadt Hamburg, Pilot Telearbeit: rund 971 € einmalig je Heimarbeitsplatz",
    as_of=dt.date(2023, 1, 1),
    minimum=0,
)
EQUIPMENT_ANNUITY = ParameterSpec(
    key="wp_equipment_annuity",
    label=_("Mobile Ausstattung je Arbeitsplatz und Jahr (Annuität und Betrieb)"),
    unit=_("€"),
    default="1830",
    source="Freie und Hansestadt Hamburg, Pilot Telearbeit: rund 1.830 € je Heimarbeitsplatz und Jahr",
    as_of=dt.date(2023, 1, 1),
    minimum=0,
)
REMOTE_ACCESS = ParameterSpec(
    key="wp_remote_access_licence",
    label=_("Fernzugriffslizenz je mobilem Arbeitsplatz und Jahr"),
    unit=_("€"),
    default="0",
    source="Im Hamburger Wert von 1.830 € je Heimarbeitsplatz und Jahr enthalten; eigener Wert nur, "
    "wenn die Kommune Fernzugriff gesondert bezahlt",
    as_of=dt.date(2023, 1, 1),
    minimum=0,
)
DOUBLE_LICENCE = ParameterSpec(
    key="wp_double_licence_fee",
    label=_("Doppelte Lizenzgebühr je mobilem Arbeitsplatz und Jahr"),
    unit=_("€"),
    default="0",
    source="Keine allgemeine Quelle: ergibt sich aus den gerätebezogenen Lizenzverträgen der Kommune "
    "(zweites Gerät je Person); Standard 0 €",
    as_of=dt.date(2023, 9, 13),
    minimum=0,
)

WORKPLACE_PARAMETERS = (
    DESK_RATIO_CAP,
    PEAK_PRESENCE,
    M2_PER_DESK,
    RENT_PER_M2,
    ROOM_COST,
    ONE_OFF,
    EQUIPMENT_ANNUITY,
    REMOTE_ACCESS,
    DOUBLE_LICENCE,
)
