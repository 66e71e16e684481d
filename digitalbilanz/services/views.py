"""Internal pages of the services: list, detail, edit, case numbers by hand and by file.

Each request is one transaction (ATOMIC_REQUESTS) inside ``grouped()``: nothing half-saves and
the data version rises once. Reads go through ``visible_to``; editing needs ``can_edit`` for
the service's department.
"""

import hashlib

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from digitalbilanz.core.forms import save_or_conflict
from digitalbilanz.core.history import history_entries
from digitalbilanz.core.imports import ImportRejected
from digitalbilanz.core.models import ImportRun
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.permissions import can_edit, can_edit_any, tenant_view
from digitalbilanz.core.visibility import levels_for
from digitalbilanz.economics.model import CHANNEL_DE, CHANNELS
from digitalbilanz.services import costs, forms, imports
from digitalbilanz.services.derive import update_measure_lines
from digitalbilanz.services.models import Activity, ChannelCost, Service

PREVIEW_SECONDS = 3600


def _require(condition):
    if not condition:
        raise Http404


def _services(request, municipality):
    return Service.objects.visible_to(request.user, municipality)


def _service_or_404(request, municipality, pk):
    return get_object_or_404(
        _services(request, municipality).select_related("department", "municipality"), pk=pk
    )


def _editable_or_404(request, municipality, pk):
    service = _service_or_404(request, municipality, pk)
    _require(can_edit(request.user, municipality, service.department))
    return service


def list_url(municipality):
    return f"/app/{municipality.slug}/dienste/"


@tenant_view
def service_list(request, municipality):
    services = list(
        _services(request, municipality)
        .select_related("department")
        .prefetch_related("activities", "channel_costs")
        .order_by("ozg_id")
    )
    params = ParameterSet.for_municipality(municipality)
    evaluated = costs.evaluate(services, params)
    ranks = {row.key: row.rank for row in costs.ranking(evaluated).rows}
    rows = []
    totals = {"cases": 0.0, "online": 0.0, "cost": 0.0, "hours": 0.0}
    for service in services:
        item = evaluated[service.pk]
        result = item.get("result")
        if result is not None:
            totals["cases"] += result.total_cases
            totals["online"] += result.channel("online").cases
            totals["cost"] += result.total_cost
            totals["hours"] += result.hours_freed
        rows.append({"service": service, "item": item, "result": result, "rank": ranks.get(service.ozg_id)})
    totals["share"] = totals["online"] / totals["cases"] if totals["cases"] else None
    return render(
        request,
        "services/list.html",
        {
            "municipality": municipality,
            "rows": rows,
            "totals": totals,
            "can_edit": can_edit_any(request.user, municipality),
        },
    )


@tenant_view
def service_detail(request, municipality, pk):
    service = _service_or_404(request, municipality, pk)
    params = ParameterSet.for_municipality(municipality)
    item = costs.evaluate([service], params)[service.pk]
    years = item["years"]
    case_table = [
        {"year": year, "cells": [years[year].get(c, 0) for c in CHANNELS], "total": sum(years[year].values())}
        for year in sorted(years)
    ]
    levels = levels_for(request.user, municipality)
    from digitalbilanz.portfolio.models import Derivation, Measure

    measures = Measure.objects.filter(pk__in=service.measures.values("pk")).with_levels(levels)
    derivations = Derivation.objects.filter(
        source_type__app_label="services", source_type__model="service", source_id=service.pk
    ).with_levels(levels)
    runs = ImportRun.objects.filter(municipality=municipality, kind=imports.KIND).select_related("user")[:5]
    return render(
        request,
        "services/detail.html",
        {
            "municipality": municipality,
            "service": service,
            "item": item,
            "result": item.get("result"),
            "channel_rows": [(CHANNEL_DE[c.channel], c) for c in item["result"].channels]
            if item.get("result")
            else [],
            "case_table": case_table,
            "channels": [CHANNEL_DE[c] for c in CHANNELS],
            "trend": costs.online_share_trend(years),
            "activities": service.activities.all(),
            "channel_costs": service.channel_costs.all(),
            "measures": measures,
            "derivations": derivations,
            "runs": runs,
            "can_edit": can_edit(request.user, municipality, service.department),
        },
    )


@tenant_view
def service_history(request, municipality, pk):
    service = _service_or_404(request, municipality, pk)
    rows = list(service.history.all())
    rows += list(Activity.history.filter(service_id=service.pk))
    rows += list(ChannelCost.history.filter(service_id=service.pk))
    entries = history_entries(rows, levels_for(request.user, municipality))
    return render(
        request,
        "services/history.html",
        {"municipality": municipality, "service": service, "entries": entries},
    )


def _form_page(request, form, title, back_url, service=None):
    return render(
        request,
        "portfolio/form.html",
        {
            "municipality": request.municipality,
            "form": form,
            "title": title,
            "back_url": back_url,
            "measure": service,
        },
        status=400 if form.errors else 200,
    )


def _rederive(service, form, user):
    reason = form.cleaned_data.get("change_reason") or _("Online-Dienst geändert")
    update_measure_lines(service, reason=reason, user=user)


