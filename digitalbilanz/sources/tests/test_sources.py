"""The source register: role matrix, marker links (escaped, never revealing a hidden source),
form, public page, open data and the report's „Quellen“ appendix."""

import io
import re

import pytest
from django.test import Client
from openpyxl import load_workbook
from pypdf import PdfReader

from digitalbilanz.core.choices import Role, Visibility
from digitalbilanz.portfolio.models import FieldOfAction
from digitalbilanz.reports import service
from digitalbilanz.sources.markers import Target, cited_keys, link_markers
from digitalbilanz.sources.models import Source
from digitalbilanz.testing import Factory

PUBLIC, COUNCIL, INTERNAL = Visibility.PUBLIC, Visibility.COUNCIL, Visibility.INTERNAL
TITLES = {PUBLIC: "Drucksache öffentlich", COUNCIL: "Vorlage Rat geheim", INTERNAL: "Vermerk intern geheim"}
KEYS = {PUBLIC: "S1", COUNCIL: "S2", INTERNAL: "S3"}


def source(town, visibility, key=None, title=None, **kwargs):
    return Source.objects.create(
        municipality=town,
        visibility=visibility,
        key=key or KEYS[visibility],
        kind="council_paper",
        title=title or TITLES[visibility],
        **kwargs,
    )


@pytest.fixture
def world(db):
    town = Factory.municipality(slug="stadt")
    for level in (PUBLIC, COUNCIL, INTERNAL):
        source(town, level, reference="Drucksache 2023/1")
    return {
        "town": town,
        "admin": Factory.user(town, Role.ADMIN),
        "editor": Factory.user(town, Role.EDITOR),
        "council": Factory.user(town, Role.COUNCIL),
        "reader": Factory.user(town, Role.READER),
        "outsider": Factory.user(Factory.municipality(), Role.ADMIN),
    }


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(
    "role,readable",
    [
        ("admin", {PUBLIC, COUNCIL, INTERNAL}),
        ("editor", {PUBLIC, COUNCIL, INTERNAL}),
        ("reader", {PUBLIC, COUNCIL, INTERNAL}),
        ("council", {PUBLIC, COUNCIL}),
    ],
)
def test_app_register_shows_what_the_role_may_read(world, role, readable):
    html = client_for(world[role]).get("/app/stadt/quellen/").content.decode()
    for level, title in TITLES.items():
        assert (title in html) == (level in readable), (role, level)


def test_outsiders_and_anonymous_do_not_see_the_register(world):
    assert client_for(world["outsider"]).get("/app/stadt/quellen/").status_code == 404
    assert client_for(None).get("/app/stadt/quellen/").status_code in (302, 404)


def test_portal_page_and_open_data_list_only_public_sources(world):
    html = Client().get("/stadt/quellen/").content.decode()
    assert TITLES[PUBLIC] in html and 'id="quelle-s1"' in html
    assert TITLES[COUNCIL] not in html and TITLES[INTERNAL] not in html
    csv = Client().get("/stadt/daten/sources.csv").content.decode()
    assert TITLES[PUBLIC] in csv
    assert TITLES[COUNCIL] not in csv and TITLES[INTERNAL] not in csv


def test_markers_link_readable_sources_and_leave_the_rest_plain():
    readable = {"S1": Target("S1", "Titel", "/stadt/quellen/#quelle-s1")}
    html = str(link_markers("Laut [S1, S2] und [S9]; nicht [X1] oder S1.", readable))
    assert html == (
        'Laut [<a class="source" href="/stadt/quellen/#quelle-s1" title="Titel">S1</a>, S2] und [S9]; '
        "nicht [X1] oder S1."
    )
    assert cited_keys("a [S1, S3] b [S12] c S4 [Q1]") == {"S1", "S3", "S12"}


def test_markers_are_linked_after_escaping():
    readable = {"S1": Target("S1", '"><script>alert(1)</script>', "/x/#quelle-s1")}
    html = str(link_markers('<script>alert("x")</script> [S1]\nzweite Zeile', readable, linebreaks=True))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert 'title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert html.endswith("<br>zweite Zeile")


def test_pages_link_markers_by_the_readers_rights_and_never_reveal_a_hidden_title(world):
    town = world["town"]
    measure = Factory.measure(town, description="Beschluss [S1], Vorlage [S2], Vermerk [S3] <b>fett</b>")
    portal = Client().get(f"/stadt/massnahmen/{measure.pk}/").content.decode()
    assert 'href="/stadt/quellen/#quelle-s1"' in portal
    assert "Vorlage [S2], Vermerk [S3]" in portal
    assert TITLES[COUNCIL] not in portal and TITLES[INTERNAL] not in portal
    assert "&lt;b&gt;fett&lt;/b&gt;" in portal
    council = client_for(world["council"]).get(f"/app/stadt/massnahmen/{measure.pk}/").content.decode()
    assert 'href="/app/stadt/quellen/#quelle-s2"' in council and TITLES[COUNCIL] in council
    assert "Vermerk [S3]" in council and TITLES[INTERNAL] not in council
    # a council member reading the portal gets the public view
    portal_as_council = client_for(world["council"]).get(f"/stadt/massnahmen/{measure.pk}/").content.decode()
    assert TITLES[COUNCIL] not in portal_as_council


