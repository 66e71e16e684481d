"""Create and edit views. Each request is one transaction (ATOMIC_REQUESTS): nothing half-saves."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from digitalbilanz.core.forms import save_or_conflict
from digitalbilanz.core.models import Membership, Municipality, Parameter
from digitalbilanz.core.parameters import parameter_spec
from digitalbilanz.core.permissions import can_admin, can_edit, can_edit_any, tenant_view
from digitalbilanz.core.templatetags.dbformat import de_date
from digitalbilanz.core.versioning import StaleRecordError
from digitalbilanz.portfolio import forms
from digitalbilanz.portfolio.models import (
    Benefit,
    FieldOfAction,
    Line,
    Milestone,
    Strategy,
)
from digitalbilanz.portfolio.rules import dependency_conflicts
from digitalbilanz.portfolio.views.common import editable_measure_or_404


def _form_page(request, form, title, back_url, extra=None):
    context = {
        "municipality": request.municipality,
        "form": form,
        "title": title,
        "back_url": back_url,
    }
    context.update(extra or {})
    return render(request, "portfolio/form.html", context, status=400 if form.errors else 200)


def _saved(request, obj, url):
    messages.success(request, _("„%(obj)s“ wurde gespeichert.") % {"obj": obj})
    return redirect(url)


def _require(condition):
    if not condition:
        raise Http404


@tenant_view
def measure_edit(request, municipality, pk=None):
    _require(can_edit_any(request.user, municipality))
    membership = Membership.of(request.user, municipality)
    allowed = list(membership.org_units.all()) if membership else []
    instance = editable_measure_or_404(request, municipality, pk) if pk else None
    form = forms.MeasureForm(
        request.POST or None, instance=instance, municipality=municipality, allowed_units=allowed
    )
    if request.method == "POST" and form.is_valid() and (measure := save_or_conflict(form)):
        return _saved(request, measure, measure_url(municipality, measure.pk))
    title = _("Maßnahme bearbeiten") if pk else _("Neue Maßnahme")
    back = measure_url(municipality, pk) if pk else f"/app/{municipality.slug}/massnahmen/"
    return _form_page(request, form, title, back)


def measure_url(municipality, pk):
    return f"/app/{municipality.slug}/massnahmen/{pk}/"


def _child_edit(request, municipality, measure_pk, model, form_class, pk, title):
    measure = editable_measure_or_404(request, municipality, measure_pk)
    instance = get_object_or_404(model, measure=measure, pk=pk) if pk else None
    form = form_class(request.POST or None, instance=instance, municipality=municipality, measure=measure)
    extra = {"user": request.user} if issubclass(form_class, forms.MilestoneForm) else {}
    if request.method == "POST" and form.is_valid() and (saved := save_or_conflict(form, **extra)):
        if model is Milestone:
            _warn_dependencies(request, measure, saved)
        return _saved(request, saved, measure_url(municipality, measure.pk))
    return _form_page(request, form, title, measure_url(municipality, measure.pk), {"measure": measure})


@tenant_view
def milestone_edit(request, municipality, measure_pk, pk=None):
    title = _("Meilenstein bearbeiten") if pk else _("Neuer Meilenstein")
    return _child_edit(request, municipality, measure_pk, Milestone, forms.MilestonePageForm, pk, title)


def _warn_dependencies(request, measure, saved):
    """A saved milestone now dated before one it depends on, or before one depending on it."""
    milestones = list(Milestone.objects.filter(measure=measure))
    for pk, before in dependency_conflicts(milestones).items():
        if saved.pk in (pk, before.pk):
            after = next(m for m in milestones if m.pk == pk)
            messages.warning(
                request,
                _("Achtung: „%(a)s“ hängt von „%(b)s“ ab, liegt aber mit %(d)s davor (%(e)s).")
                % {"a": after.title, "b": before.title, "d": de_date(after.date), "e": de_date(before.date)},
            )


@tenant_view
def line_edit(request, municipality, measure_pk, pk=None):
    title = _("Kosten-/Nutzenzeile bearbeiten") if pk else _("Neue Kosten-/Nutzenzeile")
    return _child_edit(request, municipality, measure_pk, Line, forms.LineForm, pk, title)


@tenant_view
def benefit_edit(request, municipality, measure_pk, pk=None):
    title = _("Nutzen bearbeiten") if pk else _("Neuer Nutzen")
    return _child_edit(request, municipality, measure_pk, Benefit, forms.BenefitForm, pk, title)


@tenant_view
@require_POST
def line_delete(request, municipality, measure_pk, pk):
    measure = editable_measure_or_404(request, municipality, measure_pk)
    line = get_object_or_404(Line, measure=measure, pk=pk)
    if line.is_derived:
        messages.error(
            request,
            _("Die Zeile „%(line)s“ wird aus „%(source)s“ berechnet und kann nicht gelöscht werden.")
            % {"line": line, "source": line.derivation.source_label},
        )
        return redirect(measure_url(municipality, measure.pk))
    posted = request.POST.get("lock_version")
    if posted is not None and posted != str(line.lock_version):
        messages.error(
            request,
            _("Die Zeile „%(line)s“ wurde inzwischen geändert und daher nicht gelöscht.") % {"line": line},
        )
        return redirect(measure_url(municipality, measure.pk))
    line._change_reason = request.POST.get("change_reason") or _("Zeile gelöscht")
    line.delete()
    messages.success(request, _("Die Zeile „%(line)s“ wurde gelöscht.") % {"line": line})
    return redirect(measure_url(municipality, measure.pk))


@tenant_view
def measurement_add(request, municipality, measure_pk, benefit_pk):
    measure = editable_measure_or_404(request, municipality, measure_pk)
    benefit = get_object_or_404(Benefit, measure=measure, pk=benefit_pk)
    form = forms.MeasurementForm(request.POST or None)
    form.instance.benefit = benefit
    if request.method == "POST" and form.is_valid() and save_or_conflict(form):
        return _saved(request, benefit, measure_url(municipality, measure.pk))
    return _form_page(
        request,
        form,
        _("Messwert erfassen: %(b)s") % {"b": benefit},
        measure_url(municipality, measure.pk),
    )


def _save_formset(formset) -> bool:
    """Save all criteria or none; a lost race marks the form of the record changed meanwhile."""
    try:
        with transaction.atomic():
            formset.save()
        return True
    except StaleRecordError as exc:
        for form in formset.forms:
            if form.instance.pk == exc.instance.pk:
                form.report_conflict(exc.current())
        return False


@tenant_view
def criteria_edit(request, municipality, measure_pk):
    measure = editable_measure_or_404(request, municipality, measure_pk)
    formset = forms.CriterionFormSet(request.POST or None, instance=measure)
    if request.method == "POST" and formset.is_valid() and _save_formset(formset):
        return _saved(request, measure, measure_url(municipality, measure.pk))
    return render(
        request,
        "portfolio/criteria_form.html",
        {
            "municipality": municipality,
            "measure": measure,
            "formset": formset,
            "back_url": measure_url(municipality, measure.pk),
        },
        status=400 if request.method == "POST" else 200,
    )


@tenant_view
def strategy_edit(request, municipality, pk=None):
    _require(can_edit(request.user, municipality))
    instance = get_object_or_404(Strategy, municipality=municipality, pk=pk) if pk else None
    form = forms.StrategyForm(request.POST or None, instance=instance, municipality=municipality)
    if request.method == "POST" and form.is_valid() and (strategy := save_or_conflict(form)):
        return _saved(request, strategy, f"/app/{municipality.slug}/strategien/{strategy.pk}/")
    return _form_page(
        request,
        form,
        _("Strategie bearbeiten") if pk else _("Neue Strategie"),
        f"/app/{municipality.slug}/strategien/",
    )


@tenant_view
def revision_add(request, municipality, pk):
    _require(can_edit(request.user, municipality))
    strategy = get_object_or_404(Strategy, municipality=municipality, pk=pk)
    form = forms.StrategyRevisionForm(request.POST or None)
    form.instance.strategy = strategy
    url = f"/app/{municipality.slug}/strategien/{strategy.pk}/"
    if request.method == "POST" and form.is_valid() and (revision := save_or_conflict(form)):
        return _saved(request, revision, url)
    return _form_page(request, form, _("Anpassung der Strategie erfassen"), url)


@tenant_view
def field_edit(request, municipality, pk=None):
    _require(can_edit(request.user, municipality))
    instance = get_object_or_404(FieldOfAction, municipality=municipality, pk=pk) if pk else None
    form = forms.FieldOfActionForm(request.POST or None, instance=instance, municipality=municipality)
    url = f"/app/{municipality.slug}/strategien/"
    if request.method == "POST" and form.is_valid() and (field := save_or_conflict(form)):
        return _saved(request, field, url)
    return _form_page(request, form, _("Handlungsfeld bearbeiten") if pk else _("Neues Handlungsfeld"), url)


@tenant_view
def municipality_edit(request, municipality):
    """The municipality's master data (administrators only): keys, inhabitants, public figures,
    comparison opt-in. Saving raises the data version, so public pages follow at once."""
    _require(can_admin(request.user, municipality))
    # A copy: a refused form must not change the municipality the page header shows.
    instance = Municipality.objects.get(pk=municipality.pk)
    form = forms.MunicipalityForm(request.POST or None, instance=instance)
    url = f"/app/{municipality.slug}/kommune/"
    if request.method == "POST" and form.is_valid() and (saved := save_or_conflict(form)):
        return _saved(request, saved, url)
    return _form_page(request, form, _("Stammdaten der Kommune"), f"/app/{municipality.slug}/")


@tenant_view
def parameter_edit(request, municipality, key):
    """Set the municipality's own value of a registered parameter (replacing the default)."""
    _require(can_admin(request.user, municipality))
    spec = parameter_spec(key)
    _require(spec is not None)
    parameter = Parameter.objects.filter(municipality=municipality, key=key).first() or Parameter(
        municipality=municipality, key=key, value=spec.default, as_of=dt.date.today()
    )
    form = forms.ParameterForm(request.POST or None, instance=parameter)
    url = f"/app/{municipality.slug}/parameter/"
    if request.method == "POST" and form.is_valid() and (saved := _save_recomputing(form)):
        return _saved(request, saved, url)
    return _form_page(request, form, spec.title, url)


def _save_recomputing(form):
    """Save a parameter; its save recomputes the derived lines — a source that breaks refuses it."""
    try:
        with transaction.atomic():
            return save_or_conflict(form)
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@tenant_view
@require_POST
def parameter_reset(request, municipality, key):
    """Drop the municipality's own value: the registered default applies again."""
    _require(can_admin(request.user, municipality))
    parameter = get_object_or_404(Parameter, municipality=municipality, key=key)
    url = f"/app/{municipality.slug}/parameter/"
    posted = request.POST.get("lock_version")
    if posted is not None and posted != str(parameter.lock_version):
        messages.error(
            request,
            _("„%(label)s“ wurde inzwischen geändert; der eigene Wert bleibt bestehen.")
            % {"label": parameter.label},
        )
        return redirect(url)
    parameter._change_reason = request.POST.get("change_reason") or _("Standardwert wiederhergestellt")
    try:
        with transaction.atomic():
            parameter.delete()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(url)
    messages.success(request, _("Für „%(label)s“ gilt wieder der Standardwert.") % {"label": parameter.label})
    return redirect(url)
