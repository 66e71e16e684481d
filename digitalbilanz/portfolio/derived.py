"""Derived lines: cost and benefit lines that another module computes for a measure.

The contract for every module that turns its records into money (services, workplaces,
contracts, …)::

    from digitalbilanz.portfolio.derived import replace_derived_lines

    replace_derived_lines(
        measure,
        source=scenario,                      # any model instance; its get_absolute_url() is linked
        lines=[{"year": 2024, "kind": "cost", "group": "operation", "category": "rent",
                "label": "Miete Büroflächen", "amount": Decimal("120000")}, …],
        reason="Flächenmodell neu berechnet",
        method="Desk-Sharing-Modell (Methoden §6)",
        visibility=scenario.visibility,
        user=request.user,
    )

All lines of that (measure, source) pair are replaced at once, in one transaction: the old
lines go, the new ones are validated like hand-written lines (a problem raises
``ValidationError`` and nothing changes), one history row records who, when, why and the new
totals, and the municipality's data version rises once. Forms, the API and imports refuse to
change a derived line; the measure page shows "berechnet aus …" with a link to the source, and
the figure's explanation names it.
"""

from collections.abc import Iterable
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from digitalbilanz.core.datachanges import grouped
from digitalbilanz.core.history import set_reason
from digitalbilanz.portfolio.choices import LineKind
from digitalbilanz.portfolio.models import Derivation, Line

LINE_FIELDS = {
    "year", "kind", "group", "category", "budget_relevant", "label", "amount", "hours",
    "career_level", "low", "high", "risk_surcharge", "note",
}  # fmt: skip


def replace_derived_lines(
    measure,
    source,
    lines: Iterable[dict],
    *,
    reason: str,
    method: str = "",
    visibility: str | None = None,
    user=None,
) -> Derivation:
    """Replace the lines ``source`` derives for ``measure`` (see module doc)."""
    if not (reason or "").strip():
        raise ValidationError(_("Eine Neuberechnung braucht einen Grund."))
    with transaction.atomic(), grouped():
        derivation = _derivation_for(measure, source)
        derivation.visibility = visibility or measure.visibility
        derivation.method = method
        new_lines = [_line(measure, derivation, spec, number) for number, spec in enumerate(lines, 1)]
        _summarise(derivation, new_lines)
        set_reason(derivation, reason.strip())
        if user is not None and getattr(user, "is_authenticated", False):
            derivation._history_user = user
        derivation.save()
        # The old lines carry no history of their own (the derivation is their trail), so they
        # are removed without per-row delete signals.
        Line.objects.filter(derivation=derivation)._raw_delete(Line.objects.db)
        for line in new_lines:
            line.derivation = derivation
        Line.objects.bulk_create(new_lines)
    return derivation


def remove_derived_lines(measure, source, *, reason: str, user=None) -> None:
    """Drop everything ``source`` derived for ``measure`` (e.g. the source was deleted)."""
    return replace_derived_lines(measure, source, [], reason=reason, user=user)


def derived_lines_of(source):
    """All lines computed from ``source``, across measures (indexed lookup)."""
    source_type = ContentType.objects.get_for_model(source)
    return Line.objects.filter(derivation__source_type=source_type, derivation__source_id=source.pk)


def _derivation_for(measure, source) -> Derivation:
    source_type = ContentType.objects.get_for_model(source)
    derivation = (
        Derivation.objects.select_for_update()
        .filter(measure=measure, source_type=source_type, source_id=source.pk)
        .first()
    )
    if derivation is None:
        derivation = Derivation(
            municipality_id=measure.municipality_id,
            measure=measure,
            source_type=source_type,
            source_id=source.pk,
        )
    derivation.source_label = str(source)[:300]
    get_url = getattr(source, "get_absolute_url", None)
    derivation.source_url = get_url() if callable(get_url) else ""
    return derivation


def _line(measure, derivation, spec: dict, number: int) -> Line:
    unknown = set(spec) - LINE_FIELDS
    if unknown:
        raise ValueError(f"unknown line fields: {sorted(unknown)}")
    line = Line(municipality_id=measure.municipality_id, measure=measure, **spec)
    line.visibility = derivation.visibility
    try:
        line.full_clean(exclude=["derivation"], validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        messages = "; ".join(
            f"{_field_label(name)}: {' '.join(errs)}" for name, errs in exc.message_dict.items()
        )
        raise ValidationError(
            _("Berechnete Zeile %(n)s („%(label)s“): %(errors)s")
            % {"n": number, "label": spec.get("label", ""), "errors": messages}
        ) from exc
    return line


def _field_label(name: str) -> str:
    try:
        return str(Line._meta.get_field(name).verbose_name)
    except Exception:
        return name


def _summarise(derivation, lines) -> None:
    derivation.line_count = len(lines)
    derivation.cost_total = sum((ln.amount or 0 for ln in lines if ln.kind == LineKind.COST), Decimal(0))
    derivation.benefit_total = sum(
        (ln.amount or 0 for ln in lines if ln.kind == LineKind.BENEFIT), Decimal(0)
    )
    derivation.hours_total = sum((ln.hours or 0 for ln in lines), Decimal(0))
