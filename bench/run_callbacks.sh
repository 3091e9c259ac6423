#!/usr/bin/env bash
# Benchmark of verified payment callbacks per second, per provider (signature check, AES-GCM
# decryption for WeChat Pay, row-locked transaction, ledger entry, outbox rows), beside the two
# references of bench/run_progress.sh (bare Django JSON view; DRF view reading one row) in the
# same run and server: gunicorn (WSGI, sync workers), PostgreSQL, DEBUG off. Every replayed
# notification is a distinct, validly signed one for a distinct order, so each request applies
# one payment. Celery tasks are enqueued (in-memory broker), as with a broker in production.
# The whole set is measured once per worker count in BENCH_WORKERS (default "2 6": the deploy
# default, and enough workers to overlap the commits' WAL flushes), and PostgreSQL's commit
# latency (one INSERT + fsync'd COMMIT) is recorded beside it: with 2 sync workers every
# callback waits for its own WAL flush, so that latency bounds the callback rate.
#
#   bench/run_callbacks.sh            # writes its section of bench/RESULTS.md
#   bench/callbacks_profile.py        # SQL statements and a CPU profile of one callback
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DB_URL=${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/zb_bench_pay}
PORT=${BENCH_PORT:-8766}
CONNS=${BENCH_CONNECTIONS:-32}
DURATION=${BENCH_DURATION:-10s}
WORKERS_LIST=${BENCH_WORKERS:-2 6}
ORDERS=${BENCH_ORDERS:-8000}
WORK=$(mktemp -d /tmp/zb_bench_pay.XXXXXX)

if ! command -v wrk >/dev/null; then
  (apt-get install -y wrk || (apt-get update && apt-get install -y wrk)) >/dev/null
fi

