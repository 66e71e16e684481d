"""Workplaces, mobile work and desk sharing (methods §6).

Sets the cost of mobile (home-office) workplaces against the saving of office
desks no longer needed (council motion 2023/2362, point 3):

* desks needed = ceil(staff in scope × peak presence × (1 + buffer));
* desk ratio = desks needed / staff in scope (flagged above a cap such as
  Bremen's 0.8 desks per employee);
* desks freed = max(0, current desks − desks needed);
* annual saving = desks freed × (m² per desk × rent per m² and year +
  room-related material cost per desk) — cash (h) only when the space is
  actually given up, otherwise non-cash (nh);
* annual extra cost = mobile workers × (device annuity + docking + monitor/
  headset + remote-access licence + double licence fee + other) + booking system;
* net effect per year = annual saving − annual extra cost.

:func:`workplace_lines` turns the result into :class:`~.model.Line` objects
(one-off costs in the first year, running costs and savings every year) that a
module hands to the derived-lines contract of a measure. Pure Python, no Django.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from .errors import EconomicsError
from .explain import Explanation, format_eur, format_number, format_percent
from .model import Line, Source, _finite, _integer

METHOD = "Arbeitsplatzmodell mobile Arbeit und Desksharing (Methoden §6)"
FORMULA = (
    "Bedarf = ⌈Beschäftigte × Spitzenanwesenheit × (1 + Puffer)⌉; "
    "frei = max(0, Arbeitsplätze − Bedarf); "
    "Einsparung = frei × (m² je Arbeitsplatz × Miete je m² und Jahr + raumbezogene Sachkosten); "
    "Mehrkosten = mobil Arbeitende × Σ Kosten je mobilem Arbeitsplatz + Buchungssystem; "
    "Nettoeffekt = Einsparung − Mehrkosten"
)
BREMEN_DESK_RATIO_CAP = 0.8  # Bremen, new leases, Nov 2025 (methods §6)

# Per-mobile-worker annual cost components: field name -> German label.
ANNUAL_COMPONENTS = {
    "device_annuity": "Geräte-Annuität",
    "docking": "Dockingstation",
    "peripherals": "Monitor/Headset",
    "remote_access_licence": "Fernzugriffslizenz",
    "double_licence_fee": "Doppelte Lizenzgebühr (gerätebezogene Lizenzen)",
    "other_annual": "Sonstige laufende Kosten",
}

LABELS = {
    "staff": "Beschäftigte im Betrachtungsbereich",
    "mobile_workers": "Mobil arbeitende Beschäftigte",
    "already_costed": "Davon mit Kosten bereits in eigenen Zeilen der Maßnahme",
    "peak_presence": "Spitzenanwesenheit (Anteil der Beschäftigten)",
    "buffer": "Puffer auf den Arbeitsplatzbedarf",
    "current_desks": "Vorhandene Büroarbeitsplätze",
    "m2_per_desk": "Fläche je Arbeitsplatz (m²)",
    "rent_per_m2_year": "Miete je m² und Jahr (€)",
    "room_cost_per_desk": "Raumbezogene Sachkosten je Arbeitsplatz und Jahr (€)",
    "space_given_up": "Fläche wird tatsächlich aufgegeben",
    "one_off_per_worker": "Einmalkosten je mobilem Arbeitsplatz (€)",
    **{name: f"{label} je mobilem Arbeitsplatz und Jahr (€)" for name, label in ANNUAL_COMPONENTS.items()},
    "booking_one_off": "Buchungssystem, einmalig (€)",
    "booking_annual": "Buchungssystem, je Jahr (€)",
    "start_year": "Erstes Jahr",
    "years": "Anzahl Jahre",
    "desk_ratio_cap": "Obergrenze Arbeitsplatzquote (Arbeitsplätze je Beschäftigtem)",
}
_COUNTS = ("staff", "mobile_workers", "already_costed", "current_desks", "start_year", "years")
_SHARES = ("peak_presence", "buffer", "desk_ratio_cap")


@dataclass(frozen=True)
class WorkplaceInputs:
    """Inputs of the workplace model; validated on construction (German messages).

    Money is in € (annual amounts per year); ``sources`` maps an input name
    (e.g. ``"rent_per_m2_year"``) to its :class:`Source`, cited in the explanation.
    """

    staff: int
    mobile_workers: int
    peak_presence: float
    current_desks: int
    start_year: int
    years: int = 8
    buffer: float = 0.0
    m2_per_desk: float = 0.0
    rent_per_m2_year: float = 0.0
    room_cost_per_desk: float = 0.0
    space_given_up: bool = False
    one_off_per_worker: float = 0.0
    device_annuity: float = 0.0
    docking: float = 0.0
    peripherals: float = 0.0
    remote_access_licence: float = 0.0
    double_licence_fee: float = 0.0
    other_annual: float = 0.0
    booking_one_off: float = 0.0
    booking_annual: float = 0.0
    desk_ratio_cap: float | None = BREMEN_DESK_RATIO_CAP
    already_costed: int = 0
    sources: Mapping[str, Source] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in _COUNTS:
            value = _integer(getattr(self, name), f"„{LABELS[name]}“ muss eine ganze Zahl sein.", name)
            object.__setattr__(self, name, value)
        for name in LABELS:
            if name in _COUNTS or name == "space_given_up":
                continue
            if name == "desk_ratio_cap" and self.desk_ratio_cap is None:
                continue
            value = _finite(getattr(self, name), f"„{LABELS[name]}“", name, "")
            if value < 0:
                raise EconomicsError(f"„{LABELS[name]}“ darf nicht negativ sein.", field=name)
            object.__setattr__(self, name, value)
        object.__setattr__(self, "space_given_up", bool(self.space_given_up))
        object.__setattr__(self, "sources", dict(self.sources))
        self._check_relations()

    def _check_relations(self) -> None:
        if self.staff < 1:
            raise EconomicsError(f"„{LABELS['staff']}“ muss mindestens 1 sein.", field="staff")
        if self.mobile_workers < 0 or self.mobile_workers > self.staff:
            raise EconomicsError(
                f"„{LABELS['mobile_workers']}“ muss zwischen 0 und der Zahl der Beschäftigten "
                f"({self.staff}) liegen (angegeben: {self.mobile_workers}).",
                field="mobile_workers",
            )
        if not 0 <= self.already_costed <= self.mobile_workers:
            raise EconomicsError(
                f"„{LABELS['already_costed']}“ muss zwischen 0 und der Zahl der mobil arbeitenden "
                f"Beschäftigten ({self.mobile_workers}) liegen (angegeben: {self.already_costed}).",
                field="already_costed",
            )
        if self.current_desks < 0:
            raise EconomicsError(
                f"„{LABELS['current_desks']}“ darf nicht negativ sein.", field="current_desks"
            )
        if self.years < 1:
            raise EconomicsError(f"„{LABELS['years']}“ muss mindestens 1 sein.", field="years")
        if not 0 < self.peak_presence <= 1:
            raise EconomicsError(
                f"„{LABELS['peak_presence']}“ muss größer als 0 % und höchstens 100 % sein "
                f"(angegeben: {format_percent(self.peak_presence)}).",
                field="peak_presence",
            )
        # Who cannot work mobile is always on site: the peak cannot be lower than their share.
        on_site = (self.staff - self.mobile_workers) / self.staff
        if self.peak_presence < on_site - 1e-12:
            raise EconomicsError(
                f"„{LABELS['peak_presence']}“ ({format_percent(self.peak_presence)}) liegt unter "
                f"dem Anteil der Beschäftigten, die nicht mobil arbeiten ({format_percent(on_site)}): "
                "diese sind immer vor Ort.",
                field="peak_presence",
            )
        if self.desk_ratio_cap is not None and self.desk_ratio_cap <= 0:
            raise EconomicsError(
                f"„{LABELS['desk_ratio_cap']}“ muss größer als 0 sein.", field="desk_ratio_cap"
            )

    @property
    def annual_per_worker(self) -> float:
        """Sum of the annual cost components per mobile worker."""
        total = 0.0
        for name in ANNUAL_COMPONENTS:
            total += getattr(self, name)
        return total

    @property
    def costed_workers(self) -> int:
        """Mobile workers whose cost this model adds (the measure's own lines carry the rest)."""
        return self.mobile_workers - self.already_costed

    @property
    def saving_per_desk(self) -> float:
        """Annual saving of one desk no longer used: area × rent + room-related cost."""
        return self.m2_per_desk * self.rent_per_m2_year + self.room_cost_per_desk


@dataclass(frozen=True)
class WorkplaceResult:
    """Result of :func:`workplace_model`; ``lines`` bridge to the measure economics."""

    desks_needed: int
    desk_ratio: float  # desks needed per employee in scope
    current_ratio: float  # current desks per employee in scope
    above_cap: bool | None  # None when no cap is given
    desks_freed: int
    annual_saving: float
    saving_budget_relevant: bool
    annual_saving_cash: float
    annual_saving_non_cash: float
    annual_extra_cost: float
    one_off_cost: float
    net_per_year: float
    net_cash_per_year: float
    lines: tuple[Line, ...]
    explanation: Explanation


def desks_needed(staff: int, peak_presence: float, buffer: float) -> int:
    """⌈staff × presence × (1 + buffer)⌉; binary noise (60.000000000000014) is rounded away first."""
    return math.ceil(round(staff * peak_presence * (1.0 + buffer), 9))


def workplace_lines(inputs: WorkplaceInputs, desks_freed: int) -> tuple[Line, ...]:
    """Cost and benefit lines per year, labelled in German, for the derived-lines contract."""
    x = inputs
    n = x.costed_workers
    first = x.start_year
    lines: list[Line] = []

    def add(year, kind, budget, amount, label, group="operation", ref=""):
        if amount > 0:
            lines.append(Line(year, kind, budget, amount, label=label, group=group, ref=ref))

    add(
        first,
        "cost",
        True,
        n * x.one_off_per_worker,
        f"Einrichtung {n} mobile Arbeitsplätze à {format_eur(x.one_off_per_worker)}",
        group="development",
        ref="workplaces:one_off",
    )
    add(
        first,
        "cost",
        True,
        x.booking_one_off,
        "Buchungssystem Desksharing, Einführung",
        group="development",
        ref="workplaces:booking_one_off",
    )
    for year in range(first, first + x.years):
        for name, label in ANNUAL_COMPONENTS.items():
            per = getattr(x, name)
            add(
                year,
                "cost",
                True,
                n * per,
                f"{label}: {n} mobile Arbeitsplätze à {format_eur(per)}/Jahr",
                ref=f"workplaces:{name}:{year}",
            )
        add(
            year,
            "cost",
            True,
            x.booking_annual,
            "Buchungssystem Desksharing, Betrieb",
            ref=f"workplaces:booking_annual:{year}",
        )
        budget = "haushaltswirksam" if x.space_given_up else "nicht haushaltswirksam"
        add(
            year,
            "benefit",
            x.space_given_up,
            desks_freed * x.saving_per_desk,
            f"Eingesparte Büroarbeitsplätze: {desks_freed} à {format_eur(x.saving_per_desk)}/Jahr ({budget})",
            ref=f"workplaces:saving:{year}",
        )
    return tuple(lines)


def workplace_model(inputs: WorkplaceInputs) -> WorkplaceResult:
    """Desks needed and freed, annual saving, extra cost, net effect and the lines."""
    if not isinstance(inputs, WorkplaceInputs):
        raise EconomicsError("Die Eingaben müssen vom Typ WorkplaceInputs sein.")
    x = inputs
    needed = desks_needed(x.staff, x.peak_presence, x.buffer)
    ratio = needed / x.staff
    above = None if x.desk_ratio_cap is None else ratio > x.desk_ratio_cap + 1e-12
    freed = max(0, x.current_desks - needed)
    saving = freed * x.saving_per_desk
    extra = x.costed_workers * x.annual_per_worker + x.booking_annual
    one_off = x.costed_workers * x.one_off_per_worker + x.booking_one_off
    cash_saving = saving if x.space_given_up else 0.0
    result = WorkplaceResult(
        desks_needed=needed,
        desk_ratio=ratio,
        current_ratio=x.current_desks / x.staff,
        above_cap=above,
        desks_freed=freed,
        annual_saving=saving,
        saving_budget_relevant=x.space_given_up,
        annual_saving_cash=cash_saving,
        annual_saving_non_cash=saving - cash_saving,
        annual_extra_cost=extra,
        one_off_cost=one_off,
        net_per_year=saving - extra,
        net_cash_per_year=cash_saving - extra,
        lines=workplace_lines(x, freed),
        explanation=Explanation(METHOD, FORMULA),
    )
    return _with_explanation(result, x)


def _display(name: str, value: object) -> str:
    if name == "space_given_up":
        return "ja" if value else "nein"
    if name in _COUNTS:
        return str(value)
    if name in ("peak_presence", "buffer"):
        return format_percent(value)
    if name == "desk_ratio_cap":
        return "keine" if value is None else format_number(value, 2)
    if name == "m2_per_desk":
        return f"{format_number(value, 2)} m²"
    return format_eur(value)


def _with_explanation(result: WorkplaceResult, x: WorkplaceInputs) -> WorkplaceResult:
    inputs, parameters = [], []
    for name, label in LABELS.items():
        value = getattr(x, name)
        row = {"name": name, "label": label, "value": value, "display": _display(name, value)}
        src = x.sources.get(name)
        if src is None:
            inputs.append(row)
        else:
            row["label"] = src.label or label
            parameters.append({**row, "source": src.source, "as_of": src.as_of})
    r = result
    product = x.staff * x.peak_presence * (1.0 + x.buffer)
    steps = [
        f"Arbeitsplatzbedarf = ⌈{x.staff} × {format_percent(x.peak_presence)} × "
        f"(1 + {format_percent(x.buffer)})⌉ = ⌈{format_number(product, 2)}⌉ = {r.desks_needed}.",
        f"Arbeitsplatzquote = {r.desks_needed} / {x.staff} = {format_number(r.desk_ratio, 3)} "
        f"(bisher {x.current_desks} / {x.staff} = {format_number(r.current_ratio, 3)}).",
    ]
    if r.above_cap is not None:
        verdict = "über" if r.above_cap else "nicht über"
        steps.append(
            f"Die Quote liegt {verdict} der Obergrenze von {format_number(x.desk_ratio_cap, 2)} "
            f"Arbeitsplätzen je Beschäftigtem {_cite(x, 'desk_ratio_cap')}."
        )
    if x.already_costed:
        steps.append(
            f"Kosten mobiler Arbeitsplätze nur für {x.mobile_workers} − {x.already_costed} = "
            f"{x.costed_workers}: {x.already_costed} führt die Maßnahme schon in eigenen Zeilen."
        )
    steps += [
        f"Frei werdende Arbeitsplätze = max(0, {x.current_desks} − {r.desks_needed}) = {r.desks_freed}.",
        f"Einsparung je Arbeitsplatz = {format_number(x.m2_per_desk, 2)} m² × "
        f"{format_eur(x.rent_per_m2_year)} {_cite(x, 'rent_per_m2_year')} + "
        f"{format_eur(x.room_cost_per_desk)} {_cite(x, 'room_cost_per_desk')} = "
        f"{format_eur(x.saving_per_desk)} je Jahr.",
        f"Einsparung = {r.desks_freed} × {format_eur(x.saving_per_desk)} = "
        f"{format_eur(r.annual_saving)} je Jahr; "
        + (
            "haushaltswirksam, weil die Fläche tatsächlich aufgegeben wird."
            if x.space_given_up
            else "nicht haushaltswirksam, weil die Fläche nicht aufgegeben wird "
            "(Arbeitsverbesserung, keine Einsparung im Haushalt)."
        ),
        f"Mehrkosten = {x.costed_workers} × {format_eur(x.annual_per_worker)} "
        f"+ Buchungssystem {format_eur(x.booking_annual)} = {format_eur(r.annual_extra_cost)} je Jahr "
        "(haushaltswirksam).",
        f"Einmalkosten im Jahr {x.start_year} = {x.costed_workers} × "
        f"{format_eur(x.one_off_per_worker)} + Buchungssystem {format_eur(x.booking_one_off)} = "
        f"{format_eur(r.one_off_cost)}.",
        f"Nettoeffekt je Jahr = {format_eur(r.annual_saving)} − {format_eur(r.annual_extra_cost)} = "
        f"{format_eur(r.net_per_year)}; davon haushaltswirksam {format_eur(r.net_cash_per_year)}.",
        f"Daraus {len(r.lines)} Position(en) für die Wirtschaftlichkeitsbetrachtung der Maßnahme, "
        f"Jahre {x.start_year}–{x.start_year + x.years - 1}.",
    ]
    explanation = Explanation(
        method=METHOD,
        formula=FORMULA,
        inputs=tuple(inputs),
        parameters=tuple(parameters),
        steps=tuple(steps),
    )
    return replace(r, explanation=explanation)


def _cite(x: WorkplaceInputs, name: str) -> str:
    src = x.sources.get(name)
    if src is None:
        return "(Quelle nicht angegeben)"
    return f"(Quelle: {src.source}, Stand {src.as_of})"
