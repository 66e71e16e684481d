"""Leak test: marker values on council and internal records never reach any public output."""

import datetime as dt
import io
import json
import re
from urllib.parse import urljoin, urlparse

import pytest
from django.test import Client

from digitalbilanz.contracts.tests import markers as contract_markers
from digitalbilanz.core.choices import Visibility
from digitalbilanz.council.tests import markers as council_markers
from digitalbilanz.finance.models import BudgetAssignment, BudgetFigure, BudgetStatus, ProductGroup
from digitalbilanz.indicators.models import Indicator, Limit, Observation
from digitalbilanz.portal.models import AccessibilityFeedback
from digitalbilanz.portfolio.models import Benefit, FieldOfAction, Line, Measure, Strategy
from digitalbilanz.registry.tables import tables
from digitalbilanz.services import imports as service_imports
from digitalbilanz.services.derive import update_measure_lines
from digitalbilanz.services.models import Activity, Service
from digitalbilanz.sources.models import Source
from digitalbilanz.steering.tests import markers as steering_markers
from digitalbilanz.testing import Factory

MARKERS = {Visibility.COUNCIL: "LEAK-COUNCIL-7f3a", Visibility.INTERNAL: "LEAK-INTERNAL-9b2c"}


def _plant(town):
    """Marker records of every kind, hidden either themselves or through their measure."""
    public = Measure.objects.filter(municipality=town, visibility=Visibility.PUBLIC).first()
    for level, marker in MARKERS.items():
        hidden = Factory.measure(
            town,
            visibility=level,
            code=f"{marker}-M",
            title=f"{marker} Maßnahme",
            description=marker,
            goals=marker,
        )
        for measure in (hidden, public):
            vis = level if measure is public else Visibility.PUBLIC
            Factory.line(measure, label=f"{marker} Zeile", note=marker, visibility=vis)
            Factory.milestone(measure, title=f"{marker} Meilenstein", visibility=vis)
            Benefit.objects.create(
                municipality=town,
                measure=measure,
                number=90,
                category="cash",
                description=f"{marker} Nutzen",
                owner=marker,
                kpi=marker,
                data_source=marker,
                baseline_value=1,
                baseline_date="2024-01-01",
                target_value=2,
                target_date="2025-01-01",
                visibility=vis,
            )
        strategy = Strategy.objects.create(
            municipality=town, title=f"{marker} Strategie", kind="it", summary=marker, visibility=level
        )
        field = FieldOfAction.objects.create(
            municipality=town, title=f"{marker} Feld", visibility=level, strategy=strategy
        )
        public.fields_of_action.add(field)  # a public measure in a hidden field of action
        group = ProductGroup.objects.create(
            municipality=town,
            number="9999" if level == "council" else "9998",
            name=f"{marker} Produktgruppe",
            visibility=level,
        )
        BudgetFigure.objects.create(
            municipality=town,
            product_group=group,
            year=2024,
            kind="plan",
            amount=1,
            source=marker,
            visibility=level,
        )
        public_group = ProductGroup.objects.filter(municipality=town, visibility=Visibility.PUBLIC).first()
        BudgetFigure.objects.create(
            municipality=town,
            product_group=public_group,
            year=1999 if level == "council" else 1998,
            kind="plan",
            amount=1,
            source=marker,
            visibility=level,
        )
        # An online service with its non-public fields, case numbers and derived hours lines.
        service = Service.objects.create(
            municipality=town,
            ozg_id=f"{marker}-S",
            name=f"{marker} Dienst",
            subject_area=marker,
            wave=marker[:40],
            cost_note=marker,
            visibility=level,
        )
        Activity.objects.create(
            service=service, channel="counter", label=marker, minutes=30, career_level="md"
        )
        service.measures.add(public)
        cases = [
            (service.pk, "year", dt.date(2024, 1, 1), c, n) for c, n in (("counter", 4711), ("online", 100))
        ]
        service_imports.write(town, service_imports.Parsed(rows=cases))
        update_measure_lines(service, reason=marker)
        assert Line.objects.filter(measure=public, label__contains=marker).exists()  # derived, hidden
        _plant_finance(town, level, marker, hidden, public)
    contract_markers.plant(town, MARKERS)
    steering_markers.plant(town, MARKERS)
    council_markers.plant(town, MARKERS)
    # Non-public sources of the register, cited from a public text: the marker stays plain text.
    for number, (level, marker) in enumerate(MARKERS.items(), start=90):
        Source.objects.create(
            municipality=town,
            key=f"S{number}",
            kind="other",
            title=marker,
            reference=marker,
            visibility=level,
        )
        public.description = f"{public.description} [S{number}]"
    public.save()
    # Feedback on the accessibility statement is for the administration only.
    AccessibilityFeedback.objects.create(
        municipality=town, message=MARKERS["internal"], page=MARKERS["internal"], email="a@example.org"
    )
    # Change a hidden line of a public measure (its history must stay hidden too).
    line = Line.objects.get(measure=public, label=f"{MARKERS['internal']} Zeile")
    line.amount = 4242
    line.save()