export DATABASE_URL="$DB_URL" DJANGO_SETTINGS_MODULE=bench.progress_settings DEBUG=0 DB_CONN_MAX_AGE=60
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" CELERY_TASK_ALWAYS_EAGER=false
# As in production: Redis is the Celery broker (the after-commit enqueues) and the channel layer
# (the live push to the payer's sockets). No worker consumes the queue during the run.
export REDIS_URL=${BENCH_REDIS_URL:-redis://127.0.0.1:6379/5}
$PY -c "import redis, os; redis.Redis.from_url(os.environ['REDIS_URL']).flushdb()"  # the bench's own db
$PY - <<PYEOF
import psycopg
from urllib.parse import urlparse
u = urlparse("$DB_URL")
name = u.path.lstrip("/")
with psycopg.connect(f"host={u.hostname} port={u.port or 5432} user={u.username or 'postgres'} dbname=postgres", autocommit=True) as c:
    c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    c.execute(f'CREATE DATABASE "{name}"')
PYEOF
$PY manage.py migrate --noinput -v0
$PY bench/callbacks_setup.py keys "$WORK"
export PAYMENT_PROVIDER=live PAYMENTS_NOTIFY_BASE_URL="http://127.0.0.1:$PORT"
export WECHATPAY_MCHID="$(cat "$WORK/wechatpay_mchid")" WECHATPAY_APPID="$(cat "$WORK/wechatpay_appid")"
export WECHATPAY_PRIVATE_KEY="$(cat "$WORK/wechatpay_merchant_private_key")"
export WECHATPAY_CERT_SERIAL_NO="$(cat "$WORK/wechatpay_merchant_serial_no")"
export WECHATPAY_APIV3_KEY="$(cat "$WORK/wechatpay_apiv3_key")"
export WECHATPAY_PUBLIC_KEY="$(cat "$WORK/wechatpay_platform_public_key")"
export WECHATPAY_PUBLIC_KEY_ID="$(cat "$WORK/wechatpay_public_key_id")"
export ALIPAY_PAY_APP_ID=2021000000000099 ALIPAY_PAY_SELLER_ID=2088000000000001
export ALIPAY_PAY_PRIVATE_KEY="$(cat "$WORK/alipay_app_private_key")"
export ALIPAY_PAY_PUBLIC_KEY="$(cat "$WORK/alipay_public_key")"
read -r -a WORKER_COUNTS <<<"$WORKERS_LIST"
# Each server run gets its own ORDERS notifications per provider: none is ever sent twice.
# The second half of the WeChat Pay notifications feed the floor (bench/minimal-callback).
RUNS=${#WORKER_COUNTS[@]}
DEP_ID=$($PY bench/callbacks_setup.py orders "$WORK" $((2 * ORDERS * RUNS)) | tail -n1)
COMMIT_MS=$($PY - <<'PYEOF'
import time
from django.db import connection
import django
django.setup()
with connection.cursor() as c:  # a logged table: every autocommit INSERT waits for its WAL flush
    c.execute("CREATE TABLE bench_commit_probe (id bigserial PRIMARY KEY, v int)")
    for _ in range(20):
        c.execute("INSERT INTO bench_commit_probe (v) VALUES (1)")
    started = time.perf_counter()
    for _ in range(200):
        c.execute("INSERT INTO bench_commit_probe (v) VALUES (1)")
    elapsed = time.perf_counter() - started
    c.execute("DROP TABLE bench_commit_probe")
print(f"{elapsed / 200 * 1000:.2f}")
PYEOF
)
GUNICORN=""
trap '[ -n "$GUNICORN" ] && kill $GUNICORN 2>/dev/null; rm -rf "$WORK"' EXIT
BASE="http://127.0.0.1:$PORT"

measure() {  # name, warm-up extra args, measured extra args, then the wrk target arguments
  local name=$1 warm=$2 main=$3; shift 3
  # shellcheck disable=SC2086
  wrk -t2 -c"$CONNS" -d3s "$@" $warm >/dev/null  # warm-up, discarded
  local out
  # shellcheck disable=SC2086
  out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 10s --latency "$@" $main)
  ROWS+="$name|$(awk '/Requests\/sec/ {print $2}' <<<"$out")|$(awk '$1=="50%" {print $2}' <<<"$out")|$(awk '$1=="99%" {print $2}' <<<"$out")|$(awk '/Non-2xx/ {print $5}' <<<"$out")"$'\n'
}
ROWS=""
HALF=$((ORDERS / 2))
RUN=0
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for WORKERS in "${WORKER_COUNTS[@]}"; do
  .venv/bin/gunicorn backend.config.wsgi:application --bind 127.0.0.1:$PORT --workers "$WORKERS" \
    --log-level warning --access-logfile /dev/null >/tmp/bench_callbacks_gunicorn.log 2>&1 &
  GUNICORN=$!
  for _ in $(seq 50); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.2; done
  FIRST=$((RUN * ORDERS))
  measure "$WORKERS|bare Django JSON view (reference)" "" "" "$BASE/bench/bare"
  measure "$WORKERS|DRF view, one row by pk (reference)" "" "" "$BASE/bench/drf-row/$DEP_ID"
  measure "$WORKERS|WeChat Pay v3 callback (verify + decrypt + lock + ledger + outbox)" "$FIRST" \
    "$((FIRST + HALF))" -s bench/callbacks.lua "$BASE" -- "$WORK/requests_wechatpay.txt" 2
  measure "$WORKERS|Alipay callback (RSA2 verify + lock + ledger + outbox)" "$FIRST" "$((FIRST + HALF))" \
    -s bench/callbacks.lua "$BASE" -- "$WORK/requests_alipay.txt" 2
  ZB_CALLBACK_PATH=/bench/minimal-callback measure \
    "$WORKERS|floor: PERFORMANCE.md's prototype (verify + decrypt + lock + UPDATE + INSERT, hand-written SQL)" \
    "$((RUNS * ORDERS + FIRST))" "$((RUNS * ORDERS + FIRST + HALF))" \
    -s bench/callbacks.lua "$BASE" -- "$WORK/requests_wechatpay.txt" 2
  kill "$GUNICORN"; wait "$GUNICORN" 2>/dev/null || true; GUNICORN=""
  RUN=$((RUN + 1))
done
TALLY=$($PY - <<'PYEOF'
import django, json
django.setup()
from django.db.models import Count
from payments.models import CallbackRecord, LedgerEntry
tally = {f"{r['provider']}:{r['verdict']}": r["n"] for r in CallbackRecord.objects.values("provider", "verdict").annotate(n=Count("id"))}
tally["ledger_entries"] = LedgerEntry.objects.count()
print(json.dumps(tally, sort_keys=True))
PYEOF
)

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
$PY - "$ROWS" "$CONNS" "$DURATION" "$COMMIT_MS" "$TALLY" "$LOAD_BEFORE" "$LOAD_AFTER" <<'PYEOF'
import datetime, os, platform, re, sys
rows = [r.split("|") for r in sys.argv[1].strip().splitlines()]
conns, duration, commit_ms, tally, load_before, load_after = sys.argv[2:8]
def ms(text):
    m = re.match(r"([\d.]+)(us|ms|s)", text)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
mem = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
workers = list(dict.fromkeys(r[0] for r in rows))
lines = [
    "<!-- callbacks:begin -->",
    "## Verified payment callbacks (issue 5)",
    "",
    f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC} by `bench/run_callbacks.sh` on {os.cpu_count()} × {cpu}, "
    f"{mem} GiB, load average {load_before} before and {load_after} after (shared machine); gunicorn sync workers, "
    f"PostgreSQL, Redis (Celery broker and channel layer, as in production), `DEBUG` off, `CONN_MAX_AGE=60`; `wrk -t2 -c{conns} -d{duration} --latency` on loopback after a "
    "discarded 3 s warm-up (wrk shares the cores). Each callback request is a distinct, validly signed notification "
    "for a distinct order: it verifies, (WeChat) decrypts, locks bill and order, moves them to paid, writes one ledger "
    "entry, the callback record, the audit row, the bill-event outbox row and the notification outbox rows (inbox "
    "message, stream entry), in one transaction of 14 SQL statements (`tests/payments/test_callback_queries.py` holds "
    f"that bound). PostgreSQL's commit latency here (INSERT + fsync'd COMMIT): **{commit_ms} ms**; with few sync "
    "workers every callback waits for its own WAL flush, with more they share flushes.",
    "",
    "The floor row is `bench/minimal-callback` (bench/progress_urls.py): shared/PERFORMANCE.md's "
    "prototype as a plain Django view on the same server, fed the same kind of signed WeChat Pay "
    "notifications — RSA verify, AES-GCM decrypt, then SELECT … FOR UPDATE, UPDATE and INSERT in "
    "hand-written SQL, and nothing else (no replay window, id or amount checks, no bill, callback "
    "record, audit, outbox or notification). No complete callback can be faster than it.",
]
verdicts = []
for w in workers:
    group = [r[1:] for r in rows if r[0] == w]
    ref = float(group[1][1])
    lines += [
        "",
        f"**{w} workers**",
        "",
        "| endpoint | req/s | × DRF one-row | p50 ms | p99 ms | non-2xx |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, rps, p50, p99, bad in group:
        lines.append(f"| {name} | {float(rps):,.0f} | {float(rps) / ref:.2f} | {ms(p50):.1f} | {ms(p99):.1f} | {bad or 0} |")
    wx, ali = float(group[2][1]) / ref, float(group[3][1]) / ref
    floor = float(group[4][1]) / ref
    verdicts.append(
        f"{w} workers: WeChat Pay **{wx:.2f}×** ({'met' if wx >= 0.5 else 'NOT met'}), "
        f"Alipay **{ali:.2f}×** ({'met' if ali >= 0.5 else 'NOT met'}); the floor {floor:.2f}×"
    )
lines += [
    "",
    "Goal: ≥ 0.5× the one-row DRF reference — " + "; ".join(verdicts) + ". Callback verdicts and ledger rows "
    f"after the run (warm-ups included): `{tally}` — no rejected callback, one ledger entry per applied one.",
    "<!-- callbacks:end -->",
]
section = "\n".join(lines) + "\n"
path = "bench/RESULTS.md"
text = open(path).read() if os.path.exists(path) else "# Benchmark results\n\n"
if "<!-- callbacks:begin -->" in text:
    text = re.sub(r"<!-- callbacks:begin -->.*?<!-- callbacks:end -->\n?", lambda _m: section, text, flags=re.S)
else:
    text = text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text)
print(section)
PYEOF
