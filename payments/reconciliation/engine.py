"""Staging a bill's detail lines for matching, and checking the bill's totals.

PostgreSQL (PERFORMANCE.md "Reconciliation floor"): the detail lines go straight into an
UNLOGGED table of the run with `COPY … FROM STDIN (FORMAT csv)` in ~1 MiB blocks. WeChat Pay
bills are streamed block by block without a Python step per line (`WechatBillReader.detail_blocks`)
and their backticks are deleted from the whole block at C speed, so that COPY itself parses the
amounts into `numeric` columns; Alipay lines (GBK, re-encoded line by line) land as text and are
cast in the matching query. Nothing is written twice: matching (`matching.py`) reads this
table once. SQLite (embedded default): the Python readers parse and validate each row and insert
it into a typed temporary table in batches; matching runs the SAME SQL over it.

A value PostgreSQL refuses (COPY format, a non-number in an amount column, more decimals than
allowed) fails the run; the Python reader is then run over the file only to name the malformed
lines.
"""

from __future__ import annotations

import threading
import time as clock
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db import connection

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
# The WeChat bill's money columns (1-based): 应结订单金额, 手续费, 订单金额, 申请退款金额. COPY
# parses them as numeric; every other column stays text.
WECHAT_NUMERIC = frozenset({13, 23, 25, 26})
# The columns matching reads, in the order it reads them: the raw table stores them first (COPY's
# column list still follows the file), so a scan deforms 8–11 columns of a row, not all of them.
WECHAT_READ = (10, 7, 16, 25, 26, 13, 23, 9, 3, 6, 1)
ALIPAY_READ = (3, 2, 22, 12, 13, 23, 6, 1)
# Working memory for the run's hash joins and aggregate (PostgreSQL, this transaction only):
# with the 4 MB default, joins of a million rows spill to disk in batches.
WORK_MEM = "256MB"


class _Tables(threading.local):
    """The current run's staging table names (per thread: runs may go on side by side)."""

    def __init__(self) -> None:
        self.lines, self.raw, self.pending = "recon_lines", "recon_raw", "recon_pending"


_tables = _Tables()


def sql(text: str) -> str:
    """`text` with the staging tables of the current run."""
    return (
        text.replace("recon_lines", _tables.lines)
        .replace("recon_raw", _tables.raw)
        .replace("recon_pending", _tables.pending)
    )


def tables_begin(run_id: Any) -> None:
    """Name the run's staging tables; on PostgreSQL give the transaction its working memory.

    PostgreSQL: UNLOGGED tables named after the run (shared buffers, no WAL; a temporary table
    would go through the small per-session temp buffers and spill to disk), created and dropped
    inside the run's transaction, so a failure leaves nothing behind. SQLite: temporary tables.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            suffix = uuid.UUID(str(run_id)).hex
            _tables.lines = f"recon_lines_{suffix}"
            _tables.raw = f"recon_raw_{suffix}"
            _tables.pending = f"recon_pending_{suffix}"
            cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
        else:
            _tables.lines, _tables.raw, _tables.pending = "recon_lines", "recon_raw", "recon_pending"
            for name in ("recon_lines", "recon_raw", "recon_pending"):
                cursor.execute(f"DROP TABLE IF EXISTS temp.{name}")


def _create(cursor: Any, name: str, columns: str) -> None:
    kind = "UNLOGGED TABLE" if connection.vendor == "postgresql" else "TEMP TABLE"
    cursor.execute(f"CREATE {kind} {name} {columns}")


def pending_create(columns: str) -> None:
    """The run's small table of lines matched again one by one (`matching.PENDING_COLUMNS`)."""
    with connection.cursor() as cursor:
        _create(cursor, _tables.pending, columns)


def tables_drop() -> None:
    with connection.cursor() as cursor:
        for name in (_tables.lines, _tables.raw, _tables.pending):
            cursor.execute(f"DROP TABLE IF EXISTS {name}")


class StagingFailed(Exception):
    """PostgreSQL refused a line (COPY format or cast): the Python reader names the lines."""


