"""Measure list (search and filters), measure page and its public change history."""

import datetime as dt

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from digitalbilanz.core.models import OrgUnit
from digitalbilanz.core.parameters import ParameterSet
from digitalbilanz.portal import history
from digitalbilanz.portal.views.common import AUDIENCE, page, portal_view
from digitalbilanz.portfolio import charts, search
from digitalbilanz.portfolio.appraisal import criteria_scores, figures_for
from digitalbilanz.portfolio.choices import MeasureStatus
from digitalbilanz.portfolio.models import FieldOfAction, Measure
from digitalbilanz.portfolio.queries import audience_measures
from digitalbilanz.registry.measures import render_measure_panels

PAGE_SIZE = 25


class FilterForm(forms.Form):
    """The list's query parameters; invalid values give a 400 page with the reason."""

    q = forms.CharField(label=_("Suchbegriff"), required=False, max_length=200)
    handlungsfeld = forms.TypedChoiceField(
        label=_("Handlungsfeld"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    fb = forms.TypedChoiceField(label=_("Federführung"), required=False, coerce=int, empty_value=None)
    seite = forms.IntegerField(label=_("Seite"), required=False, min_value=1)

    def __init__(self, data, fields, units):
        super().__init__(data)
        self.fields["handlungsfeld"].choices = [("", _("alle"))] + [(f.pk, f.title) for f in fields]
        self.fields["status"].choices = [("", _("alle"))] + list(MeasureStatus.choices)
        self.fields["fb"].choices = [("", _("alle"))] + [(u.pk, u.name) for u in units]


def public_units(municipality):
    """Departments that lead at least one public measure (the filter's choices)."""
    measures = Measure.objects.for_audience(municipality, AUDIENCE)
    return OrgUnit.objects.filter(led_measures__in=measures).distinct().order_by("name")


def filtered(municipality, data):
    fields = list(FieldOfAction.objects.for_audience(municipality, AUDIENCE))
    form = FilterForm(data, fields, list(public_units(municipality)))
    measures = audience_measures(municipality, AUDIENCE)
    if not form.is_valid():
        return form, measures.none()
    clean = form.cleaned_data
    if clean["handlungsfeld"]:
        measures = measures.filter(fields_of_action__pk=clean["handlungsfeld"])
    if clean["status"]:
        measures = measures.filter(status=clean["status"])
    if clean["fb"]:
        measures = measures.filter(lead_department__pk=clean["fb"])
    return form, search.search_measures(measures, clean["q"])


@portal_view
def measure_list(request, municipality):
    form, measures = filtered(municipality, request.GET)
    paginator = Paginator(measures, PAGE_SIZE)
    page_obj = paginator.get_page(form.cleaned_data.get("seite") if form.is_valid() else 1)
    query = request.GET.copy()
    query.pop("seite", None)
    context = {"form": form, "page": page_obj, "querystring": query.urlencode()}
    status = 200 if form.is_valid() else 400
    return page(request, municipality, "measure_list.html", context, status, "measures")


def public_measure_or_404(municipality, pk):
    return get_object_or_404(audience_measures(municipality, AUDIENCE), pk=pk)


@portal_view
def measure_detail(request, municipality, pk):
    measure = public_measure_or_404(municipality, pk)
    figures = figures_for(measure, ParameterSet.for_municipality(municipality))
    yearly = {row.year: row.balance for row in figures.appraisal.yearly} if figures.appraisal else {}
    context = {
        "measure": measure,
        "figures": figures,
        "today": dt.date.today(),
        "chart": charts.balance_chart(yearly, title=f"Jährlicher Saldo: {measure.title}"),
        "timeline": charts.milestone_timeline(measure.milestones.all()),
        "criteria": criteria_scores(measure),
        "lines": sorted(measure.lines.all(), key=lambda line: (line.year, line.kind != "cost", line.pk)),
        "panels": render_measure_panels(request, municipality, measure, [AUDIENCE], public=True),
    }
    return page(request, municipality, "measure_detail.html", context, section="measures")


@portal_view
def measure_history(request, municipality, pk):
    measure = public_measure_or_404(municipality, pk)
    entries = history.public_changes(measure)
    return page(
        request,
        municipality,
        "measure_history.html",
        {"measure": measure, "entries": entries},
        section="measures",
    )
