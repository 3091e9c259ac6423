"""Matching a staged bill against the ledger: ONE pass over the lines and the ledger.

The bill's lines (`source`: the raw table COPY filled, or the typed lines table of the Python
path) meet the local money movements in one FULL OUTER JOIN, keyed on the ledger: a payment line
by its transaction id against the ledger payments holding it (`provider_ref`, entries written
since LEDGER_MARGIN before the day — no orders are read), a refund line by (kind, out_refund_no)
against the ledger refunds of refunds that succeeded that day, with their orders (few). Orders
are looked up by primary key only where needed: for a ledger payment no line matched (it is
local-only when its order was paid that day, else it belongs to another day and drops out) and
for the order columns of a difference. The bills and fee items are NOT joined here: the fee
split over them (reports only) is a second, separate statement after the match (`fees.py`).
ONE aggregate over the join gives, together:

- the bill's own totals per (kind, trade type) and its merchant ids (checked against its summary),
- the count and amount per category (matched, amount_mismatch, status_mismatch, local_only),
- every line that is not matched, one group each (its identifying columns are NULL on matched
  lines, so all matched lines of a kind fold into a handful of groups),
- the count of lines whose values PostgreSQL could not cast (NULL where a value is required).

Nothing of a million rows is written; lines and ledger are read once. Lines the ledger window
does not know (a lost callback, an entry written before the window, an unknown order, a refund
we do not see as succeeded) come back as `pending`: the few of them are matched again, one index
look-up each, against all of the provider's orders and refunds by out_trade_no with the same
rules as before (`PENDING_CLASSIFY_SQL`). The line count is checked against the rows staged.

Limits of the window, as for the fee split: a ledger payment of the day written more than
LEDGER_MARGIN before the day began is not reported local-only, and a line whose transaction id
the ledger holds under another order is matched with that entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import DatabaseError, connection

from payments.reconciliation.constants import MATCHED
from payments.reconciliation.engine import (
    StageResult,
    StagingFailed,
    as_uuid,
    day_bounds,
    db_datetime,
    pending_create,
    sql,
)

PENDING = "pending"
LOCAL_ONLY = "local_only"
# Categories travel through the big aggregate as small integers (cheaper to compare and hash).
MATCHED_CODE, AMOUNT_CODE, STATUS_CODE, LOCAL_ONLY_CODE, PENDING_CODE = 1, 2, 3, 4, 9
CATEGORY_NAMES = {
    MATCHED_CODE: MATCHED,
    AMOUNT_CODE: "amount_mismatch",
    STATUS_CODE: "status_mismatch",
    LOCAL_ONLY_CODE: LOCAL_ONLY,
    PENDING_CODE: PENDING,
}
FEE_PLACES = Decimal("0.00001")
# How long before the day's start a payment of the day may have been written to the ledger
# (the provider's clock and ours differ by seconds): the match and the fee split look at the
# ledger entries written since then, by transaction id.
LEDGER_MARGIN = timedelta(hours=1)


# --- the bill side: one row per detail line, the same columns from every source ---------------------
def _amount_numeric(column: str) -> str:
    """A numeric cell in fen; more than two decimals gives NULL (counted as a bad line)."""
    return f"CASE WHEN scale({column}) <= 2 THEN ({column} * 100)::bigint END"


def _amount_text(expr: str) -> str:
    # A cell that is not a number makes the cast raise (the Python reader then names the line).
    return f"CASE WHEN scale(({expr})::numeric) <= 2 THEN (({expr})::numeric * 100)::bigint END"


def _fee_text(expr: str) -> str:
    return f"CASE WHEN scale(({expr})::numeric) <= 5 THEN ({expr})::numeric END"


def _time_ok(expr: str) -> str:
    """1 when the cell is a yyyy-MM-dd HH:mm:ss time; an impossible date makes the cast raise."""
    return f"CASE WHEN length({expr}) = 19 AND ({expr})::timestamp IS NOT NULL THEN 1 END"


def _t(column: str) -> str:
    """An Alipay cell: the trailing tab (and blanks) stripped."""
    return f"btrim({column}, E'\\t ')"


# WeChat Pay, from the raw table COPY filled (backticks already gone; money columns numeric).
# Columns: c1 交易时间, c3 商户号, c6 微信订单号, c7 商户订单号, c9 交易类型, c10 交易状态,
# c13 应结订单金额, c16 商户退款单号, c23 手续费, c25 订单金额, c26 申请退款金额.
WECHAT_SOURCE = f"""
SELECT 1 AS present, kind, c10 AS status, c9 AS trade_type, c3 AS merchant_id, c6 AS transaction_id,
       c7 AS out_trade_no, CASE WHEN kind = 'refund' THEN c16 ELSE '' END AS out_refund_no,
       CASE WHEN kind = 'refund' THEN {_amount_numeric("c26")}
            ELSE {_amount_numeric("c25")} END AS amount_fen,
       {_amount_numeric("c13")} AS settle_fen, CASE WHEN scale(c23) <= 5 THEN c23 END AS fee,
       CASE WHEN kind = 'refund' THEN c16 ELSE c7 END AS key, {_time_ok("c1")} AS time_ok
