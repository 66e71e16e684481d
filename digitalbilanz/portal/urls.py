"""The public portal: /<municipality>/… (no login). Mounted last in digitalbilanz/urls.py.

The portal's own pages come first; then the pages modules bring as portal sections
(``registry.portal``), generated from the registry, e.g. the report editions at ``berichte/``.
"""

from django.urls import path

from digitalbilanz.portal import feeds
from digitalbilanz.portal.views import data, legal, measures, pages
from digitalbilanz.portal.views.sections import section_urlpatterns

app_name = "portal"

urlpatterns = [
    path("<slug:slug>/", pages.overview, name="overview"),
    path("<slug:slug>/strategie/", pages.strategy, name="strategy"),
    path("<slug:slug>/massnahmen/", measures.measure_list, name="measures"),
    path("<slug:slug>/massnahmen/<int:pk>/", measures.measure_detail, name="measure"),
    path("<slug:slug>/massnahmen/<int:pk>/aenderungen/", measures.measure_history, name="measure_history"),
    path("<slug:slug>/massnahmen/<int:pk>/aenderungen.atom", feeds.measure_feed, name="measure_feed"),
    path("<slug:slug>/aenderungen.atom", feeds.municipality_feed, name="feed"),
    path("<slug:slug>/haushalt/", pages.budget, name="budget"),
    path("<slug:slug>/daten/", data.data_index, name="data"),
    path("<slug:slug>/daten/spalten/", data.columns, name="columns"),
    path("<slug:slug>/daten/datapackage.json", data.datapackage, name="datapackage"),
    path("<slug:slug>/daten/katalog.jsonld", data.catalogue, name="catalogue"),
    path("<slug:slug>/daten/<slug:name>.<str:fmt>", data.download, name="download"),
    path("<slug:slug>/barrierefreiheit/", legal.accessibility, name="accessibility"),
    path(
        "<slug:slug>/barrierefreiheit/rueckmeldung/",
        legal.accessibility_feedback,
        name="accessibility_feedback",
    ),
    path("<slug:slug>/leichte-sprache/", legal.easy_language, name="easy_language"),
    path("<slug:slug>/gebaerdensprache/", legal.sign_language, name="sign_language"),
    path("<slug:slug>/impressum/", legal.imprint, name="imprint"),
    path("<slug:slug>/datenschutz/", legal.privacy, name="privacy"),
]
urlpatterns += section_urlpatterns(taken={p.name for p in urlpatterns})
