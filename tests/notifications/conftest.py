"""Fixtures of the notifications tests: the SMS fakes on loopback, settings pointing at them."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from backend.accounts.models import User

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def sms_fakes(settings: Any) -> Iterator[Any]:
    """mobile_mock's Twilio and Tencent SMS fakes; Twilio is the SMS backend by default."""
    from mobile_mock.server import MockConfig, serve_in_thread

    config = MockConfig(
        realname_secret=uuid.uuid4().hex,
        twilio_account_sid="AC" + uuid.uuid4().hex,
        twilio_auth_token=uuid.uuid4().hex,
        tencent_secret_id="AKID" + uuid.uuid4().hex[:16],
        tencent_secret_key=uuid.uuid4().hex,
    )
    with serve_in_thread(config) as running:
        running.app.twilio.state.auto_callbacks = False
        running.app.twilio.state.slow_seconds = 2.0
        running.app.tencent_sms.state.slow_seconds = 2.0
        settings.SMS_BACKEND = "notifications.providers.twilio.TwilioSmsBackend"
        settings.TWILIO_ACCOUNT_SID = config.twilio_account_sid
        settings.TWILIO_AUTH_TOKEN = config.twilio_auth_token
        settings.TWILIO_API_BASE_URL = f"{running.base_url}/twilio"
        settings.TWILIO_TIMEOUT = 0.5
        settings.TENCENT_SMS_SECRET_ID = config.tencent_secret_id
        settings.TENCENT_SMS_SECRET_KEY = config.tencent_secret_key
        settings.TENCENT_SMS_ENDPOINT = running.base_url.removeprefix("http://") + "/tencent-sms"
        settings.TENCENT_SMS_TIMEOUT = 1
        settings.NOTIFY_PUBLIC_BASE_URL = "https://zhangban.example.gov.cn"
        yield running


@pytest.fixture
def resident(make_resident: Callable[..., User]) -> User:
    return make_resident("+8613800138000")


class Clock:
    """A settable `timezone.now()` (quiet hours make delivery depend on the hour)."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment

    def set(self, moment: datetime) -> None:
        self.moment = moment

    def advance(self, **delta: float) -> datetime:
        self.moment += timedelta(**delta)
        return self.moment


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """Every test here starts at 10:00 Asia/Shanghai, outside the quiet hours."""
    fixed = Clock(datetime(2026, 11, 20, 10, 0, tzinfo=SHANGHAI))
    monkeypatch.setattr(timezone, "now", fixed.now)
    return fixed


@pytest.fixture(autouse=True)
def _routes_and_templates(request: pytest.FixtureRequest) -> None:
    """Migration 0002's data again when a transactional test elsewhere flushed the tables."""
    if request.node.get_closest_marker("django_db") is None:
        return
    from django.apps import apps

    from notifications.models import EventRoute
    from notifications.seed import seed

    if not EventRoute.objects.exists():
        seed(apps)
