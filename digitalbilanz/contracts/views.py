"""Internal pages of the contracts app: list with obligations, detail, forms."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from digitalbilanz.contracts import calc, forms
from digitalbilanz.contracts.models import Contract, ContractValue
from digitalbilanz.core.forms import save_or_conflict
from digitalbilanz.core.history import history_entries
from digitalbilanz.core.permissions import can_edit, can_edit_any, tenant_view
from digitalbilanz.core.visibility import levels_for


def _contracts(request, municipality):
    return Contract.objects.visible_to(request.user, municipality).select_related("org_unit")


@tenant_view
def contract_list(request, municipality):
    today = dt.date.today()
    years = calc.default_years(today)
    levels = levels_for(request.user, municipality)
    rows = calc.figures(_contracts(request, municipality), municipality, levels, today, years)
    return render(
        request,
        "contracts/list.html",
        {
            "municipality": municipality,
            "rows": rows,
            "years": list(years),
            "totals": calc.totals(rows, years),
            "today": today,
            "can_edit": can_edit(request.user, municipality),
        },
    )


@tenant_view
def contract_detail(request, municipality, pk):
    contract = get_object_or_404(_contracts(request, municipality).prefetch_related("measures"), pk=pk)
    today = dt.date.today()
    years = calc.default_years(today)
    levels = levels_for(request.user, municipality)
    row = calc.figures([contract], municipality, levels, today, years)[0]
    return render(
        request,
        "contracts/detail.html",
        {
            "municipality": municipality,
            "row": row,
            "contract": contract,
            "measures": [m for m in contract.measures.all() if m.visibility in levels],
            "people": calc.two_device_holders(municipality, levels),
            "today": today,
            "can_edit": can_edit(request.user, municipality, contract.org_unit),
        },
    )


def _save_and_sync(form, contract_of, reason, user):
    """Save and recompute the derived lines of the contract's measures: all or nothing."""
    try:
        with transaction.atomic():
            saved = save_or_conflict(form)
            if saved is not None:
                calc.sync_contract_lines(contract_of(saved), reason=reason, user=user)
            return saved
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


def _form_page(request, form, title, back_url):
    context = {"municipality": request.municipality, "form": form, "title": title, "back_url": back_url}
    return render(request, "portfolio/form.html", context, status=400 if form.errors else 200)


@tenant_view
def contract_edit(request, municipality, pk=None):
    instance = get_object_or_404(_contracts(request, municipality), pk=pk) if pk else None
    allowed = (
        can_edit(request.user, municipality, instance.org_unit)
        if instance
        else can_edit_any(request.user, municipality)
    )
    if not allowed:
        raise Http404
    form = forms.ContractForm(
        request.POST or None, instance=instance, municipality=municipality, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data.get("change_reason") or _("Vertrag gespeichert")
        if saved := _save_and_sync(form, lambda c: c, reason, request.user):
            messages.success(request, _("„%(obj)s“ wurde gespeichert.") % {"obj": saved})
            return redirect(saved.get_absolute_url())
    back = instance.get_absolute_url() if instance else reverse("contracts:list", args=[municipality.slug])
    return _form_page(request, form, _("Vertrag bearbeiten") if pk else _("Neuer Vertrag"), back)


@tenant_view
def value_edit(request, municipality, contract_pk, pk=None):
    contract = get_object_or_404(_contracts(request, municipality), pk=contract_pk)
    if not can_edit(request.user, municipality, contract.org_unit):
        raise Http404
    values = ContractValue.objects.visible_to(request.user, municipality).filter(contract=contract)
    instance = get_object_or_404(values, pk=pk) if pk else None
    form = forms.ContractValueForm(
        request.POST or None, instance=instance, municipality=municipality, contract=contract
    )
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data.get("change_reason") or _("Vertragswert gespeichert")
        if _save_and_sync(form, lambda v: v.contract, reason, request.user):
            messages.success(request, _("„%(obj)s“ wurde gespeichert.") % {"obj": contract})
            return redirect(contract.get_absolute_url())
    title = _("Vertragswert bearbeiten") if pk else _("Neuer Vertragswert")
    return _form_page(request, form, title, contract.get_absolute_url())


@tenant_view
def contract_history(request, municipality, pk):
    """Changes of the contract and its values (deleted ones too), through the one history rule."""
    contract = get_object_or_404(_contracts(request, municipality), pk=pk)
    rows = list(contract.history.select_related("history_user"))
    rows += list(ContractValue.history.filter(contract_id=contract.pk).select_related("history_user"))
    return render(
        request,
        "contracts/history.html",
        {
            "municipality": municipality,
            "record": contract,
            "back_url": contract.get_absolute_url(),
            "intro": _("Alle Änderungen am Vertrag und seinen Werten, die Sie lesen dürfen."),
            "entries": history_entries(rows, levels_for(request.user, municipality)),
        },
    )
