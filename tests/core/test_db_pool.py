"""The websocket (ASGI) process reuses pooled PostgreSQL connections (DB_POOL_MAX_SIZE).

Channels runs every `database_sync_to_async` call with CONN_MAX_AGE 0, which without a pool
opens and closes one connection per call. Runs a fresh interpreter with the setting, so the
settings module sees it, against the test run's PostgreSQL server.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import asyncio, json, django
django.setup()
from channels.db import database_sync_to_async
from django.db import connection

@database_sync_to_async
def backend_pid():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]

async def main():
    return [await backend_pid() for _ in range(20)]

print(json.dumps(asyncio.run(main())))
"""


def _pids(**env: str) -> list[int]:
    settings_db = connection.settings_dict
    url = (
        f"postgres://{settings_db['USER'] or 'postgres'}@{settings_db['HOST'] or '127.0.0.1'}:"
        f"{settings_db['PORT'] or 5432}/{settings_db['NAME']}"
    )
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "backend.config.settings", "DATABASE_URL": url, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.django_db
def test_consumers_database_calls_reuse_pooled_connections() -> None:
    pooled = _pids(DB_POOL_MAX_SIZE="2", DB_CONN_MAX_AGE="0")
    unpooled = _pids(DB_POOL_MAX_SIZE="0", DB_CONN_MAX_AGE="0")
    assert len(set(pooled)) <= 2
    assert len(set(unpooled)) == 20  # a new connection for every call