@tenant_view
def service_edit(request, municipality, pk=None):
    _require(can_edit_any(request.user, municipality))
    instance = _editable_or_404(request, municipality, pk) if pk else None
    form = forms.ServiceForm(request.POST or None, instance=instance, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        if not can_edit(request.user, municipality, form.cleaned_data.get("department")):
            form.add_error("department", _("Diesen Fachbereich dürfen Sie nicht bearbeiten."))
        elif service := save_or_conflict(form):
            _rederive(service, form, request.user)
            messages.success(request, _("„%(obj)s“ wurde gespeichert.") % {"obj": service})
            return redirect(service.get_absolute_url())
    back = instance.get_absolute_url() if instance else list_url(municipality)
    title = _("Online-Dienst bearbeiten") if pk else _("Neuer Online-Dienst")
    return _form_page(request, form, title, back)


def _child_edit(request, municipality, service_pk, model, form_class, pk, title):
    service = _editable_or_404(request, municipality, service_pk)
    instance = get_object_or_404(model, service=service, pk=pk) if pk else None
    form = form_class(request.POST or None, instance=instance, municipality=municipality, service=service)
    if request.method == "POST" and form.is_valid() and (saved := save_or_conflict(form)):
        _rederive(service, form, request.user)
        messages.success(request, _("„%(obj)s“ wurde gespeichert.") % {"obj": saved})
        return redirect(service.get_absolute_url())
    return _form_page(request, form, title, service.get_absolute_url(), service)


@tenant_view
def activity_edit(request, municipality, service_pk, pk=None):
    title = _("Tätigkeit bearbeiten") if pk else _("Neue Tätigkeit")
    return _child_edit(request, municipality, service_pk, Activity, forms.ActivityForm, pk, title)


@tenant_view
def channel_cost_edit(request, municipality, service_pk, pk=None):
    title = _("Kanalkosten bearbeiten") if pk else _("Kanalkosten erfassen")
    return _child_edit(request, municipality, service_pk, ChannelCost, forms.ChannelCostForm, pk, title)


@tenant_view
def cases_entry(request, municipality, service_pk):
    """Case numbers of one period typed in: written like an import (ImportRun, upsert)."""
    service = _editable_or_404(request, municipality, service_pk)
    form = forms.CaseEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        parsed = imports.Parsed(rows=form.rows(service.pk))
        parsed.total = len(parsed.rows)
        run = imports.write(municipality, parsed, user=request.user, file_name=_("Eingabe im Formular"))
        messages.success(
            request,
            _("Fallzahlen gespeichert: %(c)s neu, %(u)s geändert, %(n)s unverändert.")
            % {"c": run.created_count, "u": run.updated_count, "n": run.unchanged_count},
        )
        return redirect(service.get_absolute_url())
    return _form_page(request, form, _("Fallzahlen erfassen"), service.get_absolute_url(), service)


def _cache_key(request, municipality, digest):
    return f"services-import:{municipality.pk}:{request.user.pk}:{digest}"


@tenant_view
def cases_import(request, municipality):
    """Upload → preview (nothing written) → apply (all or nothing)."""
    _require(can_edit_any(request.user, municipality))
    context = {"municipality": municipality, "header": ";".join(imports.HEADER)}
    if request.method == "POST" and request.POST.get("apply"):
        digest = request.POST.get("digest", "")
        stored = cache.get(_cache_key(request, municipality, digest))
        if stored is None:
            messages.error(request, _("Die Vorschau ist abgelaufen. Bitte die Datei erneut hochladen."))
            return redirect(f"{list_url(municipality)}import/")
        name, data = stored
        try:
            run = imports.apply(municipality, name, data, user=request.user)
        except ImportRejected as exc:
            context.update(form=forms.ImportForm(), problems=exc.problems, file_name=name)
            return render(request, "services/import.html", context, status=400)
        cache.delete(_cache_key(request, municipality, digest))
        messages.success(
            request,
            _("Import übernommen: %(c)s neu, %(u)s geändert, %(n)s unverändert.")
            % {"c": run.created_count, "u": run.updated_count, "n": run.unchanged_count},
        )
        return redirect(list_url(municipality))
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        parsed = imports.parse(municipality, upload.name, data)
        context.update(form=form, file_name=upload.name, total=parsed.total)
        if parsed.problems:
            context.update(problems=parsed.problems, truncated=parsed.truncated)
            return render(request, "services/import.html", context, status=400)
        digest = hashlib.sha256(data).hexdigest()
        cache.set(_cache_key(request, municipality, digest), (upload.name, data), PREVIEW_SECONDS)
        context.update(summary=imports.preview(municipality, parsed), digest=digest)
        return render(request, "services/import.html", context)
    context["form"] = form
    return render(request, "services/import.html", context, status=400 if form.errors else 200)


@tenant_view
def import_template(request, municipality):
    response = HttpResponse(
        imports.template_xlsx(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="fallzahlen-vorlage.xlsx"'
    return response


@tenant_view
@require_POST
def recompute(request, municipality, pk):
    """Recompute the lines the service derives for its measures (e.g. after a parameter change)."""
    service = _editable_or_404(request, municipality, pk)
    update_measure_lines(service, reason=_("Neu berechnet (Parameter oder Fallzahlen)"), user=request.user)
    messages.success(request, _("Die Wirtschaftlichkeit der verknüpften Maßnahmen wurde neu berechnet."))
    return redirect(service.get_absolute_url())
