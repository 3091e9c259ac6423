"""Profile the 查 endpoints in-process, the way gunicorn calls them (WSGI handler, DEBUG off).

Run after `bench/progress_setup.py` against the same database:

    DATABASE_URL=postgres://…/zb_bench_progress DJANGO_SETTINGS_MODULE=bench.progress_settings \
        .venv/bin/python bench/progress_profile.py [--requests 2000] [--path detail|search|drf-row|bare]

Prints the queries of one request, the mean wall and CPU time per request, and the cProfile
tables (own time and cumulative) — the list of costs the benchmark's ratios come from.
`--summary` prints only the per-request CPU, wall time and query count of all four endpoints
as JSON; `bench/run_progress.sh` records them beside the wrk figures, because CPU time per
request moves far less with outside load than throughput does.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.progress_settings")
django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from backend.accounts.models import Department  # noqa: E402
from backend.accounts.tokens import tokens_issue  # noqa: E402
from backend.applications.models import Application  # noqa: E402


def _environ(path: str, query: str, token: str) -> dict[str, object]:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8765",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1:8765",
        "HTTP_AUTHORIZATION": f"Bearer {token}",
        "HTTP_ACCEPT": "*/*",
        "HTTP_USER_AGENT": "wrk",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def _request(handler: WSGIHandler, path: str, query: str, token: str) -> bytes:
    def start_response(status: str, headers: list, exc_info: object = None) -> None:
        assert status.startswith("200"), f"{path}: {status}"

    result = handler(_environ(path, query, token), start_response)
    try:
        return b"".join(result)
    finally:
        result.close()


def _endpoints() -> tuple[dict[str, tuple[str, str]], str]:
    """The benchmark's four endpoints (path, query) and a fresh token of the case's resident."""
    application = Application.objects.select_related("applicant").latest("created_at")
    token = tokens_issue(application.applicant, amr=["sms"])["access"]
    return {
        "bare": ("/bench/bare", ""),
        "drf-row": (f"/bench/drf-row/{Department.objects.get(code='GA').pk}", ""),
        "detail": (f"/api/v1/applications/{application.pk}", ""),
        "search": ("/api/v1/services", "q=sfz"),
    }, token


def measure(handler: WSGIHandler, path: str, query: str, token: str, requests: int) -> dict[str, float]:
    """Queries, wall and CPU time of this process per request (no profiler)."""
    for _ in range(50):  # warm caches, open the persistent connection
        _request(handler, path, query, token)
    with CaptureQueriesContext(connection) as captured:
        _request(handler, path, query, token)
    queries = [q["sql"] for q in captured.captured_queries]
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(requests):
        _request(handler, path, query, token)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    return {
        "queries": len(queries),
        "wall_us": wall / requests * 1e6,
        "cpu_us": cpu / requests * 1e6,
        "sql": queries,  # type: ignore[dict-item]
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--path", choices=["detail", "search", "drf-row", "bare"], default="detail")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument(
        "--summary", action="store_true", help="CPU, wall and queries of every endpoint as JSON"
    )
    args = parser.parse_args()
    endpoints, token = _endpoints()
    handler = WSGIHandler()

    if args.summary:
        summary = {}
        for name, (path, query) in endpoints.items():
            figures = measure(handler, path, query, token, args.requests)
            figures.pop("sql")
            summary[name] = figures
        print(json.dumps(summary))
        return

    path, query = endpoints[args.path]
    figures = measure(handler, path, query, token, args.requests)
    print(f"{figures['queries']} queries per request:")
    for sql in figures["sql"]:
        print("  ", sql[:300])
    print(
        f"{args.requests} requests, no profiler: {figures['wall_us']:.0f} µs wall, "
        f"{figures['cpu_us']:.0f} µs CPU of this process each"
    )

    # CPU time, not wall time: on a shared machine waits for a core would swamp the profile.
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(args.requests):
        _request(handler, path, query, token)
    profiler.disable()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(args.top)
        print(out.getvalue())


if __name__ == "__main__":
    main()