FROM (SELECT *, CASE c10 WHEN 'SUCCESS' THEN 'payment' WHEN 'REVOKED' THEN 'payment'
                         WHEN 'REFUND' THEN 'refund' END AS kind
      FROM recon_raw) r
OFFSET 0
"""  # noqa: S608 - constant SQL

# Alipay, from the raw text table (every cell may end in a tab). %(merchant)s: the bill's account.
ALIPAY_SOURCE = f"""
SELECT 1 AS present, kind, CASE WHEN kind = 'refund' THEN 'REFUND' ELSE 'SUCCESS' END AS status,
       'JSAPI' AS trade_type, %(merchant)s AS merchant_id, txn AS transaction_id, otn AS out_trade_no,
       CASE WHEN kind = 'refund' THEN orn ELSE '' END AS out_refund_no,
       abs({_amount_text("gross")}) AS amount_fen, {_amount_text("settle")} AS settle_fen,
       -({_fee_text("fee")}) AS fee, CASE WHEN kind = 'refund' THEN orn ELSE otn END AS key,
       {_time_ok("t")} AS time_ok
FROM (
    SELECT {_t("c6")} AS t, {_t("c1")} AS txn, {_t("c2")} AS otn, {_t("c22")} AS orn,
           {_t("c12")} AS gross, {_t("c13")} AS settle, COALESCE(NULLIF({_t("c23")}, ''), '0') AS fee,
           CASE {_t("c3")} WHEN '交易' THEN 'payment' WHEN '退款' THEN 'refund' END AS kind
    FROM recon_raw
    OFFSET 0  -- keeps the planner from inlining (and so repeating) each stripped cell per use
) s
OFFSET 0
"""  # noqa: S608 - constant SQL

# The typed lines the Python reader validated (SQLite, and PostgreSQL's `method="python"`).
LINES_SOURCE = """
SELECT 1 AS present, kind, status, trade_type, merchant_id, transaction_id, out_trade_no, out_refund_no,
       amount_fen, settle_fen, fee, CASE WHEN kind = 'refund' THEN out_refund_no ELSE out_trade_no END AS key,
       1 AS time_ok
FROM recon_lines
"""

SOURCES = {"wechat_raw": WECHAT_SOURCE, "alipay_raw": ALIPAY_SOURCE, "lines": LINES_SOURCE}

# --- the local side: the day's ledger payments and refunds, with their orders -----------------------
# Parameters: provider, day start, day end (payments), then the same three (refunds).
LOCAL_SQL = """
SELECT 'payment' AS kind, o.out_trade_no AS key, o.out_trade_no AS otn, '' AS orn,
       o.transaction_id AS txn, o.id AS order_id, o.state AS order_state, o.bill_id AS bill_id,
       o.channel AS channel, le.amount_fen AS ledger_fen,
       NULL AS refund_id, NULL AS refund_state, NULL AS refund_fen
FROM payments_ledgerentry le JOIN payments_paymentorder o ON o.id = le.order_id
WHERE le.kind = 'payment' AND le.provider = %(provider)s AND o.paid_at >= %(start)s AND o.paid_at < %(end)s
UNION ALL
SELECT 'refund', r.out_refund_no, o.out_trade_no, r.out_refund_no, o.transaction_id, o.id, o.state,
       o.bill_id, o.channel, NULL, r.id, r.state, r.amount_fen
FROM payments_ledgerentry le
JOIN payments_refund r ON r.id = le.refund_id
JOIN payments_paymentorder o ON o.id = le.order_id
WHERE le.kind = 'refund' AND le.provider = %(provider)s AND r.succeeded_at >= %(start)s
  AND r.succeeded_at < %(end)s
