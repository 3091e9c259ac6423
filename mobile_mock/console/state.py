"""One JSON snapshot of the fake providers' records, newest first, for the console page."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mobile_mock.server import MockProviders

LIMIT = 50  # rows per list: the console is for a developer's session, not an archive


def _when(seconds: float | None) -> str | None:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds") if seconds else None


def _delivery(row: dict[str, Any]) -> dict[str, Any]:
    """A callback the fake sent and what our backend answered (status 0: it could not be reached)."""
    status, answer = row.get("result") or (None, "")
    return {
        "url": row.get("url", ""),
        "at": _when(row.get("at")),
        "status": status,
        "answer": str(answer)[:300],
    }


def _newest(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list(reversed(rows[-LIMIT:]))


def wechatpay_state(providers: MockProviders) -> dict[str, Any]:
    state = providers.wechatpay.state
    with state.lock:
        orders = [
            {
                "out_trade_no": o["out_trade_no"],
                "description": o["description"],
                "trade_type": o["trade_type"],
                "trade_state": o["trade_state"],
                "amount_fen": o["amount"]["total"],
                "transaction_id": o.get("transaction_id"),
                "created_at": _when(o.get("created")),
            }
            for o in state.orders.values()
        ]
        refunds = [
            {
                "out_refund_no": r["out_refund_no"],
                "out_trade_no": r["out_trade_no"],
                "status": r["status"],
                "amount_fen": r["amount"]["refund"],
            }
            for r in state.refunds.values()
        ]
        deliveries = [_delivery(d) for d in state.deliveries]
        held, refund_mode, stall = len(state.held), state.refund_mode, state.stall_seconds
    return {
        "orders": _newest(orders),
        "refunds": _newest(refunds),
        "callbacks": _newest(deliveries),
        "held_callbacks": held,
        "refund_mode": refund_mode,
        "stall_seconds": stall,
    }


def alipay_state(providers: MockProviders) -> dict[str, Any]:
    trades = providers.alipay_trades.trades
    with providers.alipay.state.lock:
        records = trades.state
        rows = [
            {
                "out_trade_no": t["out_trade_no"],
                "trade_no": t["trade_no"],
                "subject": t["subject"],
                "trade_status": t["trade_status"],
                "total_amount": t["total_amount"],
                "refunded_amount": f"{t['refund_total']:.2f}",
                "created_at": t["gmt_create"],
            }
            for t in records["trades"].values()
        ]
        refunds = [
            {"out_trade_no": no, "out_request_no": request_no, **refund}
            for (no, request_no), refund in records["refunds"].items()
        ]
        deliveries = [_delivery(d) for d in records["deliveries"]]
        held = len(records["held"])
        messages = list(providers.alipay.state.extra.get("template_messages", {}).get("messages", []))
    return {
        "trades": _newest(rows),
        "refunds": _newest(refunds),
        "callbacks": _newest(deliveries),
        "held_callbacks": held,
        "subscribe_messages": _newest(messages),
    }


def sms_state(providers: MockProviders) -> dict[str, Any]:
    twilio, tencent = providers.twilio.state, providers.tencent_sms.state
    with twilio.lock:
        twilio_rows = [
            {
                "to": m["to"],
                "body": m["body"],
                "status": m["status"],
                "sid": m["sid"],
                "at": m["date_created"],
            }
            for m in twilio.inbox
        ]
        twilio_mode = twilio.mode
        status_callbacks = list(twilio.callbacks)
    with tencent.lock:
        tencent_rows = [
            {
                "to": m["phone"],
                "template_id": m["template_id"],
                "params": m["params"],
                "sign_name": m["sign_name"],
                "serial_no": m["serial_no"],
            }
            for m in tencent.inbox
        ]
        tencent_mode = tencent.mode
    return {
        "twilio": {
            "mode": twilio_mode,
            "messages": _newest(twilio_rows),
            "status_callbacks": _newest(status_callbacks),
        },
        "tencent": {"mode": tencent_mode, "messages": _newest(tencent_rows)},
    }


def wechat_state(providers: MockProviders) -> dict[str, Any]:
    state = providers.wechat.state
    with state.lock:
        messages = list(state.messages)
    return {"subscribe_messages": _newest(messages)}


def snapshot(providers: MockProviders) -> dict[str, Any]:
    """Everything the console page shows, in one answer."""
    return {
        "wechatpay": wechatpay_state(providers),
        "alipay": alipay_state(providers),
        "sms": sms_state(providers),
        "wechat": wechat_state(providers),
    }
