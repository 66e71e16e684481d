"""Internal pages of the steering app: overview, a measure's ratings, the rating form, the
follow-up review and the one-click „unverändert geprüft“."""

import datetime as dt
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from digitalbilanz.core.forms import save_or_conflict
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.core.permissions import can_edit, tenant_view
from digitalbilanz.portfolio.appraisal import figures_for
from digitalbilanz.portfolio.queries import visible_measures
from digitalbilanz.steering import calc, forms, periods
from digitalbilanz.steering.models import (
    BenefitRebaseline,
    CostRebaseline,
    FollowUpReview,
    Rating,
    Rebaseline,
    Review,
    SuccessCheck,
)


def _measure(request, municipality, pk, edit=False):
    measure = get_object_or_404(visible_measures(request.user, municipality), pk=pk)
    if edit and not can_edit(request.user, municipality, measure.lead_department):
        raise Http404
    return measure


def _url(municipality, measure):
    return reverse("steering:measure", args=[municipality.slug, measure.pk])


@tenant_view
def overview(request, municipality):
    today = dt.date.today()
    measures = visible_measures(request.user, municipality)
    ratings = Rating.objects.visible_to(request.user, municipality)
    reviews = Review.objects.visible_to(request.user, municipality)
    follow_ups = (
        FollowUpReview.objects.visible_to(request.user, municipality)
        .filter(decision="")
        .select_related("rating__measure")
    )
    return render(
        request,
        "steering/overview.html",
        {
            "municipality": municipality,
            "rows": calc.rows(measures, ratings, reviews, today),
            "follow_ups": follow_ups,
            "period": periods.label(periods.period_of(today)),
            "today": today,
        },
    )


@tenant_view
def measure_page(request, municipality, pk):
    today = dt.date.today()
    measure = _measure(request, municipality, pk)
    params = ParameterSet.for_municipality(municipality)
    try:
        assessment, problem = calc.assess(measure, params, today), None
    except ValidationError as exc:
        assessment, problem = None, exc.messages[0]
    ratings = list(
        Rating.objects.visible_to(request.user, municipality).filter(measure=measure).order_by("period")
    )
    reviews = list(Review.objects.visible_to(request.user, municipality).filter(measure=measure)[:10])
    follow_ups = FollowUpReview.objects.visible_to(request.user, municipality).filter(rating__measure=measure)
    row = calc.rows([measure], ratings, reviews, today)
    milestones = list(measure.milestones.all())
    rebaselines = list(
        Rebaseline.objects.visible_to(request.user, municipality)
        .filter(milestone__in=milestones)
        .select_related("milestone", "approved_by")
    )
    originals = calc.original_baselines(milestones, rebaselines)
    schedule = [
        {
            "milestone": m,
            "original": originals[m.pk],
            "variance_original": ((m.actual_date or m.forecast_date) - originals[m.pk]).days,
        }
        for m in milestones
    ]
    cost_rebaselines = list(
        CostRebaseline.objects.visible_to(request.user, municipality)
        .filter(measure=measure)
        .select_related("approved_by")
    )
    benefits = list(measure.benefits.all())
    benefit_rebaselines = list(
        BenefitRebaseline.objects.visible_to(request.user, municipality)
        .filter(benefit__in=benefits)
        .select_related("benefit", "approved_by")
    )
    targets = calc.original_targets(benefits, benefit_rebaselines)
    forecast_cost = figures_for(measure, params).total_cost
    original_cost = calc.original_costs(measure, cost_rebaselines)
    variance = None
    if forecast_cost is not None and original_cost is not None:
        variance = Decimal(str(forecast_cost)) - original_cost
    cost = {
        "original": original_cost,
        "current": measure.baseline_cost,
        "forecast": forecast_cost,
        "variance_original": variance,
    }
    benefit_rows = [
        {
            "benefit": b,
            "original_value": targets[b.pk][0],
            "original_date": targets[b.pk][1],
            "latest": b.latest_measurement,
        }
        for b in benefits
    ]
    return render(
        request,
        "steering/measure.html",
        {
            "municipality": municipality,
            "measure": measure,
            "assessment": assessment,
            "problem": problem,
            "ratings": ratings,
            "reviews": reviews,
            "follow_ups": follow_ups,
            "row": row[0] if row else None,
            "schedule": schedule,
            "checks": SuccessCheck.objects.visible_to(request.user, municipality)
            .filter(measure=measure)
            .select_related("benefit"),
            "rebaselines": rebaselines,
            "cost": cost,
            "cost_rebaselines": cost_rebaselines,
            "benefit_rows": benefit_rows,
            "benefit_rebaselines": benefit_rebaselines,
            "can_edit": can_edit(request.user, municipality, measure.lead_department),
            "today": today,
            "sources": [(s, params.values.get(s.key)) for s in calc.p.SPECS],
        },
    )


