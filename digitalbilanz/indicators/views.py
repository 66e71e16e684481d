"""Pages of the indicator app: the board (latest value, target or ceiling, status), one
indicator with its series, and the forms. Each request is one transaction."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from digitalbilanz.core.forms import save_or_conflict
from digitalbilanz.core.history import history_entries
from digitalbilanz.core.permissions import can_edit, tenant_view
from digitalbilanz.core.visibility import levels_for
from digitalbilanz.indicators import forms
from digitalbilanz.indicators.choices import Topic
from digitalbilanz.indicators.models import Indicator, Limit, Observation
from digitalbilanz.indicators.series import indicator_values


def board_context(values):
    return {
        "topics": [(label, [v for v in values if v.indicator.topic == key]) for key, label in Topic.choices]
    }


@tenant_view
def board(request, municipality):
    values = indicator_values(municipality, levels_for(request.user, municipality))
    context = {
        "municipality": municipality,
        "can_edit": can_edit(request.user, municipality),
        **board_context(values),
    }
    return render(request, "indicators/board.html", context)


@tenant_view
def detail(request, municipality, pk):
    values = indicator_values(municipality, levels_for(request.user, municipality))
    found = next((v for v in values if v.indicator.pk == pk), None)
    if found is None:
        raise Http404
    context = {"municipality": municipality, "v": found, "can_edit": can_edit(request.user, municipality)}
    return render(request, "indicators/detail.html", context)


def _form_page(request, municipality, form, title, url):
    context = {"municipality": municipality, "form": form, "title": title, "back_url": url}
    return render(request, "portfolio/form.html", context, status=400 if form.errors else 200)


def _saved(request, obj, url):
    messages.success(request, _("„%(obj)s“ wurde gespeichert.") % {"obj": obj})
    return redirect(url)


@tenant_view
def indicator_edit(request, municipality, pk=None):
    if not can_edit(request.user, municipality):
        raise Http404
    instance = get_object_or_404(Indicator, municipality=municipality, pk=pk) if pk else None
    form = forms.IndicatorForm(request.POST or None, instance=instance, municipality=municipality)
    url = f"/app/{municipality.slug}/kennzahlen/"
    if request.method == "POST" and form.is_valid() and (saved := save_or_conflict(form)):
        return _saved(request, saved, url)
    return _form_page(
        request, municipality, form, _("Kennzahl bearbeiten") if pk else _("Neue Kennzahl"), url
    )


@tenant_view
def child_edit(request, municipality, indicator_pk, kind, pk=None):
    if not can_edit(request.user, municipality) or kind not in ("wert", "grenze"):
        raise Http404
    indicator = get_object_or_404(Indicator, municipality=municipality, pk=indicator_pk)
    model, form_class = (Observation, forms.ObservationForm) if kind == "wert" else (Limit, forms.LimitForm)
    instance = get_object_or_404(model, indicator=indicator, pk=pk) if pk else None
    form = form_class(request.POST or None, instance=instance, municipality=municipality, indicator=indicator)
    if kind == "wert" and instance is None:
        form.initial.setdefault("unit", indicator.unit)
    url = f"/app/{municipality.slug}/kennzahlen/{indicator.pk}/"
    title = _("Messwert für „%(name)s“") if kind == "wert" else _("Ziel oder Obergrenze für „%(name)s“")
    if request.method == "POST" and form.is_valid() and (saved := save_or_conflict(form)):
        return _saved(request, saved, url)
    return _form_page(request, municipality, form, title % {"name": indicator.name}, url)


@tenant_view
def history(request, municipality, pk):
    """Changes of the indicator, its values and its targets or ceilings (deleted ones too)."""
    indicator = get_object_or_404(Indicator.objects.visible_to(request.user, municipality), pk=pk)
    rows = list(indicator.history.select_related("history_user"))
    for model in (Observation, Limit):
        rows += list(model.history.filter(indicator_id=indicator.pk).select_related("history_user"))
    return render(
        request,
        "indicators/history.html",
        {
            "municipality": municipality,
            "record_label": indicator.name,
            "back_url": reverse("indicator_detail", args=[municipality.slug, indicator.pk]),
            "intro": _("Alle Änderungen an der Kennzahl, ihren Werten und Grenzen, die Sie lesen dürfen."),
            "entries": history_entries(rows, levels_for(request.user, municipality)),
        },
    )
