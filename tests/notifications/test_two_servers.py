"""Two ASGI server processes (uvicorn) sharing Redis: what one produces reaches a client on the other."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import requests
from django.conf import settings as django_settings
from django.db import connection
from websockets.sync.client import connect

from backend.accounts.tokens import tokens_issue
from notifications.services import notify

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@contextmanager
def _uvicorn() -> Iterator[int]:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": django_settings.REDIS_URL,
        "JWT_SIGNING_KEY": django_settings.SIMPLE_JWT["SIGNING_KEY"],
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "backend.config.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"http://127.0.0.1:{port}/api/v1/messages", timeout=1)
                break  # any answer: the server is up
            except requests.RequestException:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                _, stderr = process.communicate(timeout=10)
                raise AssertionError(stderr.decode()[-3000:])
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def _ws(port: int, access: str) -> Any:
    return connect(
        f"ws://127.0.0.1:{port}/ws/v1/events",
        additional_headers={"Authorization": f"Bearer {access}"},
        origin=f"http://127.0.0.1:{port}",
        open_timeout=10,
    )


def test_event_from_one_process_reaches_a_client_on_the_other(make_resident: Any) -> None:
    resident = make_resident()
    access = tokens_issue(resident, amr=["sms"])["access"]
    notify(
        event="application.accepted", recipient=resident, params={"service_name": "居住证"}, dedupe_key="a:1"
    )
    with _uvicorn() as server_a, _uvicorn() as server_b, _ws(server_a, access) as on_a:
        on_a.send(json.dumps({"type": "hello", "last_id": 1}))
        assert json.loads(on_a.recv(timeout=10)) == {"type": "ready", "last_id": 1}
        # when the resident reads the message through server B (the HTTP request runs there)
        message_id = requests.get(
            f"http://127.0.0.1:{server_b}/api/v1/messages",
            headers={"Authorization": f"Bearer {access}"},
            timeout=10,
        ).json()["results"][0]["id"]
        answer = requests.post(
            f"http://127.0.0.1:{server_b}/api/v1/messages/{message_id}/read",
            headers={"Authorization": f"Bearer {access}"},
            timeout=10,
        )
        assert answer.status_code == 200
        # then the client on server A hears of it through Redis
        assert json.loads(on_a.recv(timeout=10)) == {"type": "unread", "unread": 0}
        # and a stored event produced elsewhere (this process) reaches clients on both servers
        with _ws(server_b, access) as on_b:
            on_b.send(json.dumps({"type": "hello", "last_id": 1}))
            assert json.loads(on_b.recv(timeout=10))["type"] == "ready"
            notify(
                event="application.approved",
                recipient=resident,
                params={"service_name": "居住证"},
                dedupe_key="a:2",
            )
            for client in (on_a, on_b):
                frame = json.loads(client.recv(timeout=10))
                assert (frame["type"], frame["id"], frame["event"]) == ("event", 2, "application.approved")
