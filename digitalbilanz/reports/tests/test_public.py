"""The report editions in the public portal: published public editions only, in the portal layout."""

import pytest
from django.core.cache import cache
from django.test import Client

from digitalbilanz.core.cache import response_key
from digitalbilanz.reports import service
from digitalbilanz.testing import Factory


@pytest.fixture
def editions(town):
    cache.clear()
    public = service.publish(service.create_draft(town, "2024-H2", "public", title="Öffentlicher Bericht"))
    council = service.publish(service.create_draft(town, "2024-H2", "council", title="Bericht für den Rat"))
    draft = service.create_draft(town, "2025-H1", "public", title="Entwurf des Berichts")
    yield public, council, draft
    cache.clear()


def test_the_portal_lists_published_public_editions_with_their_files_in_its_layout(town, editions):
    public, _council, _draft = editions
    html = Client().get(f"/{town.slug}/berichte/").content.decode()
    assert "Öffentlicher Bericht" in html
    assert "Bericht für den Rat" not in html and "Entwurf des Berichts" not in html
    for fmt in ("pdf", "html", "xlsx"):
        assert f'href="/{town.slug}/berichte/{public.pk}.{fmt}"' in html
    assert f'<a class="brand" href="/{town.slug}/">{town.name}' in html
    assert f'<a href="/{town.slug}/berichte/" aria-current="page">Berichte</a>' in html


def test_a_council_member_sees_the_same_public_list(town, editions):
    client = Client()
    client.force_login(Factory.user(town, "council"))
    html = client.get(f"/{town.slug}/berichte/").content.decode()
    assert "Öffentlicher Bericht" in html and "Bericht für den Rat" not in html


def test_a_file_of_a_published_public_edition_is_served_to_anyone(town, editions):
    public, _council, _draft = editions
    response = Client().get(f"/{town.slug}/berichte/{public.pk}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    assert bytes(response.content) == bytes(public.file("pdf").content)


def test_every_other_file_answers_404(town, editions):
    public, council, draft = editions
    other = Factory.municipality()
    client = Client()
    for url in (
        f"/{town.slug}/berichte/{council.pk}.pdf",
        f"/{town.slug}/berichte/{draft.pk}.pdf",
        f"/{town.slug}/berichte/{public.pk}.docx",
        f"/{other.slug}/berichte/{public.pk}.pdf",
        f"/gibt-es-nicht/berichte/{public.pk}.pdf",
        "/gibt-es-nicht/berichte/",
    ):
        assert client.get(url).status_code == 404, url


def test_the_list_is_cached_for_anonymous_readers_and_the_files_are_not(town, editions):
    public, _council, _draft = editions
    client = Client()
    client.get(f"/{town.slug}/berichte/")  # the first portal page creates the portal settings
    town.refresh_from_db()
    page = client.get(f"/{town.slug}/berichte/")
    file = client.get(f"/{town.slug}/berichte/{public.pk}.pdf")
    assert file.status_code == 200
    assert cache.get(response_key(page.wsgi_request, town.pk, town.data_version)) is not None
    assert cache.get(response_key(file.wsgi_request, town.pk, town.data_version)) is None
