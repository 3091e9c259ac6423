"""What the console's buttons do, through the fakes' own objects.

Each action answers `{"ok": true, ...}` with the callbacks it caused (URL, our backend's status
and answer) when they went out at once, or raises `ActionError` with a message for the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mobile_mock.console.state import _delivery

if TYPE_CHECKING:
    from mobile_mock.server import MockProviders

PAY_MODES = ("normal", "duplicate", "delayed", "hold", "never", "tampered")
SMS_MODES = ("ok", "error", "timeout")


class ActionError(Exception):
    """A request the fakes cannot carry out (unknown order, wrong state); shown on the page."""


def _mode(body: dict[str, Any]) -> str:
    mode = str(body.get("mode", "normal"))
    if mode not in PAY_MODES:
        raise ActionError(f"mode must be one of {', '.join(PAY_MODES)}")
    return mode


def _new_deliveries(rows: list[dict[str, Any]], lock: Any, before: int) -> list[dict[str, Any]]:
    with lock:
        return [_delivery(d) for d in rows[before:]]


def wechatpay_pay(providers: MockProviders, body: dict[str, Any]) -> dict[str, Any]:
    """A fake resident pays the WeChat Pay order; its notification goes out as `mode` says."""
    app, no = providers.wechatpay, str(body.get("out_trade_no", ""))
    mode = _mode(body)
    with app.state.lock:
        if no not in app.state.orders:
            raise ActionError(f"no WeChat Pay order {no}")
        before = len(app.state.deliveries)
    transaction = app.pay(no, mode=mode, copies=int(body.get("copies", 2)))
    return {
        "ok": True,
        "trade_state": transaction["trade_state"],
        "callbacks": _new_deliveries(app.state.deliveries, app.state.lock, before),
    }


def wechatpay_fail(providers: MockProviders, body: dict[str, Any]) -> dict[str, Any]:
    """The payment fails at WeChat Pay (PAYERROR). WeChat Pay notifies only successes, so the
    backend learns it from its active query, as in production."""
    app, no = providers.wechatpay, str(body.get("out_trade_no", ""))
    with app.state.lock:
        order = app.state.orders.get(no)
        if order is None:
            raise ActionError(f"no WeChat Pay order {no}")
        if order["trade_state"] != "NOTPAY":
            raise ActionError(f"order {no} is {order['trade_state']}, not NOTPAY")
        order["trade_state"], order["trade_state_desc"] = "PAYERROR", "支付失败，请重新下单支付"
    return {"ok": True, "trade_state": "PAYERROR", "callbacks": []}


def wechatpay_release(providers: MockProviders, body: dict[str, Any]) -> dict[str, Any]:
    """Send the held notifications (`reverse`: newest first, i.e. out of order)."""
    app = providers.wechatpay
    with app.state.lock:
        before = len(app.state.deliveries)
    sent = app.release(reverse=bool(body.get("reverse")))
    return {
        "ok": True,
        "sent": sent,
        "callbacks": _new_deliveries(app.state.deliveries, app.state.lock, before),
    }


def wechatpay_refund_mode(providers: MockProviders, body: dict[str, Any]) -> dict[str, Any]:
    """`sync`: refunds succeed at once; `async`: PROCESSING until the console completes them."""
    mode = str(body.get("mode", "sync"))
    if mode not in ("sync", "async"):
        raise ActionError("mode must be sync or async")
    app = providers.wechatpay
    with app.state.lock:
        app.state.refund_mode = mode
        app.state.refund_auto_complete = mode == "sync"
    return {"ok": True, "refund_mode": mode}


def wechatpay_refund_complete(providers: MockProviders, body: dict[str, Any]) -> dict[str, Any]:
    """Finish a PROCESSING refund as SUCCESS, ABNORMAL or CLOSED and send the REFUND.* notification."""
    app, no = providers.wechatpay, str(body.get("out_refund_no", ""))
    status = str(body.get("status", "SUCCESS"))
    if status not in ("SUCCESS", "ABNORMAL", "CLOSED"):
        raise ActionError("status must be SUCCESS, ABNORMAL or CLOSED")
    with app.state.lock:
        refund = app.state.refunds.get(no)
        if refund is None:
            raise ActionError(f"no WeChat Pay refund {no}")
        if refund["status"] != "PROCESSING":
            raise ActionError(f"refund {no} is {refund['status']}, not PROCESSING")
        before = len(app.state.deliveries)
    app.complete_refund(no, status, mode=_mode(body))
    return {
        "ok": True,
        "status": status,
        "callbacks": _new_deliveries(app.state.deliveries, app.state.lock, before),
    }


def alipay_pay(providers: MockProviders, body: dict[str, Any]) -> dict[str, Any]:
    """A fake resident pays the Alipay trade; the signed notification goes out as `mode` says."""
    trades, no = providers.alipay_trades.trades, str(body.get("out_trade_no", ""))
    mode, lock = _mode(body), providers.alipay.state.lock
    with lock:
        if no not in trades.state["trades"]:
            raise ActionError(f"no Alipay trade {no}")
        before = len(trades.state["deliveries"])
    fields = trades.pay(no, mode=mode, copies=int(body.get("copies", 2)))
    return {
        "ok": True,
        "trade_status": fields["trade_status"],
        "callbacks": _new_deliveries(trades.state["deliveries"], lock, before),
    }


def alipay_fail(providers: MockProviders, body: dict[str, Any]) -> dict[str, Any]:
    """The resident never pays and Alipay closes the trade: TRADE_CLOSED, notified like Alipay does."""
    trades, no = providers.alipay_trades.trades, str(body.get("out_trade_no", ""))
    lock = providers.alipay.state.lock
    with lock:
        trade = trades.state["trades"].get(no)
        if trade is None:
            raise ActionError(f"no Alipay trade {no}")
        if trade["trade_status"] != "WAIT_BUYER_PAY":
            raise ActionError(f"trade {no} is {trade['trade_status']}, not WAIT_BUYER_PAY")
        trade["trade_status"] = "TRADE_CLOSED"
        fields = trades.notification_fields(trade)
        url = trade["notify_url"]
        before = len(trades.state["deliveries"])
    if url:
        trades._send(url, trades.build_notification(fields))
    return {
        "ok": True,
        "trade_status": "TRADE_CLOSED",
        "callbacks": _new_deliveries(trades.state["deliveries"], lock, before),
    }


def alipay_release(providers: MockProviders, body: dict[str, Any]) -> dict[str, Any]:
    trades, lock = providers.alipay_trades.trades, providers.alipay.state.lock
    with lock:
        before = len(trades.state["deliveries"])
    sent = trades.release(reverse=bool(body.get("reverse")))
    return {"ok": True, "sent": sent, "callbacks": _new_deliveries(trades.state["deliveries"], lock, before)}


def sms_mode(providers: MockProviders, body: dict[str, Any]) -> dict[str, Any]:
    """Make an SMS fake accept (`ok`), fail with a server error, or time out."""
    provider, mode = str(body.get("provider", "")), str(body.get("mode", "ok"))
    fakes = {"twilio": providers.twilio.state, "tencent": providers.tencent_sms.state}
    if provider not in fakes or mode not in SMS_MODES:
        raise ActionError(f"provider must be twilio or tencent, mode one of {', '.join(SMS_MODES)}")
    with fakes[provider].lock:
        fakes[provider].mode = mode
    return {"ok": True, "provider": provider, "mode": mode}


ACTIONS: dict[str, Callable[[MockProviders, dict[str, Any]], dict[str, Any]]] = {
    "wechatpay/pay": wechatpay_pay,
    "wechatpay/fail": wechatpay_fail,
    "wechatpay/release": wechatpay_release,
    "wechatpay/refund_mode": wechatpay_refund_mode,
    "wechatpay/refund_complete": wechatpay_refund_complete,
    "alipay/pay": alipay_pay,
    "alipay/fail": alipay_fail,
    "alipay/release": alipay_release,
    "sms/mode": sms_mode,
}
