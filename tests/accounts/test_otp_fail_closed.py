"""With Redis configured but stopped, no code is sent and the answer is 503."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest

from tests.factories import make_phone

pytestmark = [pytest.mark.redis_server, pytest.mark.django_db]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def own_redis():
    """A real redis-server of the test's own on a free port; yields (url, stop)."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server binary not installed")
    port = _free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    else:
        process.kill()
        pytest.fail("redis-server did not start")

    def stop() -> None:
        process.terminate()
        process.wait(timeout=10)

    yield f"redis://127.0.0.1:{port}/0", stop
    if process.poll() is None:
        stop()


def test_otp_request_fails_closed_when_redis_stops(own_redis, request_code, settings, sms_outbox):
    url, stop = own_redis
    settings.RATE_LIMIT_REDIS_URL = url

    working, code = request_code(make_phone())
    assert working.status_code == 202
    assert code is not None

    stop()
    phone = make_phone()
    refused, code = request_code(phone)
    assert refused.status_code == 503
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["code"] == "rate_limit_unavailable"
    assert code is None
    assert len(sms_outbox) == 1

    from backend.accounts.models import OtpCode
    from backend.accounts.otp import phone_index

    assert not OtpCode.objects.filter(phone_index=phone_index(phone)).exists()


def test_otp_login_fails_closed_too(own_redis, api, request_code, settings):
    url, stop = own_redis
    settings.RATE_LIMIT_REDIS_URL = url
    phone = make_phone()
    _, code = request_code(phone)
    stop()
    response = api.post("/api/v1/auth/sms/login", {"phone": phone, "code": code}, format="json")
    assert response.status_code == 503
