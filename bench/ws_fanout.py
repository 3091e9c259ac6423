"""N websocket clients on one uvicorn process: memory per connection, event-to-client latency.

Run through `bench/run_ws.sh` (raises `ulimit -n`). The server is one uvicorn process serving
`backend.config.asgi:application` with the Redis channel layer and a SQLite file; this process
creates N residents, opens N sockets (one per resident, `Authorization: Bearer`), then
- single-resident events: `notify(...)` for sampled residents, one at a time; latency = from
  just before `notify` (DB write, commit, Redis publish) to the frame arriving at the client;
- broadcasts: `broadcast(...)` to the group every client joined; latency per client.
Memory per connection = (server RSS with N open sockets - RSS before) / N.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import re
import resource
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N = int(os.environ.get("BENCH_WS_CLIENTS", "10000"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
DB = os.environ.get("BENCH_DB", "/tmp/zb_bench_ws.sqlite3")  # noqa: S108 - a throwaway bench database
SINGLE_EVENTS = int(os.environ.get("BENCH_WS_SINGLE_EVENTS", "300"))
BROADCASTS = int(os.environ.get("BENCH_WS_BROADCASTS", "5"))

ENV = {
    **os.environ,
    "DATABASE_URL": f"sqlite:///{DB}",
    "REDIS_URL": REDIS_URL,
    "DJANGO_SETTINGS_MODULE": "backend.config.settings",
    "DEBUG": "0",
    "LOG_LEVEL": "WARNING",
    "NOTIFY_WS_HEARTBEAT_SECONDS": "600",
    "JWT_ACCESS_MINUTES": "120",
}
os.environ.update(ENV)
sys.path.insert(0, str(ROOT))


def _rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def setup() -> list[tuple[str, str]]:
    """Fresh database, N residents; returns (user id, access token) pairs."""
    Path(DB).unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=ENV, check=True
    )
    import django

    django.setup()
    from rest_framework_simplejwt.tokens import AccessToken

    from backend.accounts.models import User

    users = [User(kind="resident") for _ in range(N)]
    for user in users:
        user.set_unusable_password()
    User.objects.bulk_create(users, batch_size=1000)
    pairs = []
    for user in users:
        token = AccessToken()
        token["sub"], token["kind"], token["amr"] = str(user.pk), "resident", ["sms"]
        pairs.append((str(user.pk), str(token)))
    return pairs


async def main(pairs: list[tuple[str, str]]) -> None:
    import websockets

    port = _free_port()
    server_log = Path(DB + ".server.log").open("w")  # noqa: SIM115 - open for the server's life
    server = subprocess.Popen(
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
            "--ws-ping-interval",
            "600",
            "--backlog",
            "4096",
        ],
        cwd=ROOT,
        env=ENV,
        stdout=server_log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                await asyncio.sleep(0.2)
        await asyncio.sleep(1)
        rss_before = _rss_kib(server.pid)
        received: dict[str, asyncio.Queue] = {}
        sockets = []
        readers: list[asyncio.Task] = []
        semaphore = asyncio.Semaphore(100)
        failures = 0

        async def open_one(user_id: str, token: str) -> None:
            nonlocal failures
            async with semaphore:
                try:
                    ws = await websockets.connect(
                        f"ws://127.0.0.1:{port}/ws/v1/events",
                        additional_headers={"Authorization": f"Bearer {token}"},
                        origin=f"http://127.0.0.1:{port}",
                        open_timeout=120,
                        ping_interval=None,
                        compression=None,
                        max_queue=64,
                    )
                    await ws.send(json.dumps({"type": "hello", "last_id": 0}))
                    frame = json.loads(await asyncio.wait_for(ws.recv(), 120))
                    assert frame["type"] == "ready", frame
                except Exception:
                    failures += 1
                    return
            queue: asyncio.Queue = asyncio.Queue()
            received[user_id] = queue
            sockets.append(ws)

            async def reader() -> None:
                async for raw in ws:
                    queue.put_nowait((time.perf_counter(), json.loads(raw)))

            readers.append(asyncio.get_running_loop().create_task(reader()))  # keep a reference

        started = time.perf_counter()
        await asyncio.gather(*(open_one(u, t) for u, t in pairs))
        connect_seconds = time.perf_counter() - started
        await asyncio.sleep(3)
        rss_after = _rss_kib(server.pid)
        connected = len(sockets)

        # --- single-resident events (produced in a thread: Django's ORM is sync) ---
        from backend.accounts.models import User
        from notifications.services import broadcast, notify

        loop = asyncio.get_running_loop()
        single: list[float] = []
        lost = {"single": 0, "broadcast": 0}
        targets = list(received)[: max(1, SINGLE_EVENTS)]
        for n, user_id in enumerate(targets):
            user = await loop.run_in_executor(None, lambda uid=user_id: User.objects.get(pk=uid))

            def produce(user: User = user, n: int = n) -> float:
                t0 = time.perf_counter()
                notify(
                    event="application.accepted",
                    recipient=user,
                    params={"service_name": "居住证", "receipt_number": f"B{n}"},
                    dedupe_key=f"bench-{n}",
                )
                return t0

            t0 = await loop.run_in_executor(None, produce)
            try:
                t1, frame = await asyncio.wait_for(received[user_id].get(), 10)
            except TimeoutError:
                lost["single"] += 1  # the socket died (see the server log); a client would reconnect
                continue
            assert frame["type"] == "event"
            single.append((t1 - t0) * 1000)

        # --- broadcasts to everyone ---
        fanout: list[float] = []
        fanout_complete: list[float] = []
        for b in range(BROADCASTS):
            t0 = time.perf_counter()
            await loop.run_in_executor(None, lambda b=b: broadcast(event="bench.broadcast", data={"n": b}))
            arrivals = []
            for queue in received.values():
                try:
                    t1, frame = await asyncio.wait_for(queue.get(), 30 if not arrivals else 2)
                except TimeoutError:
                    lost["broadcast"] += 1
                    continue
                assert frame["type"] == "broadcast", frame
                arrivals.append((t1 - t0) * 1000)
            fanout += arrivals
            fanout_complete.append(max(arrivals, default=0.0))
        for ws in sockets:
            await ws.close()
    finally:
        server.terminate()
        server.wait(timeout=30)

    per_conn_kib = (rss_after - rss_before) / max(1, connected)
    write_results(
        connected=connected,
        failures=failures,
        connect_seconds=connect_seconds,
        rss_before=rss_before,
        rss_after=rss_after,
        per_conn_kib=per_conn_kib,
        single=single,
        fanout=fanout,
        fanout_complete=fanout_complete,
        lost=lost,
        server_errors=_server_errors(),
    )


def _server_errors() -> str:
    log = Path(DB + ".server.log")
    if not log.exists():
        return "none"
    found = re.findall(r"^(\w[\w.]*(?:Error|Exception)): ", log.read_text(errors="replace"), flags=re.M)
    counts = {name: found.count(name) for name in sorted(set(found))}
    return ", ".join(f"{name} × {count}" for name, count in counts.items()) or "none"


def write_results(**r: object) -> None:
    single, fanout = r["single"], r["fanout"]
    cpu = platform.processor() or platform.machine()
    try:
        model = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text()).group(1)
        cpu = f"{os.cpu_count()} × {model}"
    except (OSError, AttributeError):
        pass
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    section = f"""<!-- websocket:begin -->
## Websocket event stream: {r["connected"]:,} clients on one server process (issue 6)

Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `bench/run_ws.sh` on {cpu}; one uvicorn process
(`backend.config.asgi`, websockets implementation, no permessage-deflate), channels_redis, SQLite;
clients (Python `websockets`, one socket per resident, `Authorization: Bearer`) and the event
producer run in a second process on the same two cores; `ulimit -n` {limit}.