"""

# The match's local side, keyed on the ledger: payments by the transaction id their ledger entry
# holds (`provider_ref`; entries written since shortly before the day, see LEDGER_MARGIN — no
# orders are read), refunds (few) as in LOCAL_SQL. Order columns are filled in later, only for
# the rows that are not matched.
LEDGER_SQL = """
SELECT 'payment' AS kind, le.provider_ref AS key, NULL AS otn, '' AS orn, NULL AS txn,
       le.order_id AS order_id, NULL AS order_state, le.amount_fen AS ledger_fen,
       NULL AS refund_id, NULL AS refund_state, NULL AS refund_fen
FROM payments_ledgerentry le
WHERE le.kind = 'payment' AND le.provider = %(provider)s AND le.at >= %(since)s
UNION ALL
SELECT 'refund', r.out_refund_no, o.out_trade_no, r.out_refund_no, o.transaction_id, o.id, o.state,
       NULL, r.id, r.state, r.amount_fen
FROM payments_ledgerentry le
JOIN payments_refund r ON r.id = le.refund_id
JOIN payments_paymentorder o ON o.id = le.order_id
WHERE le.kind = 'refund' AND le.provider = %(provider)s AND r.succeeded_at >= %(start)s
  AND r.succeeded_at < %(end)s
"""

# A ledger payment no line matched is local-only when its order was paid that day; entries of
# other days (written after the day's start) fall out as NOT_OF_THE_DAY. A scalar subquery, one
# primary-key look-up per such entry: PostgreSQL would turn an EXISTS into a hash of the day's
# orders, planned for every row of the join.
NOT_OF_THE_DAY = 0
_PAID_IN_DAY = """(SELECT 1 FROM payments_paymentorder o WHERE o.id = l.order_id
                   AND o.paid_at >= %(start)s AND o.paid_at < %(end)s) IS NOT NULL"""


def _order(column: str) -> str:
    """An order column of a ledger payment that is not matched (one index look-up each)."""
    unmatched = f"j.l_kind = 'payment' AND j.category IN ({AMOUNT_CODE}, {STATUS_CODE}, {LOCAL_ONLY_CODE})"
    look_up = f"SELECT o.{column} FROM payments_paymentorder o WHERE o.id = j.order_id"  # noqa: S608 - constant SQL
    return f"CASE WHEN {unmatched} THEN ({look_up}) END"


# The categories, as in the rules of PROTOCOLS/DESIGN: a payment line against the ledger amount,
# a refund line against our refund's state and amount; REVOKED payments must have no ledger row.
JOINED_SQL = f"""
SELECT j.*, COALESCE(j.l_otn, {_order("out_trade_no")}) AS otn,
       COALESCE(j.l_txn, {_order("transaction_id")}) AS txn,
       COALESCE(j.l_state, {_order("state")}) AS order_state
FROM (
SELECT b.present AS present, b.kind AS kind, b.trade_type AS trade_type, b.merchant_id AS merchant_id,
       b.settle_fen AS settle_fen, b.fee AS fee, b.amount_fen AS amount_fen, b.status AS status,
       b.out_trade_no AS out_trade_no, b.out_refund_no AS out_refund_no, b.transaction_id AS transaction_id,
       l.kind AS l_kind, l.otn AS l_otn, l.orn AS orn, l.txn AS l_txn, l.order_id AS order_id,
       l.order_state AS l_state, l.ledger_fen AS ledger_fen, l.refund_id AS refund_id,
       l.refund_state AS refund_state, l.refund_fen AS refund_fen,
       CASE WHEN b.present = 1 AND (b.kind IS NULL OR b.out_trade_no = ''
                                   OR (b.kind = 'refund' AND b.out_refund_no = '')
                                   OR b.amount_fen IS NULL OR b.settle_fen IS NULL OR b.fee IS NULL
                                   OR b.time_ok IS NULL)
            THEN 1 ELSE 0 END AS bad,
       CASE
         WHEN b.present IS NULL THEN CASE WHEN l.kind = 'refund' OR {_PAID_IN_DAY}
                                          THEN {LOCAL_ONLY_CODE} ELSE {NOT_OF_THE_DAY} END
         WHEN l.kind IS NULL OR (b.kind = 'refund' AND l.otn <> b.out_trade_no) THEN {PENDING_CODE}
         WHEN b.kind = 'payment' AND b.status = 'REVOKED' THEN {STATUS_CODE}
         WHEN b.kind = 'payment' THEN CASE WHEN l.ledger_fen = b.amount_fen THEN {MATCHED_CODE}
                                           ELSE {AMOUNT_CODE} END
         WHEN l.refund_state <> 'succeeded' THEN {STATUS_CODE}
         WHEN l.refund_fen <> b.amount_fen THEN {AMOUNT_CODE}
         ELSE {MATCHED_CODE}
       END AS category
FROM ({{source}}) b
FULL JOIN ({{local}}) l
  ON l.kind = b.kind AND l.key = CASE WHEN b.kind = 'payment' THEN b.transaction_id ELSE b.key END
{{offset}}) j
WHERE j.category <> {NOT_OF_THE_DAY}
"""  # noqa: S608 - constant SQL


def _diff(column: str) -> str:
    return f"CASE WHEN category <> {MATCHED_CODE} THEN {column} END"


# Result columns, in order (see `_fold`).
MATCH_SQL = f"""
SELECT category, kind, trade_type,
       {_diff("COALESCE(kind, l_kind)")}, {_diff("COALESCE(out_trade_no, otn)")},
       {_diff("COALESCE(out_refund_no, orn)")}, {_diff("COALESCE(transaction_id, txn)")},
       {_diff("amount_fen")}, {_diff("status")}, {_diff("order_id")}, {_diff("order_state")},
       {_diff("ledger_fen")}, {_diff("refund_id")}, {_diff("refund_state")}, {_diff("refund_fen")},
       CASE WHEN category = {PENDING_CODE} THEN fee END,
       COUNT(*), SUM(settle_fen), SUM(amount_fen), SUM(fee),
       SUM(COALESCE(amount_fen, ledger_fen, refund_fen)),
       MIN(merchant_id), MAX(merchant_id), SUM(bad)
