"""N websocket clients on one uvicorn process: memory per connection, event-to-client latency.

Run through `bench/run_ws.sh` (raises `ulimit -n`). For each N in `BENCH_WS_CLIENTS` (a comma
list, e.g. `2000,10000`) a fresh server: one uvicorn process serving
`backend.config.asgi:application` with the Redis channel layer (`CHANNEL_LAYER_BACKEND`,
`pubsub` by default) and a SQLite file; this process (uvloop) creates N residents, opens N
sockets (one per resident, `Authorization: Bearer`), then
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
# Cases: N, or N:stock for the A/B run with channels' stock consumer dispatch (bench/ws_stock_asgi.py).
CASES = [
    (int(n), variant or "ours")
    for n, _, variant in (
        c.partition(":") for c in os.environ.get("BENCH_WS_CLIENTS", "2000,10000,2000:stock").split(",")
    )
]
APPS = {"ours": "backend.config.asgi:application", "stock": "bench.ws_stock_asgi:application"}
LAYER = os.environ.get("CHANNEL_LAYER_BACKEND", "pubsub")
WS_IMPL = os.environ.get("BENCH_WS_IMPL", "websockets-sansio")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
DB = os.environ.get("BENCH_DB", "/tmp/zb_bench_ws.sqlite3")  # noqa: S108 - a throwaway bench database
SINGLE_EVENTS = int(os.environ.get("BENCH_WS_SINGLE_EVENTS", "300"))
BROADCASTS = int(os.environ.get("BENCH_WS_BROADCASTS", "5"))

ENV = {
    **os.environ,
    "DATABASE_URL": f"sqlite:///{DB}",
    "REDIS_URL": REDIS_URL,
    "CHANNEL_LAYER_BACKEND": LAYER,
    "DJANGO_SETTINGS_MODULE": "backend.config.settings",
    "DEBUG": "0",
    "LOG_LEVEL": "WARNING",
    "NOTIFY_WS_HEARTBEAT_SECONDS": "600",
    "JWT_ACCESS_MINUTES": "120",
}
os.environ.update(ENV)
sys.path.insert(0, str(ROOT))


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (/proc/<pid>/stat, fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


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


def setup(total: int) -> list[tuple[str, str]]:
    """Fresh database and Redis db, `total` residents; returns (user id, access token) pairs."""
    Path(DB).unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=ENV, check=True
    )
    import django

    django.setup()
    import redis
    from rest_framework_simplejwt.tokens import AccessToken

    from backend.accounts.models import User

    redis.Redis.from_url(REDIS_URL).flushdb()  # the bench's own db number: leftovers of a past run
    users = [User(kind="resident") for _ in range(total)]
    for user in users:
        user.set_unusable_password()
    User.objects.bulk_create(users, batch_size=1000)
    pairs = []
    for user in users:
        token = AccessToken()
        token["sub"], token["kind"], token["amr"] = str(user.pk), "resident", ["sms"]
        pairs.append((str(user.pk), str(token)))
    return pairs


def _redis_info() -> dict[str, int]:
    import redis

    info = redis.Redis.from_url(REDIS_URL).info()
    return {"clients": int(info["connected_clients"]), "memory": int(info["used_memory"])}


async def _start_server(port: int, log: Path, app: str) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            app,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--ws",
            WS_IMPL,
            "--ws-ping-interval",
            "600",
            "--backlog",
            "4096",
        ],
        cwd=ROOT,
        env=ENV,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            await asyncio.sleep(0.2)
    await asyncio.sleep(1)
    if server.poll() is not None:
        raise RuntimeError(f"the server exited; see {log}")
    return server


async def run_size(pairs: list[tuple[str, str]], tag: int, variant: str) -> dict[str, object]:
    """One fresh server, len(pairs) sockets, the events; returns the measures."""
    import websockets

    n = len(pairs)
    port = _free_port()
    log = Path(f"{DB}.server-{n}-{variant}.log")
    redis_before = _redis_info()
    server = await _start_server(port, log, APPS[variant])
    try:
        rss_before = _rss_kib(server.pid)
        received: dict[str, asyncio.Queue] = {}
        sockets = []
        readers: list[asyncio.Task] = []
        semaphore = asyncio.Semaphore(100)  # handshakes in flight: the server's accept queue stays short
        failures: dict[str, int] = {}

        async def open_one(user_id: str, token: str) -> None:
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
                except Exception as exc:
                    failures[type(exc).__name__] = failures.get(type(exc).__name__, 0) + 1
                    return
            queue: asyncio.Queue = asyncio.Queue()
            received[user_id] = queue
            sockets.append(ws)

            async def reader() -> None:
                # Stamp on arrival, parse later: the client's own JSON work stays out of the latency.
                async for raw in ws:
                    queue.put_nowait((time.perf_counter(), raw))

            readers.append(asyncio.get_running_loop().create_task(reader()))

        started, cpu_started = time.perf_counter(), _cpu_seconds(server.pid)
        await asyncio.gather(*(open_one(u, t) for u, t in pairs))
        connect_seconds = time.perf_counter() - started
        connect_cpu = _cpu_seconds(server.pid) - cpu_started
        await asyncio.sleep(3)
        rss_after = _rss_kib(server.pid)
        redis_after = _redis_info()
        connected = len(sockets)

        # --- single-resident events (produced in a thread: Django's ORM is sync) ---
        from backend.accounts.models import User
        from notifications.services import broadcast, notify

        loop = asyncio.get_running_loop()
        single: list[float] = []
        lost = {"single": 0, "broadcast": 0}
        targets = list(received)[: max(1, SINGLE_EVENTS)]
        for k, user_id in enumerate(targets):
            user = await loop.run_in_executor(None, lambda uid=user_id: User.objects.get(pk=uid))

            def produce(user: User = user, k: int = k) -> float:
                t0 = time.perf_counter()
                notify(
                    event="application.accepted",
                    recipient=user,
                    params={"service_name": "居住证", "receipt_number": f"B{tag}-{k}"},
                    dedupe_key=f"bench-{tag}-{k}",
                )
                return t0

            t0 = await loop.run_in_executor(None, produce)
            try:
                t1, raw = await asyncio.wait_for(received[user_id].get(), 10)
            except TimeoutError:
                lost["single"] += 1  # the socket died (see the server log); a client would reconnect
                continue
            assert json.loads(raw)["type"] == "event", raw
            single.append((t1 - t0) * 1000)

        # --- broadcasts to everyone ---
        broadcast_cpu = client_cpu = 0.0
        fanout: list[float] = []
        fanout_complete: list[float] = []
        for b in range(BROADCASTS):
            await asyncio.sleep(1)
            cpu0, own0 = _cpu_seconds(server.pid), _own_cpu_seconds()
            t0 = time.perf_counter()
            await loop.run_in_executor(None, lambda b=b: broadcast(event="bench.broadcast", data={"n": b}))
            deadline = t0 + 60
            arrivals = []
            for queue in received.values():
                try:
                    t1, raw = await asyncio.wait_for(queue.get(), max(0.01, deadline - time.perf_counter()))
                except TimeoutError:
                    lost["broadcast"] += 1
                    continue
                assert json.loads(raw)["type"] == "broadcast", raw
                arrivals.append((t1 - t0) * 1000)
            fanout += arrivals
            fanout_complete.append(max(arrivals, default=0.0))
            broadcast_cpu += _cpu_seconds(server.pid) - cpu0
            client_cpu += _own_cpu_seconds() - own0
        for ws in sockets:
            await ws.close()
    finally:
        server.terminate()
        server.wait(timeout=60)

    return {
        "asked": n,
        "variant": variant,
        "connect_cpu_ms": connect_cpu * 1000 / max(1, connected),
        "frame_cpu_us": broadcast_cpu * 1e6 / max(1, len(fanout)),
        "client_frame_cpu_us": client_cpu * 1e6 / max(1, len(fanout)),
        "connected": connected,
        "failures": ", ".join(f"{k} × {v}" for k, v in sorted(failures.items())) or "none",
        "connect_seconds": connect_seconds,
        "rss_before": rss_before,
        "rss_after": rss_after,
        "per_conn_kib": (rss_after - rss_before) / max(1, connected),
        "redis_clients": redis_after["clients"] - redis_before["clients"],
        "redis_kib_per_conn": (redis_after["memory"] - redis_before["memory"]) / 1024 / max(1, connected),
        "single": single,
        "fanout": fanout,
        "fanout_complete": fanout_complete,
        "lost": lost,
        "server_errors": _server_errors(log),
    }


def _server_errors(log: Path) -> str:
    if not log.exists():
        return "none"
    found = re.findall(r"^(\w[\w.]*(?:Error|Exception)): ", log.read_text(errors="replace"), flags=re.M)
    counts = {name: found.count(name) for name in sorted(set(found))}
    return ", ".join(f"{name} × {count}" for name, count in counts.items()) or "none"


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text()).group(1)
        cpu = f"{os.cpu_count()} × {model}"
    except (OSError, AttributeError):
        pass
    mem = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text()).group(1)
    return f"{cpu}, {int(mem) / 1024 / 1024:.0f} GiB"


def _ms(values: list[float], p: float) -> str:
    return f"{_pct(values, p):,.0f}" if values else "—"


def write_results(runs: list[dict], load_before: str, load_after: str) -> None:
    """Replace the `websocket` section of bench/RESULTS.md with one column per N."""
    limit = resource.getrlimit(resource.RLIMIT_NOFILE)[0]

    def row(label: str, cell: object) -> str:
        return f"| {label} | " + " | ".join(cell(r) for r in runs) + " |"

    rows = [
        "| measure | "
        + " | ".join(
            f"N = {r['asked']:,}" + (" (stock dispatch)" if r["variant"] == "stock" else "") for r in runs
        )
        + " |",
        "|---|" + "---:|" * len(runs),
        row("clients connected / failed", lambda r: f"{r['connected']:,} / {r['asked'] - r['connected']:,}"),
        row("connect failures by error", lambda r: str(r["failures"])),
        row(
            "time to connect all (100 handshakes in flight, each `hello` → `ready`)",
            lambda r: f"{r['connect_seconds']:.1f} s ({r['connected'] / r['connect_seconds']:,.0f}/s)",
        ),
        row(
            "server CPU per connect (handshake, JWT, 2 DB reads, 2 subscribes)",
            lambda r: f"{r['connect_cpu_ms']:.1f} ms",
        ),
        row(
            "server RSS before / all connected",
            lambda r: f"{r['rss_before'] / 1024:,.0f} / {r['rss_after'] / 1024:,.0f} MiB",
        ),
        row("**server memory per connection**", lambda r: f"**{r['per_conn_kib']:.1f} KiB**"),
        row("Redis: connections the server opened", lambda r: f"{r['redis_clients']}"),
        row("Redis: memory per connection", lambda r: f"{r['redis_kib_per_conn']:.2f} KiB"),
        row(
            f"single-resident event → client, p50 / p99 ({SINGLE_EVENTS} events one at a time; "
            "`notify` incl. DB write + commit)",
            lambda r: f"**{_ms(r['single'], 50)} / {_ms(r['single'], 99)} ms**",
        ),
        row(
            f"broadcast → each client, p50 / p99 ({BROADCASTS} broadcasts × all clients)",
            lambda r: f"**{_ms(r['fanout'], 50)} / {_ms(r['fanout'], 99)} ms**",
        ),
        row("server CPU per broadcast frame delivered", lambda r: f"{r['frame_cpu_us']:,.0f} µs"),
        row(
            "client-process CPU per broadcast frame received", lambda r: f"{r['client_frame_cpu_us']:,.0f} µs"
        ),
        row(
            "broadcast → last client (mean of the broadcasts)",
            lambda r: f"{statistics.mean(r['fanout_complete']):,.0f} ms" if r["fanout_complete"] else "—",
        ),
        row(
            "frames that never arrived (single / broadcast)",
            lambda r: f"{r['lost']['single']} / {r['lost']['broadcast']}",
        ),
        row("errors in the server log", lambda r: str(r["server_errors"])),
    ]
    table = "\n".join(rows)
    big = max((r for r in runs if r["variant"] == "ours"), key=lambda r: r["asked"], default=runs[-1])
    n_big, connect_ms, frame_us = big["asked"], big["connect_cpu_ms"], big["frame_cpu_us"]
    client_us, storm_s = big["client_frame_cpu_us"], big["asked"] * big["connect_cpu_ms"] / 1000
    bounds = (
        "What bounds N on this machine: CPU, not memory or sockets — about "
        f"{connect_ms:.1f} ms of\nserver CPU per connect (≈ {1000 / connect_ms:,.0f} connects/s per core "
        f"at best; a reconnect storm of\n{n_big:,} sockets needs {storm_s:.0f} s of one core) and, per "
        f"broadcast, ~{frame_us:.0f} µs of server\nCPU per socket plus ~{client_us:.0f} µs in the client "
        "process, both on the same two shared\ncores; memory is "
        f"~{big['per_conn_kib']:.0f} KiB per socket"
    )
    section = f"""<!-- websocket:begin -->
