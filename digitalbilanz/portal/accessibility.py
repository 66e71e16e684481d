"""The accessibility statement as data: legal basis and enforcement body by state, the product's
known barriers that prefill each municipality's list, and the statement's scope.

Public bodies of the federal government fall under the BGG and BITV 2.0; a municipality falls
under the law of its state (in North Rhine-Westphalia the BGG NRW and its ordinance BITV NRW), and its
statement must name that state's enforcement or conciliation body (EU directive 2016/2102,
implementing decision (EU) 2018/1523: model accessibility statement).

Only the federal and the North Rhine-Westphalian entries carry a complete contact; for the other
states the table names the law and the kind of body, and the portal settings hold the contact
(``PortalSettings.enforcement_body``), which the statement shows instead when it is filled.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class LegalBasis:
    law: str  # the law and ordinance the statement refers to
    body: str  # the enforcement or conciliation body
    address: str = ""
    phone: str = ""
    email: str = ""
    url: str = ""
    procedure: str = ""
    complete: bool = False  # True: contact data given here; False: to be filled in the settings


FEDERAL = LegalBasis(
    law="Behindertengleichstellungsgesetz (BGG) und Barrierefreie-Informationstechnik-Verordnung (BITV 2.0)",
    body="Schlichtungsstelle nach § 16 BGG bei dem Beauftragten der Bundesregierung für die Belange "
    "von Menschen mit Behinderungen",
    address="Mauerstraße 53, 10117 Berlin",
    phone="030 18 527-2805",
    email="info@schlichtungsstelle-bgg.de",
    url="https://www.schlichtungsstelle-bgg.de",
    procedure="Das Schlichtungsverfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand. Ziel ist "
    "eine außergerichtliche Einigung mit der öffentlichen Stelle.",
    complete=True,
)

NRW = LegalBasis(
    law="Behindertengleichstellungsgesetz Nordrhein-Westfalen (BGG NRW) und Barrierefreie-"
    "Informationstechnik-Verordnung Nordrhein-Westfalen (BITV NRW)",
    body="Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen bei der "
    "Beauftragten der Landesregierung für Menschen mit Behinderung",
    address="Fürstenwall 25, 40219 Düsseldorf",
    email="ombudsstelle-barrierefreie-it@mags.nrw.de",
    url="https://www.lbbp.nrw.de/ombudsstelle",
    procedure="Wenn Sie auf Ihre Rückmeldung an uns keine oder keine zufriedenstellende Antwort "
    "erhalten, können Sie ein Ombudsverfahren beantragen (§§ 10d, 10e BGG NRW, §§ 9 ff. BITV NRW): "
    "mit dem Antragsformular der Ombudsstelle per E-Mail oder per Post. Die Ombudsstelle ermittelt "
    "mit allen Beteiligten, warum ein Inhalt nicht barrierefrei ist, damit er behoben wird; das "
    "Verfahren ist kostenlos und Sie brauchen keinen Rechtsbeistand.",
    complete=True,
)


def _state(state, law):
    return LegalBasis(law=law, body=f"Durchsetzungs- bzw. Schlichtungsstelle des Landes {state}")


# Keyed by the state as stored in Municipality.state; "" (no state) means a federal body.
BY_STATE = {
    "": FEDERAL,
    "Bund": FEDERAL,
    "Nordrhein-Westfalen": NRW,
    "Baden-Württemberg": _state("Baden-Württemberg", "Landes-Behindertengleichstellungsgesetz (L-BGG)"),
    "Bayern": _state(
        "Bayern",
        "Bayerisches Behindertengleichstellungsgesetz (BayBGG) und Bayerische Barrierefreie "
        "Informationstechnik-Verordnung (BayBITV)",
    ),
    "Berlin": _state("Berlin", "Barrierefreie-IKT-Gesetz Berlin (BIKTG Bln)"),
    "Brandenburg": _state("Brandenburg", "Brandenburgisches Behindertengleichstellungsgesetz (BbgBGG)"),
    "Bremen": _state("Bremen", "Bremisches Behindertengleichstellungsgesetz (BremBGG)"),
    "Hamburg": _state("Hamburg", "Hamburgisches Behindertengleichstellungsgesetz (HmbBGG)"),
    "Hessen": _state("Hessen", "Hessisches Behinderten-Gleichstellungsgesetz (HessBGG)"),
    "Mecklenburg-Vorpommern": _state(
        "Mecklenburg-Vorpommern", "Landesbehindertengleichstellungsgesetz (LBGG M-V)"
    ),
    "Niedersachsen": _state("Niedersachsen", "Niedersächsisches Behindertengleichstellungsgesetz (NBGG)"),
    "Rheinland-Pfalz": _state("Rheinland-Pfalz", "Landesinklusionsgesetz Rheinland-Pfalz"),
    "Saarland": _state("Saarland", "Saarländisches Behindertengleichstellungsgesetz (SBGG)"),
    "Sachsen": _state("Sachsen", "Barrierefreie-Websites-Gesetz Sachsen (BfWebG)"),
    "Sachsen-Anhalt": _state("Sachsen-Anhalt", "Behindertengleichstellungsgesetz Sachsen-Anhalt (BGG LSA)"),
    "Schleswig-Holstein": LegalBasis(
        law="Landesbehindertengleichstellungsgesetz Schleswig-Holstein (LBGG)",
        body="Beschwerdestelle für barrierefreie Informationstechnik bei der Landesbeauftragten für "
        "Menschen mit Behinderung",
    ),
    "Thüringen": _state(
        "Thüringen",
        "Thüringer Gesetz zur Inklusion und Gleichstellung von Menschen mit Behinderungen (ThürGIG)",
    ),
}


def legal_basis(state: str) -> LegalBasis:
    """The law and enforcement body for a municipality of ``state`` (federal if unknown)."""
    return BY_STATE.get((state or "").strip(), FEDERAL)


class Area:
    PORTAL, APP, EDITIONS, DATA = "portal", "app", "editions", "data"
    CHOICES = [
        (PORTAL, _("Öffentliches Portal")),
        (APP, _("Anwendung für die Verwaltung")),
        (EDITIONS, _("Berichte (PDF, HTML, Excel)")),
        (DATA, _("Offene Daten und Programmierschnittstelle")),
    ]


# What the product itself cannot yet do: every municipality's list starts with these and can be
# edited (an entry removed once the municipality has dealt with it, or its own added).
PRODUCT_BARRIERS = [
    {
        "area": Area.EDITIONS,
        "title": "Ältere Berichtsausgaben",
        "criterion": "1.3.1",
        "description": "Veröffentlichte Ausgaben werden nie nachträglich geändert. In PDF-Dateien älterer "
        "Ausgaben können den Tabellen Beschriftungen und Zeilenüberschriften fehlen.",
        "alternative": "Jede Ausgabe gibt es auch als HTML-Datei mit vollständigen Tabellen.",
    },
    {
        "area": Area.EDITIONS,
        "title": "Excel-Arbeitsmappen",
        "criterion": "1.3.1",
        "description": "Die Excel-Dateien der Berichte sind nicht mit einem Prüfwerkzeug für "
        "barrierefreie Tabellenkalkulation geprüft.",
        "alternative": "Dieselben Tabellen stehen in der HTML- und der PDF-Ausgabe.",
    },
    {
        "area": Area.PORTAL,
        "title": "Diagramme",
        "criterion": "1.1.1",
        "description": "Diagramme sind Grafiken mit Textalternative; einzelne Werte lassen sich im "
        "Diagramm nicht mit der Tastatur ansteuern.",
        "alternative": "Neben jedem Diagramm steht eine Tabelle mit denselben Werten.",
    },
    {
        "area": Area.PORTAL,
        "title": "Texte der Verwaltung",
        "criterion": "3.1.5",
        "description": "Beschreibungen von Maßnahmen schreibt die Verwaltung; sie sind nicht in "
        "Leichter Sprache verfasst.",
        "alternative": "Die Seite „Leichte Sprache“ erklärt, was das Portal zeigt.",
    },
    {
        "area": Area.APP,
        "title": "Bewertungsformular (Kriterien)",
        "criterion": "3.3.1",
        "description": "Im Formular der qualitativen Bewertung stehen Fehlermeldungen in der Tabelle "
        "bei den Zeilen; eine Zusammenfassung mit Links zu den Feldern fehlt dort.",
        "alternative": "Die Meldungen stehen direkt neben den betroffenen Feldern.",
    },
    {
        "area": Area.DATA,
        "title": "Dokumentation der Programmierschnittstelle",
        "criterion": "3.1.5",
        "description": "Die API-Dokumentation richtet sich an Fachleute und verwendet Fachbegriffe.",
        "alternative": "Dieselben Daten gibt es als CSV- und Excel-Dateien auf der Seite „Offene Daten“.",
    },
]


def default_scope(municipality) -> str:
    return (
        f"Diese Erklärung gilt für das öffentliche Portal unter /{municipality.slug}/, die Anwendung "
        f"der Verwaltung unter /app/{municipality.slug}/, die dort veröffentlichten Berichte (PDF, "
        "HTML und Excel) sowie die Dateien der offenen Daten und die Programmierschnittstelle."
    )