FROM ({{joined}}{{offset}}) j
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
"""  # noqa: S608 - constant SQL

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
)

# --- pending lines: matched again against all of the provider's orders and refunds ----------------
PENDING_COLUMNS = (
    "(kind text NOT NULL, out_trade_no text NOT NULL, out_refund_no text NOT NULL, "
    "transaction_id text NOT NULL, amount_fen bigint NOT NULL, status text NOT NULL, "
    "fee numeric(18, 5) NOT NULL)"
)
PENDING_CLASSIFY_SQL = """
SELECT b.kind, b.out_trade_no, b.out_refund_no, b.transaction_id, b.amount_fen, b.status,
       o.id, o.state, l.amount_fen, r.id, r.state, r.amount_fen,
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
       END,
       CASE WHEN b.kind = 'payment' AND l.id IS NOT NULL AND o.paid_at >= %s AND o.paid_at < %s
            THEN 1 ELSE 0 END
FROM recon_pending b
LEFT JOIN payments_paymentorder o ON o.out_trade_no = b.out_trade_no AND o.provider = %s
LEFT JOIN payments_ledgerentry l ON b.kind = 'payment' AND l.order_id = o.id AND l.kind = 'payment'
LEFT JOIN payments_refund r ON b.kind = 'refund' AND r.out_refund_no = b.out_refund_no AND r.order_id = o.id
"""


@dataclass
class Match:
    """Everything one run learns from its bill and the day's ledger."""

    line_count: int = 0
    bad_lines: int = 0
    merchant_ids: set[str] = field(default_factory=set)
    # (kind, trade_type) -> [count, settle_fen, amount_fen, fee]
    groups: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    differences: list[dict[str, Any]] = field(default_factory=list)
    pending: list[tuple[Any, ...]] = field(default_factory=list)


def _decimal(value: Any) -> Decimal:
    """A sum from the database as an exact Decimal (SQLite sums numeric cells as floats)."""
    if value is None:
        return Decimal(0)
    return value if isinstance(value, Decimal) else Decimal(str(value))


