"""The reconciliation hot path: stage a bill's detail lines, check its totals, classify in SQL.

PostgreSQL (PERFORMANCE.md "Reconciliation floor"): the detail lines go straight into a
temporary text table with `COPY … FROM STDIN (FORMAT csv)` in ~1 MiB blocks (Python only drops
header/comment/summary lines and re-encodes GBK), one `INSERT … SELECT` strips the backticks
and tabs and casts into the temporary typed table `recon_lines` (no index, no foreign key: it
lives for one run), and one set-based join classifies every line. Nothing per field happens in
Python. What outlives the run is small: counts, totals, difference cases, fees per
department / channel / fee item (`DailyFee`, one more set-based INSERT … SELECT).

SQLite (embedded default): the Python readers parse and validate each row and insert it in
batches; the classification is the SAME SQL, so both paths give the same results.

A value the SQL cast refuses becomes NULL in a NOT NULL column: the insert fails, and the
Python reader is run over the file only then, to name the malformed lines.
"""

from __future__ import annotations

import threading
import time as clock
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection

from payments.reconciliation.constants import MATCHED
from payments.reconciliation.parsers import (
    AlipayBillReader,
    LineError,
    ParsedRow,
    WechatBillReader,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
COPY_BLOCK = 1 << 20
INSERT_BATCH = 2000
LINE_COLUMNS = (
    "lineno, kind, status, trade_time, merchant_id, trade_type, transaction_id, out_trade_no, "
    "out_refund_no, refund_id, amount_fen, settle_fen, fee, description"
)


LINES_COLUMNS_DDL = (
    "(lineno bigint NOT NULL, kind text NOT NULL, status text NOT NULL, "
    "trade_time timestamptz NOT NULL, merchant_id text NOT NULL, trade_type text NOT NULL, "
    "transaction_id text NOT NULL, out_trade_no text NOT NULL, out_refund_no text NOT NULL, "
    "refund_id text NOT NULL, amount_fen bigint NOT NULL, settle_fen bigint NOT NULL, "
    "fee numeric(18, 5) NOT NULL, description text NOT NULL)"
)
# Working memory for the run's hash joins and aggregates (PostgreSQL, this transaction only):
# with the 4 MB default, joins of a million rows spill to disk in batches.
WORK_MEM = "256MB"


class _Tables(threading.local):
    """The current run's staging table names (per thread: runs may go on side by side)."""

    def __init__(self) -> None:
        self.lines, self.raw = "recon_lines", "recon_raw"


_tables = _Tables()


def _sql(text: str) -> str:
    """`text` with the staging tables of the current run."""
    return text.replace("recon_lines", _tables.lines).replace("recon_raw", _tables.raw)


def lines_create(run_id: Any) -> None:
    """The typed lines of ONE run, in a table that lives for the run's transaction only.

    PostgreSQL: an UNLOGGED table named after the run (shared buffers, no WAL; a temporary
    table would go through the small per-session temp buffers and spill to disk), created and
    dropped inside the transaction, so a failure leaves nothing behind. SQLite: a temporary table.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            suffix = uuid.UUID(str(run_id)).hex
            _tables.lines, _tables.raw = f"recon_lines_{suffix}", f"recon_raw_{suffix}"
            cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
            cursor.execute(f"CREATE UNLOGGED TABLE {_tables.lines} {LINES_COLUMNS_DDL}")
        else:
            _tables.lines, _tables.raw = "recon_lines", "recon_raw"
            cursor.execute("DROP TABLE IF EXISTS temp.recon_lines")
            cursor.execute(f"CREATE TEMP TABLE recon_lines {LINES_COLUMNS_DDL}")


def lines_drop() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {_tables.lines}")


class StagingFailed(Exception):
    """PostgreSQL refused a line (COPY format or cast): the Python reader names the lines."""


@dataclass
class StageResult:
    line_count: int = 0
    merchant_ids: set[str] = field(default_factory=set)
    # (kind, trade_type) -> [count, settle_fen, amount_fen, fee]
    groups: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    errors: list[LineError] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def day_bounds(bill_date: date) -> tuple[datetime, datetime]:
    """The business day (Asia/Shanghai) as an aware [start, end) interval."""
    start = datetime.combine(bill_date, time(0), tzinfo=SHANGHAI)
    return start, start + timedelta(days=1)


def _db_datetime(value: datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


def _db_id(value: Any) -> Any:
    """A UUID as the backend stores it (PostgreSQL uuid; SQLite 32 hex characters)."""
    return value if connection.vendor == "postgresql" else uuid.UUID(str(value)).hex


def as_uuid(value: Any) -> uuid.UUID | None:
    return None if value is None else value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


# --- staging: PostgreSQL COPY -------------------------------------------------------------------
def _b(column: str) -> str:
    """A WeChat cell: the leading backtick stripped."""
    return f"ltrim({column}, '`')"


def _t(column: str) -> str:
    """An Alipay cell: the trailing tab (and blanks) stripped."""
    return f"btrim({column}, E'\\t ')"


def _amount(expr: str) -> str:
    # A cell that is not a number makes the cast raise (the Python reader then names the line);
    # more than two decimals becomes NULL in a NOT NULL column. Cheaper than a regex per cell.
    return f"CASE WHEN scale(({expr})::numeric) <= 2 THEN (({expr})::numeric * 100)::bigint END"


def _fee(expr: str) -> str:
    return f"CASE WHEN scale(({expr})::numeric) <= 5 THEN ({expr})::numeric END"


def _time(expr: str) -> str:
    return f"CASE WHEN length({expr}) = 19 THEN ({expr} || '+08')::timestamptz END"


WECHAT_CAST = f"""
INSERT INTO recon_lines ({LINE_COLUMNS})
SELECT 0, kind, status, {_time("t")}, mch, tt, txn, NULLIF(otn, ''),
       CASE WHEN kind = 'refund' THEN NULLIF(orn, '') ELSE '' END,
       CASE WHEN kind = 'refund' THEN rid ELSE '' END,
       CASE WHEN kind = 'refund' THEN {_amount("refund_applied")} ELSE {_amount("order_total")} END,
       {_amount("settle")}, {_fee("fee")}, descr
FROM (
    SELECT {_b("c1")} AS t, {_b("c3")} AS mch, {_b("c9")} AS tt, {_b("c6")} AS txn, {_b("c7")} AS otn,
           {_b("c16")} AS orn, {_b("c15")} AS rid, {_b("c26")} AS refund_applied, {_b("c25")} AS order_total,
           {_b("c13")} AS settle, {_b("c23")} AS fee, {_b("c21")} AS descr, {_b("c10")} AS status,
           CASE {_b("c10")} WHEN 'SUCCESS' THEN 'payment' WHEN 'REVOKED' THEN 'payment'
                            WHEN 'REFUND' THEN 'refund' END AS kind
    FROM recon_raw
    OFFSET 0  -- keeps the planner from inlining (and so repeating) each stripped cell per use
) s
"""  # noqa: S608 - constant SQL; values are bound parameters

ALIPAY_CAST = f"""
INSERT INTO recon_lines ({LINE_COLUMNS})
SELECT 0, kind, CASE WHEN kind = 'refund' THEN 'REFUND' ELSE 'SUCCESS' END,
       {_time("t")}, %(merchant)s, 'JSAPI', txn, NULLIF(otn, ''),
       CASE WHEN kind = 'refund' THEN NULLIF(orn, '') ELSE '' END, '',
       abs({_amount("gross")}), {_amount("settle")}, -({_fee("fee")}), descr
FROM (
    SELECT {_t("c6")} AS t, {_t("c1")} AS txn, {_t("c2")} AS otn, {_t("c22")} AS orn,
           {_t("c12")} AS gross, {_t("c13")} AS settle, COALESCE(NULLIF({_t("c23")}, ''), '0') AS fee,
           c4 AS descr,
           CASE {_t("c3")} WHEN '交易' THEN 'payment' WHEN '退款' THEN 'refund' END AS kind
    FROM recon_raw
    OFFSET 0  -- keeps the planner from inlining (and so repeating) each stripped cell per use
) s
"""  # noqa: S608 - constant SQL; values are bound parameters

GROUPS_SQL = """
SELECT kind, trade_type, count(*), COALESCE(sum(settle_fen), 0), COALESCE(sum(amount_fen), 0),
       COALESCE(sum(fee), 0), min(merchant_id), max(merchant_id)
FROM recon_lines GROUP BY kind, trade_type
"""


def stage_copy(reader: WechatBillReader | AlipayBillReader) -> StageResult:
    """PostgreSQL: COPY the detail lines into a temporary table, cast them in one INSERT … SELECT.

    Must run inside a transaction (the temporary table is dropped at commit). Raises
    StagingFailed when PostgreSQL refuses the data; structural errors come back in `errors`.
    """
    import psycopg

    columns = ", ".join(f"c{i}" for i in range(1, reader.columns + 1))
    with connection.cursor() as cursor:
        raw = _tables.raw
        cursor.execute(
            # No line-number column: numbering a million rows costs; the Python reader names
            # malformed lines when (and only when) PostgreSQL refuses one.
            f"CREATE UNLOGGED TABLE {raw} ("
            + ", ".join(f"c{i} text" for i in range(1, reader.columns + 1))
            + ")"
        )
        started = clock.perf_counter()
        try:
            with cursor.cursor.copy(f"COPY {raw} ({columns}) FROM STDIN (FORMAT csv)") as copy:
                block: list[bytes] = []
                size = 0
                for _lineno, line in reader.detail_lines():
                    block.append(line)
                    size += len(line)
                    if size >= COPY_BLOCK:
                        copy.write(b"".join(block))
                        block.clear()
                        size = 0
                if block:
                    copy.write(b"".join(block))
        except psycopg.Error as exc:
            raise StagingFailed(str(exc)) from exc
        result = StageResult(errors=list(reader.errors))
        result.seconds["copy"] = clock.perf_counter() - started
        if result.errors:
            return result
        params = {"merchant": reader.merchant_id}
        sql = WECHAT_CAST if isinstance(reader, WechatBillReader) else ALIPAY_CAST
        try:
            cursor.execute(_sql(sql), params)
        except Exception as exc:  # NOT NULL (a refused cast) or an invalid date
            raise StagingFailed(str(exc)) from exc
        result.line_count = cursor.rowcount
        result.seconds["cast"] = clock.perf_counter() - started - result.seconds["copy"]
        cursor.execute(f"DROP TABLE {raw}")
        cursor.execute(_sql("ANALYZE recon_lines"))  # real row counts: the planner then hash-joins
        cursor.execute(_sql(GROUPS_SQL))
        for kind, trade_type, count, settle, amount, fee, mch_min, mch_max in cursor.fetchall():
            result.groups[(kind, trade_type)] = [count, int(settle), int(amount), Decimal(fee)]
            result.merchant_ids.update({mch_min, mch_max})
    return result


# --- staging: Python (SQLite, and the error locator) ---------------------------------------------
def stage_python(reader: WechatBillReader | AlipayBillReader) -> StageResult:
    """Parse and validate every row in Python, insert in batches, total in Python."""
    result = StageResult()
    batch: list[tuple[Any, ...]] = []
    placeholders = ", ".join(["%s"] * 14)
    sql = f"INSERT INTO {_tables.lines} ({LINE_COLUMNS}) VALUES ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        for row in reader.rows():
            result.line_count += 1
            result.merchant_ids.add(row.merchant_id)
            group = result.groups.setdefault((row.kind, row.trade_type), [0, 0, 0, Decimal(0)])
            group[0] += 1
            group[1] += row.settle_fen
            group[2] += row.amount_fen
            group[3] += row.fee
            if reader.errors:
                continue  # keep reading to report every malformed line; insert nothing more
            batch.append(_line_values(row))
            if len(batch) >= INSERT_BATCH:
                cursor.executemany(sql, batch)
                batch.clear()
        if batch and not reader.errors:
            cursor.executemany(sql, batch)
    result.errors = list(reader.errors)
    return result


def _line_values(row: ParsedRow) -> tuple[Any, ...]:
    return (
        row.lineno,
        row.kind,
        row.status,
        _db_datetime(row.trade_time),
        row.merchant_id,
        row.trade_type,
        row.transaction_id,
        row.out_trade_no,
        row.out_refund_no,
        row.refund_id,
        row.amount_fen,
        row.settle_fen,
        str(row.fee),
        row.description,
    )


def locate_errors(reader: WechatBillReader | AlipayBillReader) -> list[LineError]:
    """Run the Python reader over the whole file only to name the malformed lines."""
    for _row in reader.rows():
        pass
    return list(reader.errors)


# --- totals against the bill's own summary ------------------------------------------------------
def aggregates(groups: dict[tuple[str, str], list[Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "count_all": 0,
        "count_payment": 0,
        "count_refund": 0,
        "settle_sum": 0,
        "settle_payment": 0,
        "settle_refund": 0,
        "payment_sum": 0,
        "refund_sum": 0,
        "fee_sum": Decimal(0),
    }
    for (kind, _trade_type), (count, settle, amount, fee) in groups.items():
        out["count_all"] += count
        out[f"count_{kind}"] += count
        out["settle_sum"] += settle
        out[f"settle_{kind}"] += settle
        out[f"{kind}_sum"] += amount
        out["fee_sum"] += Decimal(fee)
    return out


def summary_differences(expected: dict[str, Any], staged: dict[str, Any]) -> list[str]:
    """Every total the bill states that its rows do not add up to."""
    problems = []
    for key, value in expected.items():
        got = staged.get(key)
        if isinstance(value, Decimal):
            same = got is not None and Decimal(got).quantize(Decimal("0.00001")) == value.quantize(
                Decimal("0.00001")
            )
        else:
            same = got == value
        if not same:
            problems.append(f"{key}: the bill's summary says {value}, its rows add up to {got}")
    return problems


def channel_totals(groups: dict[tuple[str, str], list[Any]]) -> dict[str, dict[str, Any]]:
    channels: dict[str, dict[str, Any]] = {}
    for (kind, trade_type), (count, _settle, amount, fee) in groups.items():
        entry = channels.setdefault(
            trade_type or "-", {"payments": 0, "refunds": 0, "received_fen": 0, "refunded_fen": 0, "fee": "0"}
        )
        if kind == "payment":
            entry["payments"] += count
            entry["received_fen"] += amount
        else:
            entry["refunds"] += count
            entry["refunded_fen"] += amount
        entry["fee"] = str(Decimal(entry["fee"]) + Decimal(fee))
    return channels


# --- classification: one set-based join (the same SQL on both backends) -------------------------
CLASSIFY_SQL = """
SELECT b.kind AS kind, b.out_trade_no AS out_trade_no, b.out_refund_no AS out_refund_no,
       b.transaction_id AS transaction_id, b.amount_fen AS provider_fen, b.status AS provider_status,
       o.id AS order_id, o.state AS order_state, l.amount_fen AS ledger_fen,
       r.id AS refund_id, r.state AS refund_state, r.amount_fen AS refund_fen,
       CASE
         WHEN b.kind = 'payment' AND b.status = 'REVOKED'
              THEN CASE WHEN l.id IS NULL THEN 'matched' ELSE 'status_mismatch' END
         WHEN b.kind = 'payment' AND l.id IS NOT NULL
              THEN CASE WHEN l.amount_fen = b.amount_fen THEN 'matched' ELSE 'amount_mismatch' END
         WHEN b.kind = 'payment' AND o.state IN ('closed', 'failed') THEN 'status_mismatch'
         WHEN b.kind = 'payment' THEN 'provider_only'
         WHEN r.id IS NULL THEN 'provider_only'
         WHEN r.state <> 'succeeded' THEN 'status_mismatch'
         WHEN r.amount_fen <> b.amount_fen THEN 'amount_mismatch'
         ELSE 'matched'
       END AS category
FROM recon_lines b
LEFT JOIN payments_paymentorder o ON o.out_trade_no = b.out_trade_no AND o.provider = %s
LEFT JOIN payments_ledgerentry l ON b.kind = 'payment' AND l.order_id = o.id AND l.kind = 'payment'
LEFT JOIN payments_refund r ON b.kind = 'refund' AND r.out_refund_no = b.out_refund_no AND r.order_id = o.id
"""

LOCAL_ONLY_PAYMENTS_SQL = """
SELECT 'payment', o.out_trade_no, '', o.transaction_id, NULL, '', o.id, o.state, l.amount_fen,
       NULL, NULL, NULL, 'local_only'
FROM payments_ledgerentry l JOIN payments_paymentorder o ON o.id = l.order_id
WHERE l.kind = 'payment' AND l.provider = %s AND o.paid_at >= %s AND o.paid_at < %s
  AND NOT EXISTS (SELECT 1 FROM recon_lines b WHERE b.kind = 'payment' AND b.out_trade_no = o.out_trade_no)
"""

LOCAL_ONLY_REFUNDS_SQL = """
SELECT 'refund', o.out_trade_no, r.out_refund_no, o.transaction_id, NULL, '', o.id, o.state, NULL,
       r.id, r.state, r.amount_fen, 'local_only'
FROM payments_ledgerentry l
JOIN payments_refund r ON r.id = l.refund_id
JOIN payments_paymentorder o ON o.id = l.order_id
WHERE l.kind = 'refund' AND l.provider = %s AND r.succeeded_at >= %s AND r.succeeded_at < %s
  AND NOT EXISTS (SELECT 1 FROM recon_lines b WHERE b.kind = 'refund' AND b.out_refund_no = r.out_refund_no)
"""

DIFFERENCE_FIELDS = (
    "kind",
    "out_trade_no",
    "out_refund_no",
    "transaction_id",
    "provider_fen",
    "provider_status",
    "order_id",
    "order_state",
    "ledger_fen",
    "refund_id",
    "refund_state",
    "refund_fen",
    "category",
)


@dataclass
class Classification:
    counts: dict[str, dict[str, int]]
    differences: list[dict[str, Any]]


def classify(*, provider: str, bill_date: date) -> Classification:
    """Categorise every staged line and every ledger row of the day missing from the bill."""
    start, end = day_bounds(bill_date)
    counts: dict[str, dict[str, int]] = {}
    differences: list[dict[str, Any]] = []
    with connection.cursor() as cursor:
        cursor.execute(
            _sql(f"SELECT category, count(*), COALESCE(sum(provider_fen), 0) FROM ({CLASSIFY_SQL}) c ")  # noqa: S608
            + "GROUP BY category",
            [provider],
        )
        for category, count, amount in cursor.fetchall():
            counts[category] = {"count": int(count), "amount_fen": int(amount)}
        if any(category != MATCHED for category in counts):
            cursor.execute(
                _sql(f"SELECT * FROM ({CLASSIFY_SQL}) c WHERE category <> 'matched'"),  # noqa: S608
                [provider],
            )
            differences.extend(_rows(cursor.fetchall()))
        for sql in (LOCAL_ONLY_PAYMENTS_SQL, LOCAL_ONLY_REFUNDS_SQL):
            cursor.execute(_sql(sql), [provider, _db_datetime(start), _db_datetime(end)])
            local = _rows(cursor.fetchall())
            differences.extend(local)
            if local:
                entry = counts.setdefault("local_only", {"count": 0, "amount_fen": 0})
                entry["count"] += len(local)
                entry["amount_fen"] += sum(int(d["ledger_fen"] or d["refund_fen"] or 0) for d in local)
    return Classification(counts=counts, differences=differences)


def _rows(rows: Iterable[tuple[Any, ...]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        item = dict(zip(DIFFERENCE_FIELDS, row, strict=True))
        item["order_id"] = as_uuid(item["order_id"])
        item["refund_id"] = as_uuid(item["refund_id"])
        out.append(item)
    return out


FEES_SQL = """
INSERT INTO reconciliation_dailyfee
       (run_id, provider, bill_date, department_code, channel, fee_item_code, fee)
SELECT %s, %s, %s, COALESCE(b.department_code, '-'), COALESCE(o.channel, '-'), COALESCE(i.code, '-'),
       SUM(x.fee * COALESCE(i.amount_fen, 1) / COALESCE(b.total_fen, 1))
FROM recon_lines x
LEFT JOIN payments_paymentorder o ON o.out_trade_no = x.out_trade_no AND o.provider = %s
LEFT JOIN payments_bill b ON b.id = o.bill_id
LEFT JOIN payments_billitem i ON i.bill_id = b.id
GROUP BY COALESCE(b.department_code, '-'), COALESCE(o.channel, '-'), COALESCE(i.code, '-')
"""


def fees_store(*, run_id: Any, provider: str, bill_date: date) -> None:
    """The run's fees per department, channel and fee item: one set-based INSERT … SELECT."""
    with connection.cursor() as cursor:
        cursor.execute(
            _sql(FEES_SQL),
            [_db_id(run_id), provider, connection.ops.adapt_datefield_value(bill_date), provider],
        )
