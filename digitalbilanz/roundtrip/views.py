"""Pages of the spreadsheet round-trip: choose tables, export, upload → preview → apply.

The uploaded file waits for "Übernehmen" in the cache (like the case-number import), under a
random token bound to the municipality and the user, for :data:`PREVIEW_SECONDS`; applying
reads and validates it again, so a preview never decides what is stored.
"""

import secrets

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from digitalbilanz.core.imports import ImportRejected
from digitalbilanz.core.permissions import can_edit_any, tenant_view
from digitalbilanz.roundtrip import engine
from digitalbilanz.roundtrip.forms import ApplyForm, UploadForm

PREVIEW_SECONDS = 3600
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LISTED = 300  # created/changed rows shown per table in the preview


def _require_editor(request, municipality):
    if not can_edit_any(request.user, municipality):
        raise Http404


def _cache_key(request, municipality, token):
    return f"roundtrip:{municipality.pk}:{request.user.pk}:{token}"


def _page(request, municipality, status=200, **context):
    context.setdefault("upload_form", UploadForm())
    context.update(
        municipality=municipality,
        specs=engine.specs(),
        max_rows=engine.MAX_ROWS,
        chosen=request.GET.get("tabelle", ""),
    )
    return render(request, "roundtrip/index.html", context, status=status)


@tenant_view
def index(request, municipality):
    _require_editor(request, municipality)
    return _page(request, municipality)


@tenant_view
def export(request, municipality):
    """The XLSX of the chosen tables (``?tabelle=measures&tabelle=lines``; none: all)."""
    _require_editor(request, municipality)
    names = request.GET.getlist("tabelle")
    available = {s.name: s for s in engine.specs()}
    unknown = [n for n in names if n not in available]
    if unknown:
        messages.error(
            request, _("Diese Tabelle kann nicht als Excel bearbeitet werden: %(n)s") % {"n": unknown[0][:80]}
        )
        return redirect(reverse("roundtrip:index", args=[municipality.slug]))
    chosen = [available[n] for n in dict.fromkeys(names)] or list(available.values())
    data = engine.export_workbook(municipality, request.user, chosen)
    stem = chosen[0].name if len(chosen) == 1 else "tabellen"
    response = HttpResponse(data, content_type=XLSX)
    name = f"{municipality.slug}-{stem}-{timezone.localdate():%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@tenant_view
def upload(request, municipality):
    """POST a file → preview (nothing stored); POST token + reason → apply, all or nothing."""
    _require_editor(request, municipality)
    if request.method != "POST":
        return redirect(reverse("roundtrip:index", args=[municipality.slug]))
    if "token" in request.POST:
        return _apply(request, municipality)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, municipality, status=400, upload_form=form)
    upload_file = form.cleaned_data["file"]
    data = upload_file.read()
    result = engine.preview(municipality, request.user, upload_file.name, data)
    if result.problems:
        return _page(request, municipality, status=400, upload_form=form, result=result, rejected=True)
    token = secrets.token_urlsafe(18)
    cache.set(_cache_key(request, municipality, token), (upload_file.name, data), PREVIEW_SECONDS)
    apply_form = ApplyForm(initial={"token": token})
    return _page(request, municipality, result=result, apply_form=apply_form, listed=LISTED)


def _apply(request, municipality):
    form = ApplyForm(request.POST)
    token = request.POST.get("token", "")
    stored = cache.get(_cache_key(request, municipality, token)) if token else None
    if stored is None:
        messages.error(request, _("Die Vorschau ist abgelaufen. Bitte die Datei erneut hochladen."))
        return redirect(reverse("roundtrip:index", args=[municipality.slug]))
    name, data = stored
    if not form.is_valid():
        result = engine.preview(municipality, request.user, name, data)
        return _page(request, municipality, status=400, result=result, apply_form=form, listed=LISTED)
    try:
        result, run = engine.apply(municipality, request.user, name, data, form.cleaned_data["reason"])
    except ImportRejected as exc:
        result = exc.result
        return _page(request, municipality, status=400, result=result, rejected=True)
    cache.delete(_cache_key(request, municipality, token))
    messages.success(
        request,
        _("„%(f)s“ übernommen: %(c)s neu, %(u)s geändert, %(n)s unverändert.")
        % {"f": name, "c": run.created_count, "u": run.updated_count, "n": run.unchanged_count},
    )
    return redirect(reverse("roundtrip:index", args=[municipality.slug]))
