"""Pages every German public website must have: accessibility statement (with its feedback form,
an explanation in Leichte Sprache and a place for a video in Deutsche Gebärdensprache), imprint,
privacy."""

from django import forms
from django.shortcuts import redirect

from digitalbilanz.core.datachanges import invisible
from digitalbilanz.portal.accessibility import Area, default_scope, legal_basis
from digitalbilanz.portal.defaults import ensure_portal_settings, known_barriers
from digitalbilanz.portal.models import AccessibilityFeedback
from digitalbilanz.portal.views.common import page, portal_view


@portal_view
def accessibility(request, municipality):
    settings = ensure_portal_settings(municipality)
    barriers = known_barriers(municipality)
    areas = [(label, [b for b in barriers if b.area == key]) for key, label in Area.CHOICES]
    context = {
        "legal": legal_basis(municipality.state),
        "areas": [(label, rows) for label, rows in areas if rows],
        "scope": settings.scope or default_scope(municipality),
    }
    return page(request, municipality, "accessibility.html", context)


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "page", "name", "email"]
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}


def _feedback(request, municipality):
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        feedback = form.save(commit=False)
        feedback.municipality = municipality
        with invisible():  # a message changes nothing a visitor sees: cached pages stay valid
            feedback.save()
        return redirect(request.path + "?gesendet=1")
    context = {"form": form, "sent": request.GET.get("gesendet") == "1"}
    return page(
        request, municipality, "accessibility_feedback.html", context, status=400 if form.errors else 200
    )


# Not cached: the form carries a CSRF token and a POST must reach the view.
accessibility_feedback = portal_view(_feedback, cache=False)


@portal_view
def easy_language(request, municipality):
    return page(request, municipality, "easy_language.html")


@portal_view
def sign_language(request, municipality):
    return page(request, municipality, "sign_language.html")


@portal_view
def imprint(request, municipality):
    return page(request, municipality, "imprint.html")


@portal_view
def privacy(request, municipality):
    return page(request, municipality, "privacy.html")