def _form_page(request, form, title, back_url):
    context = {"municipality": request.municipality, "form": form, "title": title, "back_url": back_url}
    return render(request, "portfolio/form.html", context, status=400 if form.errors else 200)


@tenant_view
def rate(request, municipality, pk):
    today = dt.date.today()
    measure = _measure(request, municipality, pk, edit=True)
    ratings = Rating.objects.visible_to(request.user, municipality)
    instance = ratings.filter(measure=measure, period=periods.period_of(today)).first()
    form = forms.RatingForm(
        request.POST or None, instance=instance, municipality=municipality, measure=measure, today=today
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.instance.rated_by = request.user
            saved = save_or_conflict(form)
            if saved is not None:
                calc.after_rating(saved, request.user, today)
        if saved is not None:
            messages.success(request, _("Die Bewertung wurde gespeichert."))
            return redirect(_url(municipality, measure))
    return _form_page(
        request, form, _("Lieferzuversicht bewerten: %(m)s") % {"m": measure}, _url(municipality, measure)
    )


@tenant_view
@require_POST
def review(request, municipality, pk):
    measure = _measure(request, municipality, pk, edit=True)
    calc.record_review(measure, request.user, dt.date.today(), _("unverändert geprüft"))
    messages.success(request, _("„%(m)s“ ist als unverändert geprüft vermerkt.") % {"m": measure})
    return redirect(request.POST.get("next") or _url(municipality, measure))


@tenant_view
def follow_up(request, municipality, pk):
    item = get_object_or_404(
        FollowUpReview.objects.visible_to(request.user, municipality).select_related("rating__measure"), pk=pk
    )
    measure = _measure(request, municipality, item.rating.measure_id, edit=True)
    form = forms.FollowUpForm(request.POST or None, instance=item, municipality=municipality)
    if request.method == "POST" and form.is_valid() and save_or_conflict(form):
        messages.success(request, _("Die Folgeprüfung wurde gespeichert."))
        return redirect(_url(municipality, measure))
    return _form_page(request, form, str(item), _url(municipality, measure))


def _rebaseline_page(request, municipality, measure, form, title, done):
    """Store an approved new baseline and apply it to its record in one transaction."""
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = save_or_conflict(form)
            if saved is not None:
                target, values = form.apply()
                for name, value in values.items():
                    setattr(target, name, value)
                target._change_reason = done % {"r": saved.reason}
                target.save()
        if saved is not None:
            messages.success(request, _("Der neue Basisplan gilt; der ursprüngliche bleibt erhalten."))
            return redirect(_url(municipality, measure))
    return _form_page(request, form, title, _url(municipality, measure))


@tenant_view
def rebaseline(request, municipality, pk, milestone_pk):
    measure = _measure(request, municipality, pk, edit=True)
    milestone = get_object_or_404(measure.milestones.all(), pk=milestone_pk)
    form = forms.RebaselineForm(
        request.POST or None, municipality=municipality, milestone=milestone, user=request.user
    )
    title = _("Neuer Basisplan: %(m)s") % {"m": milestone}
    return _rebaseline_page(
        request, municipality, measure, form, title, _("Neuer Basisplan freigegeben: %(r)s")
    )


@tenant_view
def rebaseline_cost(request, municipality, pk):
    measure = _measure(request, municipality, pk, edit=True)
    form = forms.CostRebaselineForm(
        request.POST or None, municipality=municipality, measure=measure, user=request.user
    )
    title = _("Neuer Kostenplan: %(m)s") % {"m": measure}
    return _rebaseline_page(
        request, municipality, measure, form, title, _("Neuer Kostenplan freigegeben: %(r)s")
    )


@tenant_view
def rebaseline_benefit(request, municipality, pk, b):
    measure = _measure(request, municipality, pk, edit=True)
    benefit = get_object_or_404(measure.benefits.all(), pk=b)
    form = forms.BenefitRebaselineForm(
        request.POST or None, municipality=municipality, benefit=benefit, user=request.user
    )
    title = _("Neues Nutzenziel: %(b)s") % {"b": benefit}
    return _rebaseline_page(
        request, municipality, measure, form, title, _("Neues Nutzenziel freigegeben: %(r)s")
    )


@tenant_view
def success_check(request, municipality, pk, check_pk=None):
    measure = _measure(request, municipality, pk, edit=True)
    checks = SuccessCheck.objects.visible_to(request.user, municipality).filter(measure=measure)
    instance = get_object_or_404(checks, pk=check_pk) if check_pk else None
    form = forms.SuccessCheckForm(
        request.POST or None, instance=instance, municipality=municipality, measure=measure
    )
    if request.method == "POST" and form.is_valid() and save_or_conflict(form):
        messages.success(request, _("Die Erfolgskontrolle wurde gespeichert."))
        return redirect(_url(municipality, measure))
    return _form_page(
        request, form, _("Erfolgskontrolle: %(m)s") % {"m": measure}, _url(municipality, measure)
    )
