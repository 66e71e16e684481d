"""Internal pages of the workplaces app: snapshots, scenarios, forms. One transaction per request."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from digitalbilanz.core.forms import save_or_conflict
from digitalbilanz.core.history import history_entries
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.permissions import can_edit, can_edit_any, tenant_view
from digitalbilanz.core.visibility import levels_for
from digitalbilanz.workplaces import forms
from digitalbilanz.workplaces.calc import scenario_result, sync_measure_lines
from digitalbilanz.workplaces.models import WorkplaceScenario, WorkplaceSnapshot


def _snapshots(request, municipality):
    return WorkplaceSnapshot.objects.visible_to(request.user, municipality).select_related("org_unit")


def scenario_rows(scenarios, params):
    return [{"scenario": s, "figures": scenario_result(s, params)} for s in scenarios]


@tenant_view
def index(request, municipality):
    snapshots = list(_snapshots(request, municipality))
    latest = next((s for s in snapshots if s.org_unit_id is None), snapshots[0] if snapshots else None)
    rows = []
    if latest is not None:
        scenarios = WorkplaceScenario.objects.visible_to(request.user, municipality).filter(snapshot=latest)
        rows = scenario_rows(
            scenarios.select_related("snapshot", "measure"), ParameterSet.for_municipality(municipality)
        )
    return render(
        request,
        "workplaces/index.html",
        {
            "municipality": municipality,
            "snapshots": snapshots,
            "latest": latest,
            "rows": rows,
            "can_edit": can_edit(request.user, municipality),
        },
    )


@tenant_view
def snapshot_detail(request, municipality, pk):
    snapshot = get_object_or_404(_snapshots(request, municipality), pk=pk)
    scenarios = WorkplaceScenario.objects.visible_to(request.user, municipality).filter(snapshot=snapshot)
    return render(
        request,
        "workplaces/snapshot.html",
        {
            "municipality": municipality,
            "snapshot": snapshot,
            "rows": scenario_rows(
                scenarios.select_related("snapshot", "measure"), ParameterSet.for_municipality(municipality)
            ),
            "can_edit": can_edit(request.user, municipality, snapshot.org_unit),
        },
    )


def _save_and_sync(form, after):
    """Save the form and recompute the derived lines in one savepoint: all or nothing."""
    try:
        with transaction.atomic():
            saved = save_or_conflict(form)
            if saved is not None:
                after(saved)
            return saved
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


def _form_page(request, form, title, back_url):
    context = {"municipality": request.municipality, "form": form, "title": title, "back_url": back_url}
    return render(request, "portfolio/form.html", context, status=400 if form.errors else 200)


@tenant_view
def snapshot_edit(request, municipality, pk=None):
    instance = get_object_or_404(_snapshots(request, municipality), pk=pk) if pk else None
    allowed = (
        can_edit(request.user, municipality, instance.org_unit)
        if instance
        else can_edit_any(request.user, municipality)
    )
    if not allowed:
        raise Http404
    form = forms.SnapshotForm(
        request.POST or None, instance=instance, municipality=municipality, user=request.user
    )
    # Saving the snapshot recomputes every derivation that reads it (the model's save).
    if request.method == "POST" and form.is_valid() and (saved := _save_and_sync(form, lambda s: None)):
        messages.success(request, _("„%(obj)s“ wurde gespeichert.") % {"obj": saved})
        return redirect(saved.get_absolute_url())
    back = instance.get_absolute_url() if instance else reverse("workplaces:index", args=[municipality.slug])
    return _form_page(
        request, form, _("Arbeitsplatz-Stand bearbeiten") if pk else _("Neuer Arbeitsplatz-Stand"), back
    )


@tenant_view
def scenario_edit(request, municipality, snapshot_pk, pk=None):
    snapshot = get_object_or_404(_snapshots(request, municipality), pk=snapshot_pk)
    if not can_edit(request.user, municipality, snapshot.org_unit):
        raise Http404
    scenarios = WorkplaceScenario.objects.visible_to(request.user, municipality).filter(snapshot=snapshot)
    instance = get_object_or_404(scenarios, pk=pk) if pk else None
    form = forms.ScenarioForm(
        request.POST or None,
        instance=instance,
        municipality=municipality,
        snapshot=snapshot,
        user=request.user,
    )

    def resync(scenario):
        reason = form.cleaned_data.get("change_reason") or _("Szenario gespeichert")
        sync_measure_lines(scenario, reason=reason, user=request.user, previous_measure=form.previous_measure)

    if request.method == "POST" and form.is_valid() and (saved := _save_and_sync(form, resync)):
        messages.success(request, _("„%(obj)s“ wurde gespeichert.") % {"obj": saved})
        return redirect(snapshot.get_absolute_url())
    title = _("Szenario bearbeiten") if pk else _("Neues Szenario")
    return _form_page(request, form, title, snapshot.get_absolute_url())


@tenant_view
def snapshot_history(request, municipality, pk):
    """Changes of the snapshot and its scenarios (deleted ones too), through the one history rule."""
    snapshot = get_object_or_404(_snapshots(request, municipality), pk=pk)
    rows = list(snapshot.history.select_related("history_user"))
    rows += list(WorkplaceScenario.history.filter(snapshot_id=snapshot.pk).select_related("history_user"))
    return render(
        request,
        "workplaces/history.html",
        {
            "municipality": municipality,
            "record": snapshot,
            "back_url": snapshot.get_absolute_url(),
            "intro": _("Alle Änderungen am Stand und seinen Szenarien, die Sie lesen dürfen."),
            "entries": history_entries(rows, levels_for(request.user, municipality)),
        },
    )
