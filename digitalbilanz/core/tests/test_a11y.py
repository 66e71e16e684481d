"""Accessibility of the shared pieces every module renders through: the form templates, the page
title, the colour tokens, the table region and the chart markers (WCAG 2.1 AA).

What only a browser can tell (focus, accessible description, reflow at 320 px) is checked in
``digitalbilanz/tests/test_browser_a11y.py``.
"""

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django import forms
from django.template import Context, Template
from django.test import Client

from digitalbilanz.core.choices import Role
from digitalbilanz.testing import Factory

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "app.css"


class _Elements(HTMLParser):
    """Collects every element's attributes and the text inside elements with an id."""

    def __init__(self):
        super().__init__()
        self.elements, self.open_ids, self.text = [], [], {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag not in ("input", "br", "img", "meta", "link"):
            self.open_ids.append(attrs.get("id"))

    def handle_endtag(self, tag):
        if self.open_ids and tag not in ("input", "br", "img", "meta", "link"):
            self.open_ids.pop()

    def handle_data(self, data):
        for element_id in self.open_ids:
            if element_id:
                self.text[element_id] = self.text.get(element_id, "") + data


def _parse(html):
    parser = _Elements()
    parser.feed(html)
    return parser


def _title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


@pytest.fixture
def editor(db):
    town = Factory.municipality()
    client = Client()
    client.force_login(Factory.user(town, Role.ADMIN))
    return town, client, Factory.measure(town, start_date=dt.date(2024, 1, 1))


def _line_post(client, town, measure, **data):
    values = {"kind": "cost", "group": "development", "category": "external", "year": "2024"}
    values.update({"label": "", "amount": "1000", "risk_surcharge": "0", "visibility": "public"})
    values.update(data)
    return client.post(f"/app/{town.slug}/massnahmen/{measure.pk}/zeilen/neu/", values)


def test_an_invalid_field_points_to_an_error_element_that_exists_and_names_the_problem(editor):
    town, client, measure = editor
    html = _line_post(client, town, measure).content.decode()
    page = _parse(html)
    label_input = next(a for t, a in page.elements if a.get("name") == "label")
    assert label_input["aria-invalid"] == "true"
    described = label_input["aria-describedby"].split()
    assert "id_label_error" in described
    for ref in described:
        assert ref in page.text, f"aria-describedby points to a missing element: {ref}"
    assert "erforderlich" in page.text["id_label_error"]


def test_the_error_summary_is_focused_names_each_field_and_links_to_it(editor):
    town, client, measure = editor
    html = _line_post(client, town, measure, year="").content.decode()
    page = _parse(html)
    summary = next(a for t, a in page.elements if a.get("id") == "fehler")
    assert "autofocus" in summary and summary["tabindex"] == "-1"
    links = {a["href"] for t, a in page.elements if t == "a" and a.get("href", "").startswith("#id_")}
    assert {"#id_label", "#id_year"} <= links
    for href in links:
        assert href[1:] in {a.get("id") for t, a in page.elements}, href
    summary_text = page.text["fehler"]
    assert "Bezeichnung" in summary_text and "Jahr" in summary_text


def test_the_page_title_says_there_are_errors_and_names_the_municipality(editor):
    town, client, measure = editor
    ok = client.get(f"/app/{town.slug}/massnahmen/{measure.pk}/zeilen/neu/").content.decode()
    failed = _line_post(client, town, measure).content.decode()
    assert not _title(ok).startswith("Fehler")
    assert town.name in _title(ok)
    assert _title(failed) == "Fehler: " + _title(ok)


def test_the_report_form_links_its_errors_too(editor):
    town, client, _measure = editor
    response = client.post(f"/app/{town.slug}/berichte/neu/", {"period": "", "audience": "public"})
    assert response.status_code == 400
    html = response.content.decode()
    page = _parse(html)
    period = next(a for t, a in page.elements if a.get("name") == "period")
    assert "id_period_error" in period["aria-describedby"].split()
    assert "id_period_error" in page.text
    assert _title(html).startswith("Fehler: ")
    assert "#id_period" in {a.get("href") for t, a in page.elements if t == "a"}


def _criteria_post(client, town, measure, **data):
    values = {"criteria-TOTAL_FORMS": "1", "criteria-INITIAL_FORMS": "0"}
    values.update({"criteria-0-module": "Q", "criteria-0-label": "Bürgernähe", "criteria-0-score": "4"})
    values.update({"criteria-0-weight": "100", "criteria-0-measure": str(measure.pk)})
    values.update(data)
    return client.post(f"/app/{town.slug}/massnahmen/{measure.pk}/bewertung/", values)


def test_the_criteria_form_describes_an_invalid_field_and_links_it_from_the_summary(editor):
    town, client, measure = editor
    response = _criteria_post(client, town, measure, **{"criteria-0-weight": "viel"})
    assert response.status_code == 400
    assert not measure.criteria.exists()
    html = response.content.decode()
    page = _parse(html)
    weight = next(a for t, a in page.elements if a.get("name") == "criteria-0-weight")
    assert weight["aria-invalid"] == "true"
    described = weight["aria-describedby"].split()
    assert "id_criteria-0-weight_error" in described
    for ref in described:
        assert ref in page.text, f"aria-describedby points to a missing element: {ref}"
    assert "Zahl" in page.text["id_criteria-0-weight_error"]
    summary = next(a for t, a in page.elements if a.get("id") == "fehler")
    assert "autofocus" in summary and summary["tabindex"] == "-1"
    assert "Zeile 1, Gewicht" in page.text["fehler"]
    links = {a["href"] for t, a in page.elements if t == "a" and a.get("href", "").startswith("#id_")}
    assert links == {"#id_criteria-0-weight"}
    assert weight["id"] == "id_criteria-0-weight"
    assert _title(html).startswith("Fehler: ")


def test_the_criteria_form_summary_states_a_rule_across_rows(editor):
    town, client, measure = editor
    html = _criteria_post(client, town, measure, **{"criteria-0-weight": "60"}).content.decode()
    page = _parse(html)
    assert "60,00 % statt 100 %" in page.text["fehler"]
    assert _title(html).startswith("Fehler: ")


def test_the_criteria_form_is_saved_when_valid(editor):
    town, client, measure = editor
    response = _criteria_post(client, town, measure)
    assert response.status_code == 302
    assert measure.criteria.get().label == "Bürgernähe"


def test_edit_pages_of_different_lines_have_different_titles(editor):
    town, client, measure = editor
    first = Factory.line(measure, label="Beratung")
    second = Factory.line(measure, label="Lizenzen")
    titles = {
        _title(client.get(f"/app/{town.slug}/massnahmen/{measure.pk}/zeilen/{line.pk}/").content.decode())
        for line in (first, second)
    }
    assert len(titles) == 2
    assert all(measure.title in t and town.name in t for t in titles)


def test_required_fields_are_marked_for_assistive_technology_and_the_asterisk_is_explained(editor):
    town, client, measure = editor
    html = client.get(f"/app/{town.slug}/massnahmen/{measure.pk}/zeilen/neu/").content.decode()
    page = _parse(html)
    visibility = next(a for t, a in page.elements if a.get("name") == "visibility")
    assert visibility.get("aria-required") == "true" or "required" in visibility
    assert "gekennzeichnete Felder sind Pflichtangaben" in html
    optional = next(a for t, a in page.elements if a.get("name") == "hours")
    assert "aria-required" not in optional


def test_a_grouped_field_describes_its_error_on_the_fieldset():
    class Choose(forms.Form):
        colours = forms.MultipleChoiceField(
            label="Farben", choices=[("r", "rot"), ("g", "grün")], widget=forms.CheckboxSelectMultiple
        )

    form = Choose(data={})
    html = Template("{{ form }}").render(Context({"form": form}))
    page = _parse(html)
    fieldset = next(a for t, a in page.elements if t == "fieldset")
    assert fieldset["aria-describedby"] == "id_colours_error"
    assert "id_colours_error" in page.text


def test_the_app_layout_has_no_style_element_inside_main(editor):
    town, client, _measure = editor
    from digitalbilanz.reports import service
    from digitalbilanz.reports.models import Audience

    edition = service.create_draft(town, "2024-H2", Audience.PUBLIC, None, "")
    html = client.get(f"/app/{town.slug}/berichte/{edition.pk}/").content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "<style" not in main
    assert "<style" in html[: html.index("</head>")]


# Colour tokens -------------------------------------------------------------------------


def _luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a, b):
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _tokens(css):
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))