## Websocket event stream: up to {max(r["connected"] for r in runs):,} clients on one server process (issue 6)

Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `bench/run_ws.sh` on {_machine()}; load average
{load_before} before, {load_after} after. For each N a fresh server: one uvicorn process
(`backend.config.asgi`, `--ws {WS_IMPL}`, uvloop, no permessage-deflate), channel layer
`CHANNEL_LAYER_BACKEND={LAYER}` (channels_redis 4.3, redis-py 8), SQLite. Clients (Python
`websockets`, uvloop, one socket per resident, `Authorization: Bearer`) and the event producer
run in ONE second process on the same two cores; `ulimit -n` {limit}. Latencies are measured
in the client process (arrival stamped before parsing), so they include its own queueing.

{table}

Stored per-resident events go to the group of one resident's sockets; a broadcast goes to the
group every socket joined — with `pubsub` one Redis PUBLISH that the server process fans out to
its sockets itself, so Redis holds one connection and no per-socket state.

Why earlier runs fell over at ~300 clients: channels_redis's `core` layer waits in BZPOPMIN for
5 s and redis-py 8 reads with a default 5 s socket timeout, so any consumer that heard nothing for
5 s died with `TimeoutError: Timeout reading from …` — one idle socket was enough
(tests/notifications/test_channel_layer.py). The settings give the layer a 15 s read timeout and
make `pubsub` the default. Second, channels' consumer `dispatch` hops to the process's one sync
thread (`close_old_connections`) before every handler, so a broadcast queued N hops there (the
"stock dispatch" column); `EventStreamConsumer` skips that hop (its database calls close stale
connections themselves). {bounds} (the published
~14 KiB is the bare protocol; ours adds the Django consumer, its scope and two timer tasks);
`ulimit -n` ({limit:,}) caps the sockets of one process.
<!-- websocket:end -->"""
    path = ROOT / "bench" / "RESULTS.md"
    text = path.read_text(encoding="utf-8")
    if "<!-- websocket:begin -->" in text:
        text = re.sub(
            r"<!-- websocket:begin -->.*?<!-- websocket:end -->", lambda _: section, text, flags=re.S
        )
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")
    print(section)


def _load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


async def main(pairs: list[tuple[str, str]], load_before: str) -> None:
    runs, offset = [], 0
    for tag, (n, variant) in enumerate(CASES):
        runs.append(await run_size(pairs[offset : offset + n], tag, variant))
        offset += n
        print(json.dumps({k: v for k, v in runs[-1].items() if not isinstance(v, list)}), flush=True)
    write_results(runs, load_before, _load())


if __name__ == "__main__":
    import uvloop

    load = _load()
    uvloop.run(main(setup(sum(n for n, _ in CASES)), load))
