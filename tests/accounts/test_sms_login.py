"""SMS one-time-code login: limits, lockout, expiry, and no account enumeration."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from backend.accounts.models import Identity, OtpCode, User
from backend.accounts.otp import phone_index
from backend.core.ratelimit import get_limiter
from tests.factories import make_phone

pytestmark = pytest.mark.django_db


def _login(api, phone: str, code: str, **extra):
    return api.post("/api/v1/auth/sms/login", {"phone": phone, "code": code}, format="json", **extra)


def _pass_cooldown(phone: str) -> None:
    """Stand in for 60 seconds passing: clear the phone's cooldown counter only."""
    get_limiter().reset([f"otp:phone:cool:{phone_index(phone)}"])


def test_code_login_creates_one_resident_and_finds_it_again(api, request_code):
    phone = make_phone()
    response, code = request_code(phone)
    assert response.status_code == 202
    assert response.json() == {"expires_in": 300, "resend_after": 60}
    assert code is not None and len(code) == 6 and code.isdigit()

    first = _login(api, phone, code)
    assert first.status_code == 200, first.content
    assert first.json()["token_type"] == "Bearer"

    _pass_cooldown(phone)
    _, code2 = request_code(phone)
    second = _login(api, phone, code2)
    assert second.status_code == 200
    assert User.objects.count() == 1
    assert Identity.objects.filter(provider="phone", subject=phone_index(phone)).count() == 1


def test_a_code_works_once(api, request_code):
    phone = make_phone()
    _, code = request_code(phone)
    assert _login(api, phone, code).status_code == 200
    again = _login(api, phone, code)
    assert again.status_code == 400
    assert again.json()["code"] == "otp_invalid"


def test_cooldown_refuses_a_second_code_within_a_minute(request_code, sms_outbox):
    phone = make_phone()
    request_code(phone)
    response, code = request_code(phone)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "otp_rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 60
    assert code is None
    assert len(sms_outbox) == 1


def test_daily_cap_per_phone(request_code, settings, sms_outbox):
    settings.OTP_PHONE_DAILY_LIMIT = 3
    phone = make_phone()
    for _ in range(3):
        response, _code = request_code(phone)
        assert response.status_code == 202
        _pass_cooldown(phone)
    response, code = request_code(phone)
    assert response.status_code == 429
    assert response.json()["code"] == "otp_rate_limited"
    assert code is None
    assert len(sms_outbox) == 3


def test_per_ip_cap_across_phones(request_code, settings, sms_outbox):
    settings.OTP_IP_HOURLY_LIMIT = 3
    for _ in range(3):
        assert request_code(make_phone(), REMOTE_ADDR="203.0.113.7")[0].status_code == 202
    response, code = request_code(make_phone(), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 429
    assert code is None
    # Another address is not affected.
    assert request_code(make_phone(), REMOTE_ADDR="203.0.113.8")[0].status_code == 202
    assert len(sms_outbox) == 4


def test_five_wrong_codes_burn_the_code(api, request_code):
    phone = make_phone()
    _, code = request_code(phone)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    answers = [_login(api, phone, wrong).json()["code"] for _ in range(5)]
    assert answers == ["otp_invalid"] * 4 + ["otp_attempts_exceeded"]
    # The right code no longer works either.
    after = _login(api, phone, code)
    assert after.status_code == 400
    assert after.json()["code"] == "otp_invalid"
    assert not User.objects.exists()


def test_expired_code_is_refused(api, request_code):
    phone = make_phone()
    _, code = request_code(phone)
    OtpCode.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = _login(api, phone, code)
    assert response.status_code == 400
    assert response.json()["code"] == "otp_expired"
    assert not User.objects.exists()


def test_new_code_replaces_the_old_one(api, request_code):
    phone = make_phone()
    _, old = request_code(phone)
    _pass_cooldown(phone)
    _, new = request_code(phone)
    if old != new:
        assert _login(api, phone, old).json()["code"] == "otp_invalid"
    assert _login(api, phone, new).status_code == 200


def test_answers_do_not_reveal_whether_a_phone_is_registered(api, request_code, make_resident):
    known, unknown = make_phone(), make_phone()
    make_resident(known)

    known_code, _ = request_code(known)
    unknown_code, _ = request_code(unknown)
    assert (known_code.status_code, known_code.json()) == (unknown_code.status_code, unknown_code.json())

    known_wrong = _login(api, known, "000000").json()
    unknown_wrong = _login(api, unknown, "000000").json()
    for body in (known_wrong, unknown_wrong):
        body.pop("instance", None)
    assert known_wrong == unknown_wrong


@pytest.mark.parametrize(
    ("payload", "field", "code"),
    [
        ({"phone": "12345"}, "phone", "phone_invalid"),
        ({"phone": "01088888888"}, "phone", "phone_not_mobile"),
        ({}, "phone", "required"),
    ],
    ids=["short-number", "landline", "missing"],
)
def test_bad_phone_gets_field_error(api, payload, field, code, sms_outbox):
    response = api.post("/api/v1/auth/sms/code", payload, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "validation_error"
    assert body["errors"][0]["field"] == field
    assert body["errors"][0]["code"] == code
    assert sms_outbox == []