@dataclass
class StageResult:
    """What staging found out before matching: the source to match and its row count."""

    source: str  # "wechat_raw" | "alipay_raw" | "lines"
    line_count: int = 0
    errors: list[LineError] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def day_bounds(bill_date: date) -> tuple[datetime, datetime]:
    """The business day (Asia/Shanghai) as an aware [start, end) interval."""
    start = datetime.combine(bill_date, time(0), tzinfo=SHANGHAI)
    return start, start + timedelta(days=1)


def db_datetime(value: datetime) -> Any:
    return connection.ops.adapt_datetimefield_value(value)


def as_uuid(value: Any) -> uuid.UUID | None:
    return None if value is None else value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


# --- staging: PostgreSQL COPY -------------------------------------------------------------------
def stage_copy(reader: WechatBillReader | AlipayBillReader) -> StageResult:
    """PostgreSQL: COPY the detail lines into the run's raw table (must run in a transaction).

    Raises StagingFailed when PostgreSQL refuses the data; structural errors come back in
    `errors`. Empty cells arrive as '' (FORCE_NOT_NULL), so an empty amount is refused by its
    numeric parse like any other non-number.
    """
    import psycopg

    wechat = isinstance(reader, WechatBillReader)
    read = WECHAT_READ if wechat else ALIPAY_READ
    physical = [*read, *(i for i in range(1, reader.columns + 1) if i not in read)]
    ddl = ", ".join(f"c{i} {'numeric' if wechat and i in WECHAT_NUMERIC else 'text'}" for i in physical)
    names = ", ".join(f"c{i}" for i in range(1, reader.columns + 1))
    result = StageResult(source="wechat_raw" if wechat else "alipay_raw")
    started = clock.perf_counter()
    with connection.cursor() as cursor:
        _create(cursor, _tables.raw, f"({ddl})")
        statement = f"COPY {_tables.raw} ({names}) FROM STDIN (FORMAT csv, FORCE_NOT_NULL ({names}))"
        try:
            with cursor.cursor.copy(statement) as copy:
                if wechat:
                    # Every WeChat cell starts with a backtick (quoted cells inside the quotes);
                    # deleting them all from the block is one C loop. Descriptions lose their
                    # own backticks too — they take no part in matching.
                    for block in reader.detail_blocks(COPY_BLOCK):
                        copy.write(block.translate(None, b"`"))
                else:
                    _copy_lines(copy, reader)
            result.line_count = cursor.cursor.rowcount
        except psycopg.Error as exc:
            raise StagingFailed(str(exc)) from exc
    result.errors = list(reader.errors)
    result.seconds["copy"] = clock.perf_counter() - started
    return result


def _copy_lines(copy: Any, reader: AlipayBillReader) -> None:
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


# --- staging: Python (SQLite, and the error locator) ---------------------------------------------
def stage_python(reader: WechatBillReader | AlipayBillReader) -> StageResult:
    """Parse and validate every row in Python, insert into the typed lines table in batches."""
    result = StageResult(source="lines")
    batch: list[tuple[Any, ...]] = []
    placeholders = ", ".join(["%s"] * 14)
    statement = f"INSERT INTO {_tables.lines} ({LINE_COLUMNS}) VALUES ({placeholders})"  # noqa: S608
    started = clock.perf_counter()
    with connection.cursor() as cursor:
        _create(cursor, _tables.lines, LINES_COLUMNS_DDL)
        for row in reader.rows():
            result.line_count += 1
            if reader.errors:
                continue  # keep reading to report every malformed line; insert nothing more
            batch.append(_line_values(row))
            if len(batch) >= INSERT_BATCH:
                cursor.executemany(statement, batch)
                batch.clear()
        if batch and not reader.errors:
            cursor.executemany(statement, batch)
    result.errors = list(reader.errors)
    result.seconds["copy"] = clock.perf_counter() - started
    return result


def _line_values(row: ParsedRow) -> tuple[Any, ...]:
    return (
        row.lineno,
        row.kind,
        row.status,
        db_datetime(row.trade_time),
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
