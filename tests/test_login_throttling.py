"""Logins are throttled by user name and address (django-axes); passwords are at least 12 characters."""

from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

RIGHT = "a-long-password-123"


def log_in(client, password, address="203.0.113.7"):
    return client.post(reverse("admin:login"), {"username": "edith", "password": password}, REMOTE_ADDR=address)


def logged_in(client):
    return client.get(reverse("admin:index")).status_code == 200


def test_thirty_wrong_passwords_then_the_right_one_is_refused(editor):
    """After the failure limit, even the right password is refused from that address, saying why."""
    attacker = Client()
    for _ in range(30):
        log_in(attacker, "guess-123456")
    response = log_in(attacker, RIGHT)
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert not logged_in(attacker)


def test_the_editor_at_her_own_address_is_not_locked_out(editor):
    """An attacker's failures elsewhere never lock the real editor out of her own address."""
    attacker = Client()
    for _ in range(30):
        log_in(attacker, "guess-123456")
    editor_browser = Client()
    assert log_in(editor_browser, RIGHT, address="198.51.100.20").status_code == 302
    assert logged_in(editor_browser)


def test_lock_ends_after_the_cool_off(editor, time_machine):
    """The lock lasts the cool-off, not for ever."""
    start = timezone.now()
    time_machine.move_to(start, tick=False)
    client = Client()
    for _ in range(6):
        log_in(client, "guess-123456")
    assert log_in(client, RIGHT).status_code == 429
    time_machine.move_to(start + timedelta(minutes=16), tick=False)
    assert log_in(client, RIGHT).status_code == 302


def test_a_few_mistakes_then_success_start_afresh(editor):
    """A success clears the count: someone who mistypes now and then is never locked out."""
    client = Client()
    for _ in range(3):
        for _ in range(4):
            log_in(client, "typo-123456789")
        assert log_in(client, RIGHT).status_code == 302
        client.post(reverse("admin:logout"))


@pytest.mark.parametrize(("password", "ok"), [("Short-pass1", False), ("long-enough-12", True)])
def test_passwords_need_twelve_characters(password, ok):
    """Eleven characters are refused with a clear message; twelve pass."""
    if ok:
        validate_password(password)
    else:
        with pytest.raises(ValidationError, match="at least 12 characters"):
            validate_password(password)
