"""Open-data tables of the services (registered in ``services/register.py``).

* ``services`` — the catalogue with maturity (and its model), solution and end-to-end checklist;
* ``service_cases`` — case numbers per service, period and channel (keyset-paged in the API,
  written in batches through the API: ``Table.batch``).
"""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.registry.tables import Batch, Filter, Table, choice_label, id_column
from digitalbilanz.registry.tables import Column as C
from digitalbilanz.services import batch
from digitalbilanz.services.choices import CHECKLIST, Channel, PeriodKind, ServiceStatus, Solution
from digitalbilanz.services.models import CaseCount, Service


def service_rows(municipality, levels):
    return Service.objects.for_municipality(municipality).with_levels(levels).select_related("department")


def _check(name):
    return lambda s: getattr(s, name)


SERVICE_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung des Online-Dienstes.")),
    C("ozg_id", "string", _("OZG-ID"), _("Kennung der OZG-Leistung (Leistungsbündel).")),
    C("leika_key", "string", _("LeiKa-Schlüssel"), _("14-stelliger Schlüssel des Leistungskatalogs.")),
    C("name", "string", _("Bezeichnung"), _("Name des Dienstes.")),
    C("subject_area", "string", _("Themenfeld"), _("Themenfeld bzw. Zuständigkeitsbereich.")),
    C(
        "department",
        "string",
        _("Fachbereich"),
        _("Kürzel des zuständigen Fachbereichs."),
        lambda s: s.department.code if s.department else None,
    ),
    C("wave", "string", _("Umsetzungswelle"), _("Umsetzungswelle, z. B. „1. Welle Q3/2021“.")),
    C("wave_due", "date", _("Welle fällig bis"), _("Ende der Umsetzungswelle.")),
    C("solution", "string", _("Lösung"), _("Lösung: %(v)s.") % {"v": ", ".join(Solution.values)}),
    C("solution_label", "string", _("Lösung (Text)"), _("Lösung als Text."), choice_label("solution")),
    C(
        "maturity_model",
        "string",
        _("Reifegradmodell"),
        _("Version des Reifegradmodells (1.1: Stufen 0–4; 2.0: Stufen 0–7). Nie über Modelle vergleichen."),
    ),
    C(
        "maturity_level",
        "integer",
        _("Reifegrad"),
        _("Reifegrad im angegebenen Modell (Minimum über die Kriterien)."),
    ),
    C("coverage", "string", _("Abdeckung"), _("Abdeckung wie im OZG-Dashboard."), choice_label("coverage")),
    C("status", "string", _("Status"), _("Status: %(v)s.") % {"v": ", ".join(ServiceStatus.values)}),
    C("url", "string", _("Adresse"), _("Adresse des Online-Dienstes.")),
    *(
        C(
            name,
            "boolean",
            label,
            _("Ende-zu-Ende-Voraussetzung erfüllt: %(l)s.") % {"l": label},
            _check(name),
        )
        for name, label in CHECKLIST
    ),
)

SERVICES = Table(
    "services",
    _("Online-Dienste (OZG)"),
    _(
        "Katalog der Online-Dienste mit Reifegrad (und Modellversion), Lösung und "
        "Ende-zu-Ende-Voraussetzungen."
    ),
    SERVICE_COLUMNS,
    service_rows,
    keywords=(_("OZG"), _("Onlinezugangsgesetz"), _("Online-Dienste")),
    order=60,
    filters=(
        Filter("status", "choice", "status", _("Status des Dienstes."), tuple(ServiceStatus.values)),
        Filter("solution", "choice", "solution", _("Lösung."), tuple(Solution.values)),
    ),
    search=lambda rows, text: rows.filter(name__icontains=text) | rows.filter(ozg_id__icontains=text),
)


def case_rows(municipality, levels):
    return (
        CaseCount.objects.filter(municipality=municipality)
        .with_levels(levels)
        .select_related("service")
        .order_by("pk")
    )


def _case_span(municipality, levels):
    from django.db.models import Max, Min

    span = case_rows(municipality, levels).aggregate(first=Min("period_start"), last=Max("period_start"))
    return span["first"], span["last"]


CASE_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung der Fallzahl.")),
    C("service", "string", _("OZG-ID"), _("OZG-ID des Dienstes."), lambda c: c.service.ozg_id),
    C("period_kind", "string", _("Zeitraum"), _("Art des Zeitraums: month, quarter oder year.")),
    C("period_start", "date", _("Beginn"), _("Erster Tag des Zeitraums.")),
    C("period", "string", _("Zeitraum (Text)"), _("Zeitraum als Text: 03/2024, Q1/2024 oder 2024.")),
    C("channel", "string", _("Kanal"), _("Eingangskanal: %(v)s.") % {"v": ", ".join(Channel.values)}),
    C("cases", "integer", _("Fälle"), _("Zahl der Fälle im Zeitraum auf diesem Kanal.")),
)

SERVICE_CASES = Table(
    "service_cases",
    _("Fallzahlen der Online-Dienste"),
    _("Fallzahlen je Online-Dienst, Zeitraum und Eingangskanal (online, Schalter, Post, E-Mail, Telefon)."),
    CASE_COLUMNS,
    case_rows,
    keywords=(_("OZG"), _("Fallzahlen")),
    temporal=_case_span,
    order=61,
    filters=(
        Filter("service", "string", "service__ozg_id", _("OZG-ID des Dienstes.")),
        Filter("channel", "choice", "channel", _("Kanal."), tuple(Channel.values)),
        Filter("period_kind", "choice", "period_kind", _("Art des Zeitraums."), tuple(PeriodKind.values)),
    ),
    keyset=True,
    batch=Batch(
        write=batch.write_cases,
        may_write=batch.may_write,
        fields=batch.FIELDS,
        schemas=batch.SCHEMAS,
        max_rows=batch.MAX_ROWS,
    ),
)
