"""`make run` serves health, offline API docs and the SMS login round trip.

Runs the real command on free ports with its own SQLite file, reads the SMS code from
what the console backend prints, and stops everything it started.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, **headers: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def _post(url: str, body: dict, **headers: str) -> tuple[int, dict]:
    data = json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json", **headers})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read())


@pytest.fixture
def served(tmp_path: Path):
    port, mock_port = _free_port(), _free_port()
    log = tmp_path / "run.log"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "RATE_LIMIT_REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'run.sqlite3'}"
    with log.open("w") as out:
        process = subprocess.Popen(
            ["make", "run", f"PORT={port}", f"MOCK_PORT={mock_port}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if _get(f"{base}/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.5)
        if process.poll() is not None:
            pytest.fail(f"make run exited early:\n{log.read_text()}")
    else:
        os.killpg(process.pid, signal.SIGTERM)
        pytest.fail(f"make run did not come up:\n{log.read_text()}")
    yield base, log
    os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def test_make_run_serves_health_docs_and_sms_login(served):
    base, log = served
    assert json.loads(_get(f"{base}/healthz")[1]) == {"status": "ok"}

    status, page = _get(f"{base}/api/docs/")
    assert status == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.decode())
    assert assets, "the docs page references its assets"
    assert all(a.startswith("/static/") for a in assets), assets
    for asset in assets:
        assert _get(f"{base}{asset}")[0] == 200
    assert "http" not in "".join(re.findall(r"url:\s*['\"]([^'\"]+)", page.decode()))

    assert _post(f"{base}/api/v1/auth/sms/code", {"phone": "13812345678"})[0] == 202
    deadline = time.monotonic() + 10
    while (
        not (
            found := re.findall(
                r"(\d{6})",
                "\n".join(line for line in log.read_text().splitlines() if line.startswith("[sms ")),
            )
        )
        and time.monotonic() < deadline
    ):
        time.sleep(0.2)
    assert found, log.read_text()
    status, pair = _post(f"{base}/api/v1/auth/sms/login", {"phone": "13812345678", "code": found[-1]})
    assert status == 200
    status, me = _get(f"{base}/api/v1/me", Authorization=f"Bearer {pair['access']}")
    assert json.loads(me)["phone"] == "138****5678"
