"""A published HTML edition keeps its stored bytes and still gets its stylesheet under the
portal's Content-Security-Policy: exactly its own inline style is allowed, by hash."""

import base64
import hashlib
import re

from django.test import Client

from digitalbilanz.reports import service


def test_public_html_edition_allows_only_its_own_stylesheet(town):
    edition = service.publish(service.create_draft(town, "2024-H1", "public"), confirm=True)
    response = Client().get(f"/{town.slug}/berichte/{edition.pk}.html")
    assert response.status_code == 200
    assert response.content == bytes(edition.file("html").content)
    style = re.search(rb"<style>(.*?)</style>", response.content, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(style).digest()).decode()
    policy = response["Content-Security-Policy"]
    assert f"style-src 'self' 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy and "script-src 'self'" in policy
    assert "sha256" not in Client().get(f"/{town.slug}/").headers["Content-Security-Policy"]
