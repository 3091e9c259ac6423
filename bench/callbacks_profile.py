"""Where one verified payment callback spends its time: SQL statements and a cProfile.

Uses the same keys, orders and signed notifications as `bench/run_callbacks.sh`, but sends them
in-process through Django's test client (no HTTP server, no wrk), against the database named by
DATABASE_URL (PostgreSQL recommended; the database is dropped and re-created).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zb_cb_prof \
        .venv/bin/python bench/callbacks_profile.py [N]     # N callbacks per provider (200)

Prints, per provider: the SQL statements of one callback (after a warm-up), then the top of a
CPU-time cProfile of N callbacks, and the callbacks per second of that loop.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent


def _recreate_database(url: str) -> None:
    import psycopg

    u = urlparse(url)
    name = u.path.lstrip("/")
    conninfo = f"host={u.hostname} port={u.port or 5432} user={u.username or 'postgres'} dbname=postgres"
    with psycopg.connect(conninfo, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{name}"')


def _environment(work: Path) -> dict[str, str]:
    def read(name: str) -> str:
        return (work / name).read_text()

    return {
        "PAYMENT_PROVIDER": "live",
        "PAYMENTS_NOTIFY_BASE_URL": "http://testserver",
        "WECHATPAY_MCHID": read("wechatpay_mchid"),
        "WECHATPAY_APPID": read("wechatpay_appid"),
        "WECHATPAY_PRIVATE_KEY": read("wechatpay_merchant_private_key"),
        "WECHATPAY_CERT_SERIAL_NO": read("wechatpay_merchant_serial_no"),
        "WECHATPAY_APIV3_KEY": read("wechatpay_apiv3_key"),
        "WECHATPAY_PUBLIC_KEY": read("wechatpay_platform_public_key"),
        "WECHATPAY_PUBLIC_KEY_ID": read("wechatpay_public_key_id"),
        "ALIPAY_PAY_APP_ID": "2021000000000099",
        "ALIPAY_PAY_SELLER_ID": "2088000000000001",
        "ALIPAY_PAY_PRIVATE_KEY": read("alipay_app_private_key"),
        "ALIPAY_PAY_PUBLIC_KEY": read("alipay_public_key"),
    }


def _requests(path: Path) -> list[tuple[str, dict[str, str], bytes]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        url, header_text, body = line.split("\t", 2)
        headers = dict(pair.split(": ", 1) for pair in header_text.split("|") if pair)
        out.append((url, headers, body.encode()))
    return out


def _send(client: Any, url: str, headers: dict[str, str], body: bytes) -> int:
    content_type = headers.get("Content-Type", "application/json")
    extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items() if k != "Content-Type"}
    return client.post(url, data=body, content_type=content_type, **extra).status_code


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    url = os.environ["DATABASE_URL"]
    os.environ.update(DJANGO_SETTINGS_MODULE="bench.progress_settings", DEBUG="0", DB_CONN_MAX_AGE="60")
    os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
    os.environ.pop("REDIS_URL", None)
    _recreate_database(url)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    py = sys.executable
    subprocess.run([py, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    work = Path(tempfile.mkdtemp(prefix="zb_cb_prof."))
    subprocess.run([py, "bench/callbacks_setup.py", "keys", str(work)], cwd=ROOT, env=env, check=True)
    os.environ.update(_environment(work))
    env.update(_environment(work))
    subprocess.run(
        [py, "bench/callbacks_setup.py", "orders", str(work), str(2 * n + 5)], cwd=ROOT, env=env, check=True
    )

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    from backend.accounts.models import Department

    row = f"/bench/drf-row/{Department.objects.get(code='BENCH').pk}"
    for _ in range(20):
        client.get(row)
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        assert client.get(row).status_code == 200
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    reference_cpu = cpu / n
    print(f"=== DRF one-row reference: {n / elapsed:.0f}/s, {1000 * reference_cpu:.2f} ms CPU each")
    for provider in ("wechatpay", "alipay"):
        reqs = _requests(work / f"requests_{provider}.txt")
        for req in reqs[:4]:  # warm-up: imports, provider instances, connection
            assert _send(client, *req) in (200, 204)
        with CaptureQueriesContext(connection) as queries:
            assert _send(client, *reqs[4]) in (200, 204)
        print(f"\n=== {provider}: {len(queries.captured_queries)} SQL statements for one callback")
        for q in queries.captured_queries:
            print(f"  {q['time']}s  {q['sql'][:160]}")
        plain = reqs[5 : 5 + n]
        started, cpu = time.perf_counter(), time.process_time()
        for req in plain:
            assert _send(client, *req) in (200, 204)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"=== {provider}: {n} callbacks in {elapsed:.2f} s = {n / elapsed:.0f}/s, "
            f"{1000 * cpu / n:.2f} ms CPU of this process each (not profiled), "
            f"{cpu / n / reference_cpu:.1f}× the reference's"
        )
        batch = reqs[5 + n : 5 + 2 * n]
        profile = cProfile.Profile(time.process_time)  # CPU time: waits on PostgreSQL do not count
        started = time.perf_counter()
        profile.enable()
        for req in batch:
            assert _send(client, *req) in (200, 204)
        profile.disable()
        elapsed = time.perf_counter() - started
        print(
            f"=== {provider}: {len(batch)} callbacks in {elapsed:.2f} s = {len(batch) / elapsed:.0f}/s "
            "(profiled)"
        )
        out = io.StringIO()
        profile.dump_stats(f"{tempfile.gettempdir()}/callbacks_{provider}.pstats")  # for pstats/snakeviz
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats("cumulative").print_stats(45)
        stats.sort_stats("tottime").print_stats(25)
        print(out.getvalue())


if __name__ == "__main__":
    main()
