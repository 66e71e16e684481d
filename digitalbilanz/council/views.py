"""Internal pages of the council app: papers with their consultation sequence, mandates, links."""

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from digitalbilanz.core.forms import save_or_conflict
from digitalbilanz.core.history import history_entries
from digitalbilanz.core.permissions import can_edit, can_edit_any, tenant_view
from digitalbilanz.core.visibility import levels_for

from . import forms, queries
from .choices import MandateStatus, PaperCategory


@tenant_view
def paper_list(request, municipality):
    levels = levels_for(request.user, municipality)
    query = request.GET.get("q", "").strip()[:200]
    category = request.GET.get("art", "")
    if category not in PaperCategory.values:
        category = ""
    rows = queries.search_papers(municipality, levels, query=query, category=category)
    page = Paginator(rows, 50).get_page(request.GET.get("seite"))
    return render(
        request,
        "council/paper_list.html",
        {
            "municipality": municipality,
            "page": page,
            "query": query,
            "category": category,
            "categories": PaperCategory.choices,
        },
    )


@tenant_view
def paper_detail(request, municipality, pk):
    levels = levels_for(request.user, municipality)
    paper = get_object_or_404(queries.papers(municipality, levels), pk=pk)
    return render(
        request,
        "council/paper_detail.html",
        {
            "municipality": municipality,
            "view": queries.paper_view(paper, levels),
            "today": dt.date.today(),
            "can_edit": can_edit_any(request.user, municipality),
        },
    )


def _form_page(request, form, title, back_url):
    context = {"municipality": request.municipality, "form": form, "title": title, "back_url": back_url}
    return render(request, "portfolio/form.html", context, status=400 if form.errors else 200)


@tenant_view
def link_create(request, municipality, pk):
    if not can_edit_any(request.user, municipality):
        raise Http404
    levels = levels_for(request.user, municipality)
    paper = get_object_or_404(queries.papers(municipality, levels), pk=pk)
    form = forms.PaperLinkForm(
        request.POST or None, municipality=municipality, user=request.user, paper=paper
    )
    if request.method == "POST" and form.is_valid():
        if not can_edit(request.user, municipality, form.cleaned_data["measure"].lead_department):
            form.add_error("measure", _("Sie dürfen diese Maßnahme nicht bearbeiten."))
        elif save_or_conflict(form) is not None:
            messages.success(request, _("Die Maßnahme wurde mit der Vorlage verknüpft."))
            return redirect(paper.get_absolute_url())
    return _form_page(request, form, _("Maßnahme mit Vorlage verknüpfen"), paper.get_absolute_url())


@tenant_view
def mandate_list(request, municipality):
    levels = levels_for(request.user, municipality)
    today = dt.date.today()
    rows = queries.mandates(municipality, levels).prefetch_related(queries.readable_measures(levels))
    status = request.GET.get("stand", "")
    if status in MandateStatus.values:
        rows = rows.filter(status=status)
    rows = list(rows)
    for row in rows:
        row.overdue = row.is_overdue(today)
    return render(
        request,
        "council/mandate_list.html",
        {
            "municipality": municipality,
            "rows": rows,
            "status": status,
            "statuses": MandateStatus.choices,
            "can_edit": can_edit_any(request.user, municipality),
        },
    )


@tenant_view
def mandate_detail(request, municipality, pk):
    levels = levels_for(request.user, municipality)
    mandate = get_object_or_404(queries.mandates(municipality, levels), pk=pk)
    return render(
        request,
        "council/mandate_detail.html",
        {
            "municipality": municipality,
            "mandate": mandate,
            "overdue": mandate.is_overdue(dt.date.today()),
            "measures": [m for m in mandate.measures.all() if m.visibility in levels],
            "can_edit": can_edit(request.user, municipality, mandate.owner),
        },
    )


@tenant_view
def mandate_edit(request, municipality, pk=None):
    levels = levels_for(request.user, municipality)
    instance = get_object_or_404(queries.mandates(municipality, levels), pk=pk) if pk else None
    allowed = (
        can_edit(request.user, municipality, instance.owner)
        if instance
        else can_edit_any(request.user, municipality)
    )
    if not allowed:
        raise Http404
    initial = {}
    if instance is None and request.GET.get("vorlage", "").isdigit():
        initial["paper"] = request.GET["vorlage"]
    form = forms.MandateForm(
        request.POST or None, instance=instance, initial=initial, municipality=municipality, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        if saved := save_or_conflict(form):
            messages.success(request, _("„%(obj)s“ wurde gespeichert.") % {"obj": saved})
            return redirect(saved.get_absolute_url())
    back = instance.get_absolute_url() if instance else reverse("council:mandates", args=[municipality.slug])
    return _form_page(request, form, _("Auftrag bearbeiten") if pk else _("Neuer Auftrag"), back)


@tenant_view
def mandate_history(request, municipality, pk):
    levels = levels_for(request.user, municipality)
    mandate = get_object_or_404(queries.mandates(municipality, levels), pk=pk)
    rows = list(mandate.history.select_related("history_user"))
    return render(
        request,
        "council/history.html",
        {
            "municipality": municipality,
            "record": mandate,
            "back_url": mandate.get_absolute_url(),
            "intro": _("Alle Änderungen am Auftrag, die Sie lesen dürfen."),
            "entries": history_entries(rows, levels),
        },
    )