def test_every_focus_outline_has_3_to_1_contrast_on_white_and_the_light_panels():
    css = CSS.read_text()
    tokens = _tokens(css)
    light = ["#ffffff", tokens["soft"], "#fff3d6", "#fdecea", "#e3f2e8"]
    outlines = re.findall(
        r"outline(?:-color)?:\s*(?:\d+px solid\s+)?(var\(--[\w-]+\)|#[0-9a-fA-F]{3,6})", css
    )
    assert outlines, "no focus outline found"
    for colour in outlines:
        name = colour[6:-1] if colour.startswith("var(") else None
        value = tokens[name] if name else colour
        if name == "focus-on-dark":
            assert _contrast(value, tokens["accent"]) >= 3, value
            continue
        assert len(value) == 7, f"write outline colours as tokens or #rrggbb: {value}"
        for background in light:
            assert _contrast(value, background) >= 3, (
                f"{colour} on {background}: {_contrast(value, background):.2f}"
            )


def test_no_table_is_forced_wider_than_a_phone():
    css = CSS.read_text()
    assert not re.search(r"min-width:\s*(?!0)[\d.]+(rem|px|em)", css)


# Table region ----------------------------------------------------------------------------


def test_scrollregion_names_the_region_after_the_caption_and_adds_one_when_missing():
    html = Template(
        "{% load a11y %}{% scrollregion %}<table><caption>Zahlen</caption></table>{% endscrollregion %}"
        '{% scrollregion "Zeilen" %}<table class="list"><tr><td>1</td></tr></table>{% endscrollregion %}'
    ).render(Context())
    page = _parse(html)
    regions = [a for t, a in page.elements if a.get("role") == "region"]
    assert len(regions) == 2
    assert [page.text[r["aria-labelledby"]] for r in regions] == ["Zahlen", "Zeilen"]
    assert all(r["tabindex"] == "0" and "scroll" in r["class"] for r in regions)


# Chart markers ---------------------------------------------------------------------------


def test_milestone_states_differ_in_shape_not_only_in_colour():
    from types import SimpleNamespace

    from digitalbilanz.portfolio.charts import MILESTONE_MARKERS, marker, milestone_timeline

    shapes = {
        state: re.sub(r'fill="[^"]*"|stroke="[^"]*"|[\d.]+', "", marker(state, 50, 50))
        for state in MILESTONE_MARKERS
    }
    assert len(set(shapes.values())) == len(shapes), shapes
    day = dt.date(2025, 1, 1)
    items = [
        SimpleNamespace(title="A", baseline_date=day, forecast_date=day, actual_date=day, slip_days=0),
        SimpleNamespace(
            title="B", baseline_date=day, forecast_date=day + dt.timedelta(30), actual_date=None, slip_days=30
        ),
        SimpleNamespace(title="C", baseline_date=day, forecast_date=day, actual_date=None, slip_days=0),
    ]
    svg = milestone_timeline(items)
    for label in ("erreicht", "verschobene Prognose", "Prognose", "Basisplan"):
        assert f">{label}</text>" in svg, f"legend lacks {label}"
    assert "B: Basisplan 01.01.2025, verschobene Prognose" in svg
