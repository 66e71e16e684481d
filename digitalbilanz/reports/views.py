"""Report editions in the web UI (list, draft, preview, publish, download, compare).

The public pages of the portal are in ``reports/public.py``."""

import base64
import hashlib
import re

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from digitalbilanz.core.choices import Role
from digitalbilanz.core.models import Membership
from digitalbilanz.core.permissions import can_edit_any, tenant_view
from digitalbilanz.reports import service
from digitalbilanz.reports.changes import compare
from digitalbilanz.reports.generic_chapters import change_blocks
from digitalbilanz.reports.models import Audience, Edition, EditionLocked, Format, State
from digitalbilanz.reports.periods import parse_period
from digitalbilanz.reports.render import RenderError
from digitalbilanz.reports.render.html import edition_body, render_blocks


class EditionForm(forms.Form):
    period = forms.CharField(
        label=gettext_lazy("Berichtszeitraum"),
        max_length=7,
        help_text=gettext_lazy("Jahr und Halbjahr, z. B. 2023-H2."),
    )
    audience = forms.ChoiceField(label=gettext_lazy("Zielgruppe"), choices=Audience.choices)
    title = forms.CharField(label=gettext_lazy("Titel (optional)"), max_length=200, required=False)

    def clean_period(self):
        period = self.cleaned_data["period"].strip().upper().replace("-h", "-H")
        parse_period(period)
        return period


class PublishForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Ich bestätige die offenen Punkte und veröffentliche trotzdem."),
        required=False,
    )
    note = forms.CharField(
        label=gettext_lazy("Begründung"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, problems=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.problems = list(problems)

    def clean(self):
        data = super().clean()
        if self.problems and not data.get("confirm"):
            raise forms.ValidationError(_("Bitte bestätigen Sie die offenen Punkte ausdrücklich."))
        if self.problems and not (data.get("note") or "").strip():
            self.add_error("note", _("Bitte begründen Sie, warum trotz offener Punkte veröffentlicht wird."))
        return data


def _is_staff(user, municipality):
    if user.is_superuser:
        return True
    return Membership.role_of(user, municipality) in (Role.ADMIN, Role.EDITOR, Role.READER)


def editions_for(user, municipality):
    """Editions a member may see: staff all, council members the published ones."""
    query = Edition.objects.filter(municipality=municipality).prefetch_related("files")
    if _is_staff(user, municipality):
        return query
    return query.filter(state=State.PUBLISHED)


def _edition_or_404(request, municipality, pk):
    return get_object_or_404(editions_for(request.user, municipality), pk=pk)


def _editor_or_404(request, municipality):
    if not can_edit_any(request.user, municipality):
        raise Http404


@tenant_view
def edition_list(request, municipality):
    editions = list(editions_for(request.user, municipality))
    context = {
        "municipality": municipality,
        "editions": editions,
        "can_edit": can_edit_any(request.user, municipality),
        "form": EditionForm(initial={"audience": Audience.PUBLIC}),
    }
    return render(request, "reports/edition_list.html", context)


@tenant_view
@require_POST
def edition_create(request, municipality):
    _editor_or_404(request, municipality)
    form = EditionForm(request.POST)
    if not form.is_valid():
        editions = list(editions_for(request.user, municipality))
        return render(
            request,
            "reports/edition_list.html",
            {"municipality": municipality, "editions": editions, "can_edit": True, "form": form},
            status=400,
        )
    edition = service.create_draft(
        municipality,
        form.cleaned_data["period"],
        form.cleaned_data["audience"],
        request.user,
        form.cleaned_data["title"],
    )
    messages.success(request, _("Entwurf angelegt. Prüfen Sie die Vorschau und veröffentlichen Sie ihn."))
    return redirect("report_detail", slug=municipality.slug, pk=edition.pk)


@tenant_view
def edition_detail(request, municipality, pk):
    edition = _edition_or_404(request, municipality, pk)
    return _detail(request, municipality, edition, PublishForm(problems=_problems(edition)))


def _problems(edition):
    return edition.snapshot.get("problems", []) if not edition.is_published else edition.open_problems


def _detail(request, municipality, edition, form, status=200):
    context = {
        "municipality": municipality,
        "edition": edition,
        "body": edition_body(edition.snapshot),
        "problems": _problems(edition),
        "form": form,
        "can_edit": can_edit_any(request.user, municipality) and not edition.is_published,
        "formats": Format.choices,
        "others": editions_for(request.user, municipality).exclude(pk=edition.pk),
    }
    return render(request, "reports/edition_detail.html", context, status=status)


@tenant_view
@require_POST
def edition_refresh(request, municipality, pk):
    _editor_or_404(request, municipality)
    edition = _edition_or_404(request, municipality, pk)
    try:
        service.refresh(edition)
        messages.success(request, _("Datenstand aktualisiert."))
    except EditionLocked as exc:
        messages.error(request, str(exc))
    return redirect("report_detail", slug=municipality.slug, pk=edition.pk)


@tenant_view
@require_POST
def edition_publish(request, municipality, pk):
    _editor_or_404(request, municipality)
    edition = _edition_or_404(request, municipality, pk)
    if edition.is_published:
        messages.error(request, str(EditionLocked()))
        return redirect("report_detail", slug=municipality.slug, pk=edition.pk)
    service.refresh(edition)  # the problems the publisher confirms are the current ones
    form = PublishForm(request.POST, problems=_problems(edition))
    if not form.is_valid():
        return _detail(request, municipality, edition, form, status=400)
    try:
        service.publish(
            edition,
            request.user,
            confirm=bool(form.cleaned_data.get("confirm")),
            note=form.cleaned_data.get("note", ""),
        )
    except (service.ConfirmationRequired, RenderError) as exc:
        form.add_error(None, str(exc))
        return _detail(request, municipality, Edition.objects.get(pk=edition.pk), form, status=400)
    messages.success(request, _("Ausgabe veröffentlicht. Sie ist jetzt eingefroren."))
    return redirect("report_detail", slug=municipality.slug, pk=edition.pk)


@tenant_view
@require_POST
def edition_delete(request, municipality, pk):
    _editor_or_404(request, municipality)
    edition = _edition_or_404(request, municipality, pk)
    try:
        edition.delete()
        messages.success(request, _("Entwurf gelöscht."))
    except EditionLocked as exc:
        messages.error(request, str(exc))
        return redirect("report_detail", slug=municipality.slug, pk=edition.pk)
    return redirect("report_list", slug=municipality.slug)


STYLE = re.compile(rb"<style>(.*?)</style>", re.S)


def style_hashes(content: bytes) -> list[str]:
    """SHA-256 sources of the HTML edition's own inline stylesheet, which the security-header
    middleware lets through (the stored file stays byte for byte as it was published)."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode() + "'"
        for m in STYLE.finditer(content)
    ]


def file_response(edition, fmt, inline=False):
    """The edition's file in ``fmt`` (published: stored; draft: rendered) with a descriptive name."""
    if fmt not in Format.values:
        raise Http404
    try:
        content = service.render_edition(edition, fmt)
    except RenderError as exc:
        return HttpResponse(str(exc), status=500, content_type="text/plain; charset=utf-8")
    name = f"digitalisierungsbericht-{edition.municipality.slug}-{edition.period}-nr{edition.number}.{fmt}"
    if edition.audience == Audience.COUNCIL:
        name = name.replace(f"-nr{edition.number}", f"-rat-nr{edition.number}")
    types = {
        "pdf": "application/pdf",
        "html": "text/html; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    response = HttpResponse(content, content_type=types[fmt])
    if fmt == "html":
        response.csp_style_hashes = style_hashes(content)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


@tenant_view
def edition_download(request, municipality, pk, fmt):
    edition = _edition_or_404(request, municipality, pk)
    return file_response(edition, fmt, inline=request.GET.get("anzeigen") == "1")


@tenant_view
def edition_compare(request, municipality):
    visible = editions_for(request.user, municipality)
    a = (
        get_object_or_404(visible, pk=request.GET.get("von") or 0)
        if request.GET.get("von", "").isdigit()
        else None
    )
    b = (
        get_object_or_404(visible, pk=request.GET.get("mit") or 0)
        if request.GET.get("mit", "").isdigit()
        else None
    )
    body = None
    if a and b:
        if a.audience != b.audience:
            messages.warning(
                request,
                _("Die Ausgaben haben unterschiedliche Zielgruppen; Unterschiede können auch daher rühren."),
            )
        body = render_blocks(change_blocks(compare(a.snapshot, b.snapshot)))
    return render(
        request,
        "reports/edition_compare.html",
        {"municipality": municipality, "editions": visible, "a": a, "b": b, "body": body},
    )