def match(stage: StageResult, *, provider: str, bill_date: date, merchant: str = "") -> Match:
    """The one pass: categories, totals and differences of the staged lines (see above).

    Raises StagingFailed when a line holds a value that could not be cast, or when the lines
    counted are not the lines staged.
    """
    start, end = day_bounds(bill_date)
    postgres = connection.vendor == "postgresql"
    # SQLite has no bare OFFSET; on PostgreSQL it keeps the category computed once per row.
    offset = " OFFSET 0" if postgres else ""
    joined = JOINED_SQL.format(source=SOURCES[stage.source], local=LEDGER_SQL, offset=offset)
    statement = sql(MATCH_SQL.format(joined=joined, offset=offset))
    params = {
        "provider": provider,
        "since": db_datetime(start - LEDGER_MARGIN),
        "start": db_datetime(start),
        "end": db_datetime(end),
        "merchant": merchant,
    }
    with connection.cursor() as cursor:
        if postgres:
            # Hash joins and a hash aggregate: the raw table has no statistics yet, and the
            # planner's guesses otherwise pick sorts of a million rows.
            cursor.execute("SET LOCAL enable_mergejoin = off")
            cursor.execute("SET LOCAL enable_sort = off")
        try:
            cursor.execute(statement, params)
        except DatabaseError as exc:  # a cell the cast refuses (an impossible date, a non-number)
            raise StagingFailed(str(exc)) from exc
        rows = cursor.fetchall()
        if postgres:
            cursor.execute("SET LOCAL enable_mergejoin TO DEFAULT")
            cursor.execute("SET LOCAL enable_sort TO DEFAULT")
    result = _fold(rows)
    if result.bad_lines:
        raise StagingFailed(f"{result.bad_lines} lines hold values that are not valid")
    if result.line_count != stage.line_count:
        raise StagingFailed(
            f"matching counted {result.line_count} lines, staging {stage.line_count} "
            "(a bill's fee items must be numbered from 0)"
        )
    if result.pending:
        _match_pending(result, provider=provider, start=params["start"], end=params["end"])
    return result


def _fold(rows: list[tuple[Any, ...]]) -> Match:
    result = Match()
    for row in rows:
        code, kind, trade_type = row[:3]
        category = CATEGORY_NAMES[code]
        diff, pending_fee = row[3:15], row[15]
        count, settle, amount, fee, category_fen, mch_min, mch_max, bad = row[16:]
        count = int(count or 0)
        result.bad_lines += int(bad or 0)
        if kind is not None and count:
            group = result.groups.setdefault((kind, trade_type), [0, 0, 0, Decimal(0)])
            group[0] += count
            group[1] += int(settle or 0)
            group[2] += int(amount or 0)
            group[3] += _decimal(fee).quantize(FEE_PLACES)
            result.line_count += count
            result.merchant_ids.update(m for m in (mch_min, mch_max) if m is not None)
        if category == PENDING:
            values = (*diff[:4], diff[4], diff[5], _decimal(pending_fee))
            result.pending.extend([values] * count)
            continue
        if count:
            entry = result.counts.setdefault(category, {"count": 0, "amount_fen": 0})
            entry["count"] += count
            entry["amount_fen"] += int(category_fen or 0)
        if category != MATCHED and count:
            item_ = dict(zip(DIFFERENCE_FIELDS, diff, strict=True))
            item_["category"] = category
            item_["order_id"] = as_uuid(item_["order_id"])
            item_["refund_id"] = as_uuid(item_["refund_id"])
            result.differences.extend(dict(item_) for _ in range(count))
    return result


def _match_pending(result: Match, *, provider: str, start: Any, end: Any) -> None:
    """The lines the ledger window did not know, matched against all orders and refunds.

    A payment line whose order was paid that day and is in the ledger (its entry written before
    the window) leaves the pending table again: it is a line of the day's ledger, so the fee
    split finds it through the day's orders (its fallback), not as a line of no day.
    """
    of_the_day: list[tuple[str]] = []
    pending_create(PENDING_COLUMNS)
    with connection.cursor() as cursor:
        cursor.executemany(
            sql(
                "INSERT INTO recon_pending (kind, out_trade_no, out_refund_no, transaction_id, amount_fen, "
                "status, fee) VALUES (%s, %s, %s, %s, %s, %s, %s)"
            ),
            [(*values[:6], str(values[6])) for values in result.pending],
        )
        if connection.vendor == "postgresql":
            cursor.execute(sql("ANALYZE recon_pending"))  # real row counts: index look-ups
        cursor.execute(sql(PENDING_CLASSIFY_SQL), [start, end, provider])
        for row in cursor.fetchall():
            item = dict(zip(DIFFERENCE_FIELDS, row[:12], strict=True))
            category = row[12]
            if row[13]:
                of_the_day.append((item["out_trade_no"],))
            entry = result.counts.setdefault(category, {"count": 0, "amount_fen": 0})
            entry["count"] += 1
            entry["amount_fen"] += int(item["provider_fen"] or 0)
            if category != MATCHED:
                item["category"] = category
                item["order_id"] = as_uuid(item["order_id"])
                item["refund_id"] = as_uuid(item["refund_id"])
                result.differences.append(item)
        if of_the_day:
            cursor.executemany(
                sql("DELETE FROM recon_pending WHERE kind = 'payment' AND out_trade_no = %s"), of_the_day
            )


__all__ = ["LEDGER_MARGIN", "LOCAL_ONLY", "LOCAL_SQL", "SOURCES", "Match", "match"]