| measure | value |
|---|---:|
| clients asked / connected / failed | {N:,} / {r["connected"]:,} / {r["failures"]:,} |
| time to connect all (100 handshakes at a time, each `hello` + `ready`) \
| {r["connect_seconds"]:.1f} s |
| server RSS before / all connected | {r["rss_before"] / 1024:.0f} MiB / {r["rss_after"] / 1024:.0f} MiB |
| **memory per connection** | **{r["per_conn_kib"]:.1f} KiB** |
| single-resident event → client, p50 / p99 ({len(single)} events one at a time; incl. DB write + commit) \
| **{statistics.median(single):.1f} ms / {_pct(single, 99):.1f} ms** |
| broadcast → each client, p50 / p99 ({len(r["fanout_complete"])} broadcasts × {r["connected"]:,} clients) \
| **{statistics.median(fanout):.0f} ms / {_pct(fanout, 99):.0f} ms** |
| broadcast → last client (mean of the runs) | {statistics.mean(r["fanout_complete"]):.0f} ms |
| frames that never arrived (single / broadcast) | {r["lost"]["single"]} / {r["lost"]["broadcast"]} |
| errors in the server log | {r["server_errors"]} |

Published figures for comparison (PERFORMANCE.md): ~14 KiB per connection without
permessage-deflate, ~64 KiB with. A broadcast is one channels_redis group send to every
socket's channel; stored per-resident events go to a group of one resident's sockets.
<!-- websocket:end -->"""
    path = ROOT / "bench" / "RESULTS.md"
    text = path.read_text(encoding="utf-8")
    if "<!-- websocket:begin -->" in text:
        text = re.sub(r"<!-- websocket:begin -->.*?<!-- websocket:end -->", section, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")
    print(section)


if __name__ == "__main__":
    asyncio.run(main(setup()))
