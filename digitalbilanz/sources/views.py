"""App pages of the source register: list, form, history."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from digitalbilanz.core.forms import save_or_conflict
from digitalbilanz.core.history import history_entries
from digitalbilanz.core.permissions import can_edit_any, tenant_view
from digitalbilanz.core.visibility import levels_for
from digitalbilanz.sources.forms import SourceForm
from digitalbilanz.sources.links import annotate_pages
from digitalbilanz.sources.models import Source


def _sources(request, municipality):
    return Source.objects.visible_to(request.user, municipality)


@tenant_view
def source_list(request, municipality):
    rows = sorted(_sources(request, municipality), key=lambda s: s.number)
    annotate_pages(municipality, rows, levels_for(request.user, municipality), public=False)
    return render(
        request,
        "sources/list.html",
        {"municipality": municipality, "rows": rows, "can_edit": can_edit_any(request.user, municipality)},
    )


@tenant_view
def source_edit(request, municipality, pk=None):
    if not can_edit_any(request.user, municipality):
        raise Http404
    instance = get_object_or_404(_sources(request, municipality), pk=pk) if pk else None
    form = SourceForm(request.POST or None, instance=instance, municipality=municipality)
    back = reverse("sources:list", args=[municipality.slug])
    if request.method == "POST" and form.is_valid() and (saved := save_or_conflict(form)):
        messages.success(request, _("„%(obj)s“ wurde gespeichert.") % {"obj": saved})
        return redirect(back + "#" + saved.anchor)
    context = {
        "municipality": municipality,
        "form": form,
        "title": _("Quelle bearbeiten") if pk else _("Neue Quelle"),
        "back_url": back,
    }
    return render(request, "portfolio/form.html", context, status=400 if form.errors else 200)


@tenant_view
def source_history(request, municipality, pk):
    source = get_object_or_404(_sources(request, municipality), pk=pk)
    rows = list(source.history.select_related("history_user"))
    return render(
        request,
        "contracts/history.html",
        {
            "municipality": municipality,
            "record": source,
            "back_url": reverse("sources:list", args=[municipality.slug]) + "#" + source.anchor,
            "intro": _("Alle Änderungen an der Quelle, die Sie lesen dürfen."),
            "entries": history_entries(rows, levels_for(request.user, municipality)),
        },
    )