def test_form_creates_a_source_and_refuses_a_taken_or_malformed_key(world):
    client = client_for(world["editor"])
    data = {
        "key": "s4",
        "kind": "statistic",
        "title": "Einwohnerstatistik",
        "reference": "",
        "date": "2024-01-31",
        "url": "https://example.org/statistik",
        "visibility": PUBLIC,
        "change_reason": "neu",
    }
    response = client.post("/app/stadt/quellen/neu/", data)
    assert response.status_code == 302
    created = Source.objects.get(municipality=world["town"], key="S4")
    assert created.history.first().history_change_reason == "neu"
    taken = client.post("/app/stadt/quellen/neu/", {**data, "key": "S1"})
    assert taken.status_code == 400 and "Das Kürzel „S1“ ist schon vergeben." in taken.content.decode()
    bad = client.post("/app/stadt/quellen/neu/", {**data, "key": "Q 1", "url": "javascript:alert(1)"})
    text = bad.content.decode()
    assert bad.status_code == 400 and "Das Kürzel besteht aus „S“ und einer Zahl" in text
    assert Source.objects.filter(municipality=world["town"]).count() == 4


def test_council_member_may_not_edit(world):
    assert client_for(world["council"]).get("/app/stadt/quellen/neu/").status_code == 404


def test_stale_form_is_refused(world):
    s1 = Source.objects.get(municipality=world["town"], key="S1")
    client = client_for(world["editor"])
    form = {
        "key": "S1",
        "kind": "council_paper",
        "title": "Mein Titel",
        "reference": "",
        "date": "",
        "url": "",
        "visibility": PUBLIC,
        "change_reason": "Titel",
        "lock_version": s1.lock_version,
    }
    s1.title = "Anderer Titel"
    s1.save()
    response = client.post(f"/app/stadt/quellen/{s1.pk}/bearbeiten/", form)
    assert response.status_code == 400
    s1.refresh_from_db()
    assert s1.title == "Anderer Titel"


def _texts(edition):
    pdf = PdfReader(io.BytesIO(bytes(edition.file("pdf").content)))
    wb = load_workbook(io.BytesIO(bytes(edition.file("xlsx").content)))
    cells = " ".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    return {
        "pdf": " ".join(" ".join(page.extract_text() for page in pdf.pages).split()),
        "html": bytes(edition.file("html").content).decode(),
        "xlsx": cells,
    }


def test_report_appendix_lists_cited_sources_readable_for_the_audience(world):
    town = world["town"]
    source(town, PUBLIC, key="S4", title="Nicht zitierte Quelle")
    FieldOfAction.objects.create(
        municipality=town, visibility=PUBLIC, code="1", title="Verwaltung", description="Nach [S1] und [S2]."
    )
    edition = service.publish(service.create_draft(town, "2024-H1", "public"), confirm=True)
    for fmt, text in _texts(edition).items():
        assert "Quellen" in text, fmt
        assert TITLES[PUBLIC] in text, fmt
        assert "Drucksache 2023/1" in text, fmt
        assert TITLES[COUNCIL] not in text and TITLES[INTERNAL] not in text, fmt
        assert "Nicht zitierte Quelle" not in text, fmt
    council = service.create_draft(town, "2024-H1", "council")
    keys = [s["key"] for s in _chapter().cited(council.snapshot)]
    assert keys == ["S1", "S2"]


def _chapter():
    from digitalbilanz.registry.chapters import all_chapters

    return next(c for c in all_chapters() if c.key == "sources")


def test_demo_markers_resolve_to_public_council_papers(demo_town):
    sources = {s.key: s for s in Source.objects.for_audience(demo_town, "public")}
    assert set(sources) == {"S1", "S2", "S3"}
    assert sources["S2"].reference == "Antrag Nr. 2023/2362"
    assert {s.kind for s in sources.values()} == {"council_paper"}
    client = Client()
    pages = ["/leverkusen/strategie/"]
    measures = re.findall(
        r'href="(/leverkusen/massnahmen/\d+/)"', client.get("/leverkusen/massnahmen/").content.decode()
    )
    pages += sorted(set(measures))
    linked = 0
    for url in pages:
        html = client.get(url).content.decode()
        text = re.sub(r"<[^>]+>", "", html)
        assert cited_keys(text) <= set(sources), url
        linked += html.count('class="source"')
    assert linked > 5
