"""Brute force is refused: login lockout per account and address (django-axes), admin included,
wrong API keys answered with 429, passwords of at least 12 characters, sessions that time out."""

from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from digitalbilanz.api.models import ApiKey
from digitalbilanz.core.choices import Role
from digitalbilanz.core.onboarding import new_admin
from digitalbilanz.demo.users import DEMO_PASSWORD
from digitalbilanz.testing import Factory

PASSWORD = "pw-für-tests"


@pytest.fixture(autouse=True)
def _lockout_on(settings):
    settings.AXES_ENABLED = True


def _login(client, url, username, password, address="10.0.0.1"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", ["/anmelden/", "/admin/login/"])
def test_the_right_password_after_25_wrong_ones_is_refused(db, url):
    user = Factory.user(username="anna")
    user.is_staff = True
    user.save()
    client = Client()
    for _ in range(25):
        _login(client, url, "anna", "falsch-geraten")
    response = _login(client, url, "anna", PASSWORD)
    assert response.status_code == 429
    assert not _logged_in(client)
    page = response.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in page and "erneut" in page and " Uhr" in page
    assert int(response["Retry-After"]) == 15 * 60


def test_a_locked_account_stays_locked_from_another_address(db):
    Factory.user(username="anna")
    client = Client()
    for i in range(10):
        _login(client, "/anmelden/", "anna", "falsch", address=f"10.0.1.{i}")
    assert _login(client, "/anmelden/", "anna", PASSWORD, address="10.0.2.1").status_code == 429


def test_an_address_guessing_many_accounts_is_locked_out_for_all_of_them(db):
    Factory.user(username="anna")
    client = Client()
    for i in range(10):
        _login(client, "/anmelden/", f"konto{i}", "falsch", address="10.9.9.9")
    assert _login(client, "/anmelden/", "anna", PASSWORD, address="10.9.9.9").status_code == 429
    assert _login(client, "/anmelden/", "anna", PASSWORD, address="10.9.9.8").status_code == 302


def test_a_few_typos_then_the_right_password_log_in_and_reset_the_count(db):
    Factory.user(username="anna")
    client = Client()
    for _ in range(3):
        assert _login(client, "/anmelden/", "anna", "vertippt").status_code == 200
    assert _login(client, "/anmelden/", "anna", PASSWORD).status_code == 302
    assert _logged_in(client)


def test_wrong_api_keys_from_one_address_get_429_in_the_api_error_shape(db, settings):
    settings.DIGITALBILANZ_API_KEY_FAILURES = 20
    town = Factory.municipality()
    _, secret = ApiKey.issue(town, Factory.user(town, Role.EDITOR), "Test")
    url = f"/api/v1/{town.slug}/measures/"
    client = Client(REMOTE_ADDR="10.0.0.7")
    statuses = [client.get(url, HTTP_AUTHORIZATION=f"Bearer geraten-{i}").status_code for i in range(25)]
    assert statuses[:20] == [401] * 20 and statuses[20:] == [429] * 5
    # Guessing right does not help any more; another address is not affected.
    blocked = client.get(url, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert blocked.status_code == 429
    error = blocked.json()["error"]
    assert error["code"] == "too_many_invalid_keys" and "Minuten erneut versuchen" in error["message"]
    assert 0 < int(blocked["Retry-After"]) <= 15 * 60
    other = Client(REMOTE_ADDR="10.0.0.8").get(url, HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert other.status_code == 200


def test_a_password_of_ten_characters_is_refused(db):
    with pytest.raises(ValidationError) as refused:
        validate_password("Kx9#mQ2$vL", Factory.user())
    assert any(e.code == "password_too_short" for e in refused.value.error_list)


def test_common_passwords_are_refused_however_long(db):
    with pytest.raises(ValidationError):
        validate_password("qwerty123456", Factory.user())


def test_the_demo_password_and_generated_onboarding_passwords_pass(db):
    validate_password(DEMO_PASSWORD, Factory.user(username="redaktion"))
    user, generated = new_admin("neu", email="neu@example.org")
    assert len(generated) >= 12
    validate_password(generated, user)


def test_a_session_ends_after_an_hour_without_requests_and_each_request_extends_it(db):
    town = Factory.municipality()
    client = Client()
    client.force_login(Factory.user(town, Role.EDITOR))
    url = f"/app/{town.slug}/"
    assert client.get(url).status_code == 200
    remaining = Session.objects.get().expire_date - timezone.now()
    assert timedelta(minutes=59) < remaining <= timedelta(minutes=60)
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))
    assert client.get(url).status_code == 200
    assert Session.objects.get().expire_date - timezone.now() > timedelta(minutes=59)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/anmelden/")


def test_behind_a_trusted_proxy_the_forwarded_client_is_locked_out_not_the_proxy(db, settings):
    settings.DIGITALBILANZ_TRUST_X_FORWARDED_FOR = True
    Factory.user(username="anna")
    proxy = Client(REMOTE_ADDR="127.0.0.1")
    for i in range(10):
        # The client forges a first entry; the proxy appends the address it really saw.
        forwarded = f"192.0.2.{i}, 203.0.113.9"
        proxy.post("/anmelden/", {"username": f"konto{i}", "password": "x"}, HTTP_X_FORWARDED_FOR=forwarded)
    attacker = proxy.post(
        "/anmelden/", {"username": "anna", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    colleague = Client(REMOTE_ADDR="127.0.0.1").post(
        "/anmelden/", {"username": "anna", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.4"
    )
    assert attacker.status_code == 429 and colleague.status_code == 302
