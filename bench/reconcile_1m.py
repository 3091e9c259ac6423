"""Benchmark: reconcile a 1,000,000-row WeChat Pay bill against 1,000,000 paid orders (PostgreSQL).

    .venv/bin/python bench/reconcile_1m.py            # setup + both measurements + bench/RESULTS.md
    BENCH_REUSE=1 .venv/bin/python bench/reconcile_1m.py   # re-measure on the same database and bill

Steps (each measurement in its own fresh process, so its peak RSS is its own):
1. `setup`: a fresh database (BENCH_DATABASE_URL, default zb_recon_bench), migrated; 1,000,000
   bills, paid orders and ledger rows written with set-based SQL (generate_series); the bill
   file written by mobile_mock/bills.py (real format: backticks, CRLF, summary) and stored.
2. `copy`: the reference — a plain client-side `COPY … FROM STDIN (FORMAT csv)` of the same
   file's detail lines into a 27-column text table, in 1 MiB blocks.
3. `reconcile`: `reconciliation_run(bill_file=…)` — SHA-256 check, COPY, strip + cast in SQL,
   summary check, the set-based classification and the local-only anti-joins, cases, audit.
Goals (issue 7): reconcile within 3× the COPY time; peak memory under 300 MB.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/zb_recon_bench")
ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))
DAY = "2026-11-20"
WORK = Path(os.environ.get("BENCH_WORK_DIR", "/tmp/zb_recon_bench"))  # noqa: S108 - a benchmark's scratch
BILL = WORK / "bill.csv"


def _django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = DB_URL
    os.environ.pop("REDIS_URL", None)
    os.environ["MEDIA_ROOT"] = str(WORK / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.config.settings")
    import django

    django.setup()


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def setup() -> dict[str, float]:
    from urllib.parse import urlparse

    import psycopg

    url = urlparse(DB_URL)
    name = url.path.lstrip("/")
    admin = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    _django()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    day_start = f"{DAY} 00:00:00+08"
    with connection.cursor() as c:
        c.execute(
            f"""
            INSERT INTO payments_bill (id, number, source_type, source_id, department_code, description,
                total_fen, paid_fen, refunded_fen, state, created_at, paid_at, receipt_code, check_code,
                payer_name, payer_name_index)
            SELECT md5('b' || i)::uuid, 'B' || lpad(i::text, 14, '0'), 'bench', i::text, 'GA01',
                   '护照办理费',
                   100 + i % 50000, 100 + i % 50000, 0, 'paid', '{day_start}'::timestamptz,
                   '{day_start}'::timestamptz + (i % 86400) * interval '1 second', '', '', '', ''
            FROM generate_series(0, {ROWS - 1}) i
            """  # noqa: S608 - constants only
        )
        c.execute(
            f"""
            INSERT INTO payments_paymentorder (id, bill_id, channel, provider, out_trade_no, amount_fen,
                state, payer_openid, provider_ref, transaction_id, client_params, expires_at, created_at,
                updated_at, paid_at, query_count, failure_reason)
            SELECT md5('o' || i)::uuid, md5('b' || i)::uuid, 'wechat_jsapi', 'wechatpay',
                   'P' || lpad(i::text, 12, '0'), 100 + i % 50000, 'paid', '', '',
                   '42' || lpad(i::text, 26, '0'), '{{}}', '{day_start}'::timestamptz + interval '1 day',
                   '{day_start}'::timestamptz, '{day_start}'::timestamptz,
                   '{day_start}'::timestamptz + (i % 86400) * interval '1 second', 0, ''
            FROM generate_series(0, {ROWS - 1}) i
            """  # noqa: S608 - constants only
        )
        c.execute(
            f"""
            INSERT INTO payments_ledgerentry
                (bill_id, order_id, kind, amount_fen, channel, provider, provider_ref, at)
            SELECT md5('b' || i)::uuid, md5('o' || i)::uuid, 'payment', 100 + i % 50000, 'wechat_jsapi',
                   'wechatpay', '42' || lpad(i::text, 26, '0'),
                   '{day_start}'::timestamptz + (i % 86400) * interval '1 second'
            FROM generate_series(0, {ROWS - 1}) i
            """  # noqa: S608 - constants only
        )
        c.execute("UPDATE payments_bill b SET settled_by_id = md5('o' || b.source_id)::uuid")
        c.execute("ANALYZE")
    seeded = time.perf_counter() - started

    from mobile_mock.bills import rows_iter, write_wechat_bill

    WORK.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with BILL.open("wb") as out:
        write_wechat_bill(out, rows_iter(ROWS, day=DAY), appid="wxbench", mchid="1900000109")
    written = time.perf_counter() - started

    from datetime import date

    from payments.reconciliation.services import bill_file_store

    with BILL.open("rb") as handle:
        bill_file = bill_file_store(
            provider="wechatpay", bill_date=date.fromisoformat(DAY), stream=handle, source="uploaded"
        )
    (WORK / "bill_file_id").write_text(str(bill_file.pk))
    prepared = {"seed_s": seeded, "write_bill_s": written, "bill_mb": BILL.stat().st_size / 1e6}
    (WORK / "setup.json").write_text(json.dumps(prepared))
    return prepared


def measure_copy() -> dict[str, float]:
    """The reference: the file's detail lines COPYed as they are (no Python per line)."""
    import psycopg

    with BILL.open("rb") as f:
        start = len(f.readline())
        size = f.seek(0, os.SEEK_END)
        f.seek(max(0, size - 4096))
        end = size - 4096 + f.read().rfind("总交易单数".encode())  # the summary starts there
    with psycopg.connect(DB_URL) as conn:
        columns = ", ".join(f"c{i} text" for i in range(1, 28))
        # UNLOGGED like the run's own staging table (a TEMP table spills through temp_buffers).
        conn.execute("DROP TABLE IF EXISTS bench_plain_copy")
        conn.execute(f"CREATE UNLOGGED TABLE bench_plain_copy ({columns})")
        conn.commit()
        started = time.perf_counter()
        with (
            conn.cursor() as cur,
            cur.copy("COPY bench_plain_copy FROM STDIN (FORMAT csv)") as copy,
            BILL.open("rb") as f,
        ):
            f.seek(start)
            left = end - start
            while left > 0:
                block = f.read(min(1 << 20, left))
                left -= len(block)
                copy.write(block)
        conn.commit()
        elapsed = time.perf_counter() - started
        count = conn.execute("SELECT count(*) FROM bench_plain_copy").fetchone()[0]
        conn.execute("DROP TABLE bench_plain_copy")
        conn.commit()
    return {"copy_s": elapsed, "rows": count, "peak_rss_mb": _peak_mb()}