def _plant_finance(town, level, marker, hidden_measure, public_measure):
    """Budget status, plan lines, assignments and indicators at a hidden level (or public
    records hanging on hidden ones)."""
    public_group = ProductGroup.objects.filter(municipality=town, visibility=Visibility.PUBLIC).first()
    year = 2031 if level == "council" else 2032
    BudgetStatus.objects.create(
        municipality=town, year=year, stage="preparation", note=marker, source=marker, visibility=level
    )
    BudgetFigure.objects.create(
        municipality=town,
        product_group=public_group,
        year=year,
        kind="plan",
        plan="result",
        line_number=13,
        line_label=marker,
        amount=-1,
        source=marker,
        visibility=level,
    )
    BudgetAssignment.objects.create(
        municipality=town,
        measure=hidden_measure,
        product_group=public_group,
        first_year=2020,
        note=marker,
        visibility=Visibility.PUBLIC,
    )
    measure = Factory.measure(
        town, code=f"Z-{level}", title="Zuordnung verborgen", visibility=Visibility.PUBLIC
    )
    BudgetAssignment.objects.create(
        municipality=town,
        measure=measure,
        product_group=public_group,
        first_year=2020,
        note=marker,
        visibility=level,
    )
    secret = Indicator.objects.create(
        municipality=town,
        key=f"leak_{level}",
        name=marker,
        topic="finance",
        unit="EUR",
        description=marker,
        visibility=level,
    )
    Observation.objects.create(
        municipality=town,
        indicator=secret,
        date="2021-06-18",
        value=1,
        unit="EUR",
        source=marker,
        visibility=Visibility.PUBLIC,
    )
    Indicator.objects.create(
        municipality=town,
        key=f"leak_{level}_derived",
        name=f"Abgeleitet {level}",
        topic="finance",
        unit="EUR",
        formula="change_period",
        input_a=secret,
        visibility=Visibility.PUBLIC,
    )
    credits = Indicator.objects.filter(municipality=town, key="cash_credits").first()
    if credits is not None:
        Observation.objects.create(
            municipality=town,
            indicator=credits,
            date=f"{year}-01-01",
            value=1,
            unit="EUR",
            source=marker,
            note=marker,
            visibility=level,
        )
        Limit.objects.create(
            municipality=town,
            indicator=credits,
            kind="ceiling",
            value=1,
            valid_from=f"{year}-01-01",
            resolution=marker,
            source=marker,
            visibility=level,
        )


def _assert_clean(url, body: bytes):
    text = body.decode("utf-8", errors="replace")
    if url.endswith(".xlsx"):
        text = _xlsx_text(body)
    for marker in MARKERS.values():
        assert marker not in text, f"{marker} leaked at {url}"


def _xlsx_text(body):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(body))
    return " ".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row)


def _crawl(client, start, prefix):
    seen, queue = set(), [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code in (200, 302), url
        body = response.content if not response.streaming else b"".join(response.streaming_content)
        _assert_clean(url, body)
        if "html" in response.get("Content-Type", ""):
            for href in re.findall(r'href="([^"#]+)', body.decode()):
                target = urljoin(url, href.replace("&amp;", "&"))
                parsed = urlparse(target)
                if not parsed.netloc and parsed.path.startswith(prefix):
                    queue.append(target)
    return seen


@pytest.mark.django_db
def test_no_marker_appears_on_any_public_page_api_endpoint_or_file(town):
    _plant(town)
    client = Client()
    pages = _crawl(client, "/leverkusen/", "/leverkusen/")
    assert len(pages) > 20
    assert any(p.endswith(".atom") for p in pages)  # the change feeds, linked from the pages
    comparison = _crawl(client, "/vergleich/", "/vergleich/")  # page, CSV, national catalogue
    assert {"/vergleich/", "/vergleich/vergleich.csv", "/vergleich/katalog.jsonld"} <= comparison
    api = _crawl_api(client)
    assert len(api) > 10
    for table in tables():
        for fmt in ("csv", "json", "xlsx"):
            url = f"/leverkusen/daten/{table.name}.{fmt}"
            _assert_clean(url, client.get(url).content)


def _crawl_api(client):
    seen = set()
    queue = ["/api/v1/", "/api/v1/openapi.json", "/api/v1/municipalities/", "/api/v1/leverkusen/"]
    queue += [f"/api/v1/leverkusen/{t.name}/?page_size=200" for t in tables()]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_clean(url, response.content)
        data = json.loads(response.content)
        for item in data.get("results", []) if isinstance(data, dict) else []:
            if "id" in item and "/leverkusen/" in url:
                queue.append(urlparse(url).path + f"{item['id']}/")
    # Hidden records exist but answer 404 without a key.
    hidden = Measure.objects.filter(code__startswith="LEAK").first()
    assert client.get(f"/api/v1/leverkusen/measures/{hidden.pk}/").status_code == 404
    return seen


@pytest.mark.django_db
def test_search_does_not_find_hidden_measures(town):
    _plant(town)
    for marker in MARKERS.values():
        # The query itself is echoed in the search box; the hidden measure must not be found.
        html = Client().get(f"/leverkusen/massnahmen/?q={marker}").content.decode()
        assert "Keine Maßnahmen gefunden" in html and f"{marker} Maßnahme" not in html
        body = Client().get(f"/api/v1/leverkusen/measures/?q={marker}").json()
        assert body["count"] == 0


@pytest.mark.django_db
def test_published_report_files_do_not_leak(town):
    reports = pytest.importorskip("digitalbilanz.reports.service", reason="reports app not available")
    from django.contrib.auth import get_user_model

    from digitalbilanz.reports.public import published_editions

    _plant(town)
    user = get_user_model().objects.get(username="redaktion")
    edition = reports.create_draft(town, "2024-H1", "public", user)  # built after the markers exist
    reports.publish(edition, user, confirm=True, note="")
    client = Client()
    checked = 0
    for edition in published_editions(town):
        for f in edition.files.all():
            url = f"/leverkusen/berichte/{edition.pk}.{f.format}"
            response = client.get(url)
            assert response.status_code == 200, url
            body = response.content if not response.streaming else b"".join(response.streaming_content)
            _assert_clean(url, _pdf_text(body) if f.format == "pdf" else body)
            checked += 1
    assert checked >= 3


def _pdf_text(body):
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(body)).pages).encode()
