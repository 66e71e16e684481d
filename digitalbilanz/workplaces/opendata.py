"""Open-data tables of the workplaces app (registered in ``workplaces/register.py``)."""

from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.permissions import can_edit
from digitalbilanz.registry.tables import Column as C
from digitalbilanz.registry.tables import Filter, Table, Writes, id_column
from digitalbilanz.workplaces.calc import scenario_result
from digitalbilanz.workplaces.forms import SnapshotForm
from digitalbilanz.workplaces.models import WorkplaceScenario, WorkplaceSnapshot

SNAPSHOT_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung des Stands.")),
    C("as_of", "date", _("Stichtag"), _("Tag, auf den sich die Zahlen beziehen.")),
    C(
        "org_unit",
        "string",
        _("Fachbereich"),
        _("Kürzel des Fachbereichs; leer: ganze Verwaltung."),
        lambda s: s.org_unit.code if s.org_unit_id else None,
    ),
    C("headcount", "integer", _("Beschäftigte"), _("Zahl der Beschäftigten.")),
    C("mobile_capable", "integer", _("mobil arbeitsfähig"), _("Beschäftigte, die mobil arbeiten können.")),
    C(
        "mobile_share",
        "number",
        _("Anteil mobil arbeitsfähig"),
        _("mobil arbeitsfähig / Beschäftigte × 100, eine Nachkommastelle."),
        unit="%",
    ),
    C("pending_applications", "integer", _("offene Anträge"), _("Offene Anträge auf mobile Arbeit.")),
    C("notebooks", "integer", _("Notebooks"), _("Zahl der Notebooks.")),
    C("desktops", "integer", _("Stationäre PCs"), _("Zahl der stationären PCs.")),
    C("thin_clients", "integer", _("Thin Clients/IGEL-Sticks"), _("Zahl der Thin Clients und IGEL-Sticks.")),
    C("private_devices", "integer", _("Privatgeräte"), _("Dienstlich genutzte Privatgeräte (BYOD).")),
    C(
        "two_devices",
        "integer",
        _("Beschäftigte mit zwei Geräten"),
        _("Gerätebezogene Lizenzen fallen doppelt an."),
    ),
    C("desks", "integer", _("Büroarbeitsplätze"), _("Zahl der Büroarbeitsplätze.")),
    C("office_space_m2", "number", _("Bürofläche"), _("Bürofläche in m²."), unit="m2"),
    C("source", "string", _("Quelle"), _("Quelle der Zahlen.")),
)


def snapshot_rows(municipality, levels):
    return (
        WorkplaceSnapshot.objects.for_municipality(municipality)
        .with_levels(levels)
        .select_related("org_unit")
    )


def _may_edit_snapshot(user, municipality, snapshot):
    return can_edit(user, municipality, snapshot.org_unit)


SNAPSHOTS = Table(
    "workplace_snapshots",
    _("Arbeitsplätze und mobile Arbeit"),
    _("Beschäftigte, mobile Arbeit, Geräte, Büroarbeitsplätze und Fläche zu Stichtagen."),
    SNAPSHOT_COLUMNS,
    snapshot_rows,
    keywords=(_("Mobile Arbeit"), _("Arbeitsplätze")),
    order=85,
    filters=(Filter("as_of", "date", "as_of", _("Stichtag.")),),
    # Saving a snapshot recomputes the derived lines that read it (``WorkplaceSnapshot.save``).
    writes=Writes(
        SnapshotForm,
        _may_edit_snapshot,
        form_kwargs=lambda user, municipality: {"user": user},
        lookups=(("org_unit", "code"),),
    ),
)


def _figure(name):
    def get(scenario):
        # computed once per row, not once per column
        figures = scenario.__dict__.get("figures_cache") or scenario_result(scenario)
        scenario.__dict__["figures_cache"] = figures
        return None if figures.result is None else getattr(figures.result, name)

    return get


SCENARIO_COLUMNS = (
    id_column(_("Eindeutige, dauerhafte Kennung des Szenarios.")),
    C("snapshot", "integer", _("Stand"), _("Kennung des Arbeitsplatz-Stands."), lambda s: s.snapshot_id),
    C("name", "string", _("Bezeichnung"), _("Name des Szenarios.")),
    C("desk_ratio", "number", _("Arbeitsplatzquote"), _("Arbeitsplätze je Beschäftigtem.")),
    C(
        "space_given_up",
        "boolean",
        _("Fläche aufgegeben"),
        _("Nur dann ist die Einsparung haushaltswirksam."),
    ),
    C(
        "desks_needed",
        "integer",
        _("Arbeitsplätze nötig"),
        _("⌈Beschäftigte × Quote⌉."),
        _figure("desks_needed"),
    ),
    C(
        "desks_freed",
        "integer",
        _("Arbeitsplätze frei"),
        _("max(0, Arbeitsplätze − nötig)."),
        _figure("desks_freed"),
    ),
    C(
        "annual_saving",
        "number",
        _("Einsparung je Jahr"),
        _("frei × (m² je Arbeitsplatz × Miete + raumbezogene Sachkosten)."),
        _figure("annual_saving"),
        unit="EUR",
    ),
    C(
        "annual_extra_cost",
        "number",
        _("Mehrkosten je Jahr"),
        _("Kosten der mobilen Arbeitsplätze je Jahr."),
        _figure("annual_extra_cost"),
        unit="EUR",
    ),
    C(
        "net_per_year",
        "number",
        _("Nettoeffekt je Jahr"),
        _("Einsparung − Mehrkosten."),
        _figure("net_per_year"),
        unit="EUR",
    ),
    C(
        "net_cash_per_year",
        "number",
        _("Nettoeffekt haushaltswirksam"),
        _("Einsparung nur bei aufgegebener Fläche, minus Mehrkosten."),
        _figure("net_cash_per_year"),
        unit="EUR",
    ),
    C("start_year", "integer", _("Erstes Jahr"), _("Erstes Jahr des Szenarios.")),
    C("years", "integer", _("Jahre"), _("Anzahl der Jahre.")),
)


def scenario_rows(municipality, levels):
    rows = WorkplaceScenario.objects.for_municipality(municipality).with_levels(levels)
    return rows.select_related("snapshot", "municipality")


SCENARIOS = Table(
    "workplace_scenarios",
    _("Desksharing-Szenarien"),
    _("Arbeitsplatzquoten mit Einsparung, Mehrkosten und Nettoeffekt je Jahr (Arbeitsplatzmodell)."),
    SCENARIO_COLUMNS,
    scenario_rows,
    keywords=(_("Desksharing"), _("Mobile Arbeit")),
    order=86,
)
