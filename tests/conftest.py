"""Shared fixtures; and under CI=true a skipped PostgreSQL/Redis test is a failure."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.db import connection
from rest_framework.test import APIClient

NEEDS_SERVICE = ("postgres", "redis", "redis_server")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    on_postgres = django_settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    on_redis = bool(django_settings.REDIS_URL)
    for item in items:
        if item.get_closest_marker("postgres") and not on_postgres:
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL"))
        if item.get_closest_marker("redis") and not on_redis:
            item.add_marker(pytest.mark.skip(reason="needs Redis: set REDIS_URL"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: Any) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if (
        os.environ.get("CI") == "true"
        and report.skipped
        and any(item.get_closest_marker(name) for name in NEEDS_SERVICE)
    ):
        report.outcome = "failed"
        report.longrepr = f"CI=true: a test that needs a service must run, not skip ({report.longrepr})"


@pytest.fixture(autouse=True, scope="session")
def _celery_eager() -> None:
    """Tasks run in-process in tests, also when REDIS_URL (CI) would make them go to a broker.

    Tests that exercise a real worker start one themselves.
    """
    from backend.config.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True


@pytest.fixture(autouse=True)
def _isolated_backends(settings: Any) -> Iterator[None]:
    """Each test: its own rate-limit keys, SMS captured in memory, no real e-mail."""
    from notifications.sms import LocmemSmsBackend

    settings.RATE_LIMIT_KEY_PREFIX = f"zb:test:{uuid.uuid4().hex}:"
    settings.SMS_BACKEND = "notifications.sms.LocmemSmsBackend"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    LocmemSmsBackend.outbox.clear()
    yield
    LocmemSmsBackend.outbox.clear()


@pytest.fixture(autouse=True)
def _fresh_routing_rules() -> None:
    """Each test reads routes and templates from its own database state (a flush or a rolled
    back edit in an earlier test must not live on in the per-process snapshot)."""
    from notifications.routing import rules_clear

    rules_clear()


@pytest.fixture
def sms_outbox() -> list[Any]:
    from notifications.sms import LocmemSmsBackend

    return LocmemSmsBackend.outbox


@pytest.fixture
def request_code(
    api: APIClient, sms_outbox: list[Any], django_capture_on_commit_callbacks: Any
) -> Callable[..., Any]:
    """POST /auth/sms/code and run its after-commit SMS; returns (response, code or None)."""

    def _request(phone: str, **extra: Any) -> tuple[Any, str | None]:
        before = len(sms_outbox)
        with django_capture_on_commit_callbacks(execute=True):
            response = api.post("/api/v1/auth/sms/code", {"phone": phone}, format="json", **extra)
        sent = sms_outbox[before:]
        return response, (sent[-1].params["code"] if sent else None)

    return _request


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def make_resident(db: Any) -> Callable[..., Any]:
    from backend.accounts.identity import identity_login_or_create
    from backend.accounts.otp import phone_index
    from tests.factories import make_phone

    def _make(phone: str | None = None) -> Any:
        phone = phone or make_phone()
        idx = phone_index(phone)
        return identity_login_or_create(
            provider="phone", subject=idx, defaults={"phone": phone, "phone_index": idx}
        )

    return _make


@pytest.fixture
def client_for() -> Callable[[Any], APIClient]:
    """An API client authenticated as `user` (resident or staff)."""
    from backend.accounts.tokens import tokens_issue

    def _client(user: Any) -> APIClient:
        amr = ["pwd", "otp"] if user.kind == "staff" else ["sms"]
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens_issue(user, amr=amr)['access']}")
        return client

    return _client


@pytest.fixture
def make_staff(db: Any) -> Callable[..., Any]:
    """Create a staff user with roles and a confirmed TOTP device; returns the user.

    `user.totp_now()` gives the device's current code.
    """
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from backend.accounts.services import staff_create

    def _make(*roles: str, username: str | None = None, password: str = "Correct-Horse-42-Battery") -> Any:
        user = staff_create(
            username=username or f"staff-{uuid.uuid4().hex[:8]}",
            password=password,
            roles=set(roles),
            departments=[],
        )
        device = TOTPDevice.objects.create(user=user, name="default", confirmed=True)

        def totp_now(offset: int = 0) -> str:
            return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"

        user.totp_now = totp_now
        user.test_password = password
        return user

    return _make


@pytest.fixture
def mock_providers(settings: Any) -> Iterator[Any]:
    """The fake providers of mobile_mock on a loopback port, with settings pointing at them."""
    from mobile_mock.alipay_gateway import cached_sandbox_keys
    from mobile_mock.server import MockConfig, serve_in_thread

    secret = uuid.uuid4().hex
    settings.REAL_NAME_APP_SECRET = secret
    keys = cached_sandbox_keys()
    config = MockConfig(
        realname_secret=secret,
        # A fresh appid per test: the access-token cache (Redis in CI) is keyed by appid.
        wechat_appid=f"wx{uuid.uuid4().hex[:16]}",
        wechat_secret=uuid.uuid4().hex,
        alipay_app_public_key=keys.app_public_key,
        alipay_private_key=keys.alipay_private_key,
        alipay_aes_key=keys.aes_key,
    )
    with serve_in_thread(config) as running:
        settings.REAL_NAME_VERIFY_URL = f"{running.base_url}/realname/verify"
        settings.WECHAT_API_BASE_URL = f"{running.base_url}/wechat/"
        settings.WECHAT_MINIAPP_APPID = config.wechat_appid
        settings.WECHAT_MINIAPP_SECRET = config.wechat_secret
        settings.ALIPAY_GATEWAY_URL = f"{running.base_url}/alipay/gateway.do"
        settings.ALIPAY_APP_ID = config.alipay_app_id
        settings.ALIPAY_APP_PRIVATE_KEY = keys.app_private_key
        settings.ALIPAY_PUBLIC_KEY = running.app.alipay.public_key_pem
        settings.ALIPAY_AES_KEY = keys.aes_key
        yield running


def is_postgres() -> bool:
    return connection.vendor == "postgresql"