def measure_reconcile() -> dict[str, object]:
    _django()
    from payments.reconciliation.models import BillFile
    from payments.reconciliation.services import reconciliation_run

    bill_file = BillFile.objects.get(pk=(WORK / "bill_file_id").read_text())
    baseline = _peak_mb()
    started = time.perf_counter()
    run = reconciliation_run(bill_file=bill_file)
    elapsed = time.perf_counter() - started
    return {
        "reconcile_s": elapsed,
        "state": run.state,
        "lines": run.line_count,
        "counts": run.counts,
        "phases_s": run.totals.get("seconds", {}),
        "peak_rss_mb": _peak_mb(),
        "rss_after_django_setup_mb": baseline,
    }


def _child(step: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, step], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    """BENCH_REUSE=1 keeps the database and bill of an earlier setup (re-measures only)."""
    reuse = os.environ.get("BENCH_REUSE") == "1" and (WORK / "setup.json").exists()
    prepared = json.loads((WORK / "setup.json").read_text()) if reuse else _child("setup")
    copy = _child("copy")
    reconcile = _child("reconcile")
    ratio = float(reconcile["reconcile_s"]) / float(copy["copy_s"])  # type: ignore[arg-type]
    report = {"setup": prepared, "copy": copy, "reconcile": reconcile, "ratio": ratio}
    print(json.dumps(report, indent=2, ensure_ascii=False))
    _write_results(report)


def _write_results(report: dict[str, object]) -> None:
    prepared, copy, rec = report["setup"], report["copy"], report["reconcile"]
    section = f"""
## Reconciliation: 1,000,000-row bill against 1,000,000 orders (issue 7)

`.venv/bin/python bench/reconcile_1m.py` on PostgreSQL (local, loopback); {time.strftime("%Y-%m-%d")}.
Bill: WeChat Pay ALL trade bill, {ROWS:,} payment rows, {prepared["bill_mb"]:.0f} MB, written by
`mobile_mock/bills.py`; 1,000,000 paid orders with ledger rows in the database.

| step | time | peak RSS of the process |
|---|---|---|
| plain client-side `COPY … FROM STDIN (FORMAT csv)` of the detail lines, 1 MiB blocks | {copy["copy_s"]:.1f} s | {copy["peak_rss_mb"]:.0f} MB |
| `reconciliation_run` (SHA-256 check, COPY, strip + cast in SQL, summary check, classification, local-only anti-joins, fees) | {rec["reconcile_s"]:.1f} s | {rec["peak_rss_mb"]:.0f} MB (Django itself: {rec["rss_after_django_setup_mb"]:.0f} MB) |

Phases of the run (s): {json.dumps(rec.get("phases_s", {}))}.

Ratio reconcile / COPY: **{report["ratio"]:.2f}×** (goal ≤ 3×); peak memory **{rec["peak_rss_mb"]:.0f} MB**
(goal < 300 MB). Result: {rec["state"]}, {rec["lines"]:,} lines, categories {json.dumps(rec["counts"])}.

Notes. The machine was shared with other test suites while measuring (load average 5–8 on
2 cores); the COPY reference alone moved between 3.3 s and 8.4 s from run to run, so compare the
ratio and the phases, not the seconds. The time-goal is **not met yet**. What brought the first
measurement (12.8×) down: staging in an UNLOGGED table instead of a TEMP one (temp tables go
through the 8 MB per-session `temp_buffers`), `work_mem` 256 MB for the run's transaction and
`ANALYZE` of the staged lines (hash joins instead of a million index look-ups), casts instead of
a regular expression per cell, no line-number identity column, the stripping subquery kept from
being inlined (`OFFSET 0`). What is left: the classification reads orders and ledger twice
(categories, then the local-only anti-join) and the fee split joins again; one FULL JOIN pass
giving categories, local-only rows and fees together, and block-wise COPY of plain (non-gzip)
bills without a Python loop over lines, are the next steps.
"""  # noqa: E501
    results = ROOT / "bench" / "RESULTS.md"
    text = results.read_text() if results.exists() else "# Benchmark results\n"
    marker = "\n## Reconciliation: 1,000,000-row bill"
    if marker in text:
        head, _, rest = text.partition(marker)
        following = rest.find("\n## ")
        text = head + (rest[following:] if following >= 0 else "")
    results.write_text(text.rstrip("\n") + "\n" + section)


if __name__ == "__main__":
    step = sys.argv[1] if len(sys.argv) > 1 else "all"
    if step == "all":
        main()
    else:
        result = {"setup": setup, "copy": measure_copy, "reconcile": measure_reconcile}[step]()
        print(json.dumps(result, ensure_ascii=False, default=str))
