"""Sandbox Alipay trades: methods added to the fake gateway (mobile_mock/alipay_gateway.py).

Registered through the gateway's method registry (import this module before the gateway app
is created; mobile_mock/server.py does):

- `alipay.trade.create` (JSAPI_PAY for mini-programs; the same out_trade_no with the same
  amount returns the same trade, like Alipay), `alipay.trade.query`, `alipay.trade.close`,
  `alipay.trade.refund` (out_request_no is the idempotency key), `alipay.trade.fastpay.refund.query`,
  `alipay.data.dataservice.bill.downloadurl.query` (a zip of GBK CSVs at `/alipay/_bills/…`).

`AlipayTrades(gateway)` is the control side: `pay(out_trade_no, mode=…)` makes a fake resident
pay and sends the signed asynchronous notification (form POST, RSA2 over the sorted parameters
without `sign`/`sign_type`) to the trade's notify_url, with the same modes as the WeChat Pay
fake (`normal`, `duplicate`, `delayed`, `hold`, `never`, `tampered`). The switch `stall` delays
the answers of chosen methods (a timeout for the caller).
"""

from __future__ import annotations

import io
import secrets
import threading
import time
import zipfile
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

import requests

from mobile_mock.alipay_gateway import GatewayApp, GatewayError, gateway_method

CST = timezone(timedelta(hours=8))
SELLER_ID = "2088000000000001"


def _now() -> str:
    return datetime.now(CST).strftime("%Y-%m-%d %H:%M:%S")


def _state(gateway: GatewayApp) -> dict[str, Any]:
    return gateway.state.extra.setdefault(
        "trades",
        {"trades": {}, "refunds": {}, "bills": {}, "held": [], "deliveries": [], "stall": (0.0, set())},
    )


def _stall(gateway: GatewayApp, method: str) -> None:
    with gateway.state.lock:
        seconds, methods = _state(gateway)["stall"]
    if seconds and method in methods:
        time.sleep(seconds)


def trade_method(name: str) -> Callable[[Any], Any]:
    """Register a trade handler. Its business failures are answered inside `<method>_response`
    (signed, code 40004 …), the way Alipay answers them, not as `error_response`."""

    def register(handler: Any) -> Any:
        def wrapped(gateway: GatewayApp, params: dict[str, str], biz: dict[str, Any]) -> dict[str, Any]:
            try:
                return handler(gateway, params, biz)
            except GatewayError as exc:
                return exc.body

        gateway_method(name)(wrapped)
        return handler

    return register


def _find(gateway: GatewayApp, biz: dict[str, Any]) -> dict[str, Any]:
    trades = _state(gateway)["trades"]
    trade = trades.get(biz.get("out_trade_no", ""))
    if trade is None and biz.get("trade_no"):
        trade = next((t for t in trades.values() if t["trade_no"] == biz["trade_no"]), None)
    if trade is None:
        raise GatewayError("40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在")
    return trade


@trade_method("alipay.trade.create")
def trade_create(gateway: GatewayApp, params: dict[str, str], biz: dict[str, Any]) -> dict[str, Any]:
    for key in ("out_trade_no", "total_amount", "subject"):
        if not biz.get(key):
            raise GatewayError("40002", "Invalid Arguments", "isv.missing-parameter", f"缺少参数 {key}")
    if not (biz.get("buyer_id") or biz.get("buyer_open_id")):
        raise GatewayError("40004", "Business Failed", "ACQ.INVALID_PARAMETER", "买家信息缺失")
    amount = Decimal(biz["total_amount"])
    if amount <= 0 or amount.as_tuple().exponent < -2:
        raise GatewayError("40004", "Business Failed", "ACQ.INVALID_PARAMETER", "金额无效")
    with gateway.state.lock:
        trades = _state(gateway)["trades"]
        trade = trades.get(biz["out_trade_no"])
        if trade is not None:
            if trade["total_amount"] != biz["total_amount"]:
                raise GatewayError("40004", "Business Failed", "ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改")
            if trade["trade_status"] != "WAIT_BUYER_PAY":
                raise GatewayError("40004", "Business Failed", "ACQ.TRADE_HAS_SUCCESS", "交易已被支付")
        else:
            trade = trades[biz["out_trade_no"]] = {
                "out_trade_no": biz["out_trade_no"],
                "trade_no": f"{datetime.now(CST):%Y%m%d}2200{secrets.randbelow(10**14):014d}",
                "total_amount": biz["total_amount"],
                "subject": biz["subject"],
                "buyer_id": biz.get("buyer_id", ""),
                "buyer_open_id": biz.get("buyer_open_id", ""),
                "trade_status": "WAIT_BUYER_PAY",
                "notify_url": params.get("notify_url", ""),
                "gmt_create": _now(),
                "refund_total": Decimal("0"),
                "notify_id": secrets.token_hex(16),
            }
    _stall(gateway, "alipay.trade.create")
    return {
        "code": "10000",
        "msg": "Success",
        "out_trade_no": trade["out_trade_no"],
        "trade_no": trade["trade_no"],
    }


@trade_method("alipay.trade.query")
def trade_query(gateway: GatewayApp, params: dict[str, str], biz: dict[str, Any]) -> dict[str, Any]:
    with gateway.state.lock:
        trade = _find(gateway, biz)
        answer = {
            "code": "10000",
            "msg": "Success",
            "out_trade_no": trade["out_trade_no"],
            "trade_no": trade["trade_no"],
            "trade_status": trade["trade_status"],
            "total_amount": trade["total_amount"],
        }
        if trade.get("gmt_payment"):
            answer.update(
                {
                    "buyer_pay_amount": trade["total_amount"],
                    "receipt_amount": trade["total_amount"],
                    "send_pay_date": trade["gmt_payment"],
                    "buyer_user_id": trade["buyer_id"] or None,
                    "buyer_open_id": trade["buyer_open_id"] or None,
                }
            )
        return {k: v for k, v in answer.items() if v is not None}


@trade_method("alipay.trade.close")
def trade_close(gateway: GatewayApp, params: dict[str, str], biz: dict[str, Any]) -> dict[str, Any]:
    with gateway.state.lock:
        trade = _find(gateway, biz)
        if trade["trade_status"] != "WAIT_BUYER_PAY":
            raise GatewayError("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法")
        trade["trade_status"] = "TRADE_CLOSED"
    _stall(gateway, "alipay.trade.close")
    return {
        "code": "10000",
        "msg": "Success",
        "out_trade_no": trade["out_trade_no"],
        "trade_no": trade["trade_no"],
    }


@trade_method("alipay.trade.refund")
def trade_refund(gateway: GatewayApp, params: dict[str, str], biz: dict[str, Any]) -> dict[str, Any]:
    request_no = biz.get("out_request_no") or biz.get("out_trade_no", "")
    with gateway.state.lock:
        trade = _find(gateway, biz)
        if trade["trade_status"] not in ("TRADE_SUCCESS",):
            raise GatewayError("40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法")
        refunds = _state(gateway)["refunds"]
        key = (trade["out_trade_no"], request_no)
        fund_change = "N"
        if key not in refunds:
            amount = Decimal(biz.get("refund_amount", "0"))
            if amount <= 0 or trade["refund_total"] + amount > Decimal(trade["total_amount"]):
                raise GatewayError(
                    "40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限"
                )
            trade["refund_total"] += amount
            refunds[key] = {
                "refund_amount": f"{amount:.2f}",
                "gmt_refund_pay": _now(),
                "reason": biz.get("refund_reason", ""),
            }
            fund_change = "Y"
            if trade["refund_total"] == Decimal(trade["total_amount"]):
                trade["trade_status"] = "TRADE_CLOSED"
                trade["fully_refunded"] = True
    _stall(gateway, "alipay.trade.refund")
    return {
        "code": "10000",
        "msg": "Success",
        "out_trade_no": trade["out_trade_no"],
        "trade_no": trade["trade_no"],
        "buyer_logon_id": "sbx***@sandbox.com",
        "fund_change": fund_change,
        "refund_fee": f"{trade['refund_total']:.2f}",
        "gmt_refund_pay": refunds[key]["gmt_refund_pay"],
    }


@trade_method("alipay.trade.fastpay.refund.query")
def refund_query(gateway: GatewayApp, params: dict[str, str], biz: dict[str, Any]) -> dict[str, Any]:
    with gateway.state.lock:
        trade = _find(gateway, biz)
        refund = _state(gateway)["refunds"].get((trade["out_trade_no"], biz.get("out_request_no", "")))
    answer = {
        "code": "10000",
        "msg": "Success",
        "out_trade_no": trade["out_trade_no"],
        "trade_no": trade["trade_no"],
        "out_request_no": biz.get("out_request_no", ""),
        "total_amount": trade["total_amount"],
    }
    if refund is not None:
        answer.update(
            {
                "refund_amount": refund["refund_amount"],
                "refund_status": "REFUND_SUCCESS",
                "gmt_refund_pay": refund["gmt_refund_pay"],
            }
        )
    return answer


@trade_method("alipay.data.dataservice.bill.downloadurl.query")
def bill_url(gateway: GatewayApp, params: dict[str, str], biz: dict[str, Any]) -> dict[str, Any]:
    bill_date = biz.get("bill_date", "")
    lines = [
        "#支付宝业务明细查询",
        f"#账号：[{SELLER_ID}0156]",
        f"#起始日期：[{bill_date} 00:00:00]   终止日期：[{bill_date} 23:59:59]",
        "#-----------------------------------------业务明细列表----------------------------------------",
        "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,"
        "订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,"
        "券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注",
    ]
    with gateway.state.lock:
        state = _state(gateway)
        for trade in state["trades"].values():
            if trade.get("gmt_payment", "").startswith(bill_date):
                lines.append(
                    f"{trade['trade_no']}\t,{trade['out_trade_no']}\t,交易\t,{trade['subject']},{trade['gmt_create']},"
                    f"{trade['gmt_payment']},,,,,sbx***@sandbox.com,{trade['total_amount']},{trade['total_amount']},"
                    "0.00,0.00,0.00,0.00,0.00,,0.00,0.00,,0.00,0.00,"
                )
        for (no, request_no), refund in state["refunds"].items():
            trade = state["trades"][no]
            if refund["gmt_refund_pay"].startswith(bill_date):
                lines.append(
                    f"{trade['trade_no']}\t,{no}\t,退款\t,{trade['subject']},{trade['gmt_create']},"
                    f"{refund['gmt_refund_pay']},,,,,sbx***@sandbox.com,-{refund['refund_amount']},"
                    f"-{refund['refund_amount']},0.00,0.00,0.00,0.00,0.00,,0.00,0.00,{request_no}\t,0.00,0.00,"
                )
        lines += [
            "#-----------------------------------------业务明细列表结束------------------------------------",
            f"#导出时间：[{_now()}]",
        ]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            zf.writestr(
                f"{SELLER_ID}0156_{bill_date.replace('-', '')}_业务明细.csv", "\r\n".join(lines).encode("gbk")
            )
            zf.writestr(
                f"{SELLER_ID}0156_{bill_date.replace('-', '')}_业务明细(汇总).csv",
                "#支付宝业务汇总查询\r\n".encode("gbk"),
            )
        token = secrets.token_urlsafe(12)
        state["bills"][token] = buffer.getvalue()
    base = gateway.state.extra.get("public_base", "http://127.0.0.1")
    return {"code": "10000", "msg": "Success", "bill_download_url": f"{base}/alipay/_bills/{token}"}


Sender = Callable[[str, dict[str, str], bytes], Any]


def http_sender(url: str, headers: dict[str, str], body: bytes) -> Any:
    try:
        response = requests.post(url, data=body, headers=headers, timeout=10)
    except requests.RequestException as exc:
        return (0, str(exc))
    return (response.status_code, response.text)


class AlipayTrades:
    """Control side of the fake trades: pay, notify (with switches), stall, bill files."""

    def __init__(self, gateway: GatewayApp, *, seller_id: str = SELLER_ID) -> None:
        self.gateway = gateway
        self.seller_id = seller_id
        self.sender: Sender = http_sender

    @property
    def state(self) -> dict[str, Any]:
        return _state(self.gateway)

    def stall(self, seconds: float, methods: tuple[str, ...] = ("alipay.trade.create",)) -> None:
        with self.gateway.state.lock:
            self.state["stall"] = (seconds, set(methods))

    def bill_file(self, token: str) -> bytes | None:
        with self.gateway.state.lock:
            return self.state["bills"].get(token)

    def build_notification(self, fields: dict[str, str], *, sign_with: Any = None) -> bytes:
        """Form body signed RSA2 over the sorted parameters without sign/sign_type."""
        unsigned = "&".join(
            f"{k}={v}" for k, v in sorted(fields.items()) if k not in ("sign", "sign_type") and v != ""
        )
        if sign_with is None:
            sign = self.gateway.sign(unsigned)
        else:
            import base64

            from cryptography.hazmat.primitives import hashes
            from cryptography.hazmat.primitives.asymmetric import padding

            sign = base64.b64encode(
                sign_with.sign(unsigned.encode(), padding.PKCS1v15(), hashes.SHA256())
            ).decode()
        return urlencode({**fields, "sign_type": "RSA2", "sign": sign}).encode()

    def notification_fields(self, trade: dict[str, Any], **overrides: str) -> dict[str, str]:
        fields = {
            "notify_time": _now(),
            "notify_type": "trade_status_sync",
            "notify_id": trade["notify_id"],
            "app_id": self.gateway.state.app_id,
            "auth_app_id": self.gateway.state.app_id,
            "charset": "utf-8",
            "version": "1.0",
            "trade_no": trade["trade_no"],
            "out_trade_no": trade["out_trade_no"],
            "buyer_id": trade["buyer_id"],
            "buyer_open_id": trade["buyer_open_id"],
            "seller_id": self.seller_id,
            "trade_status": trade["trade_status"],
            "total_amount": trade["total_amount"],
            "receipt_amount": trade["total_amount"],
            "invoice_amount": trade["total_amount"],
            "buyer_pay_amount": trade["total_amount"],
            "point_amount": "0.00",
            "subject": trade["subject"],
            "gmt_create": trade["gmt_create"],
            "gmt_payment": trade.get("gmt_payment", ""),
            "fund_bill_list": '[{"amount":"' + trade["total_amount"] + '","fundChannel":"ALIPAYACCOUNT"}]',
        }
        fields.update(overrides)
        return {k: v for k, v in fields.items() if v != ""}

    def _send(self, url: str, body: bytes) -> None:
        result = self.sender(url, {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}, body)
        with self.gateway.state.lock:
            self.state["deliveries"].append({"url": url, "result": result, "at": time.time()})

    def pay(
        self,
        out_trade_no: str,
        *,
        mode: str = "normal",
        copies: int = 2,
        delay: float = 1.0,
        force: bool = False,
    ) -> dict[str, Any]:
        with self.gateway.state.lock:
            trade = self.state["trades"][out_trade_no]
            if trade["trade_status"] == "WAIT_BUYER_PAY" or (
                force and trade["trade_status"] == "TRADE_CLOSED"
            ):
                trade["trade_status"] = "TRADE_SUCCESS"
                trade["gmt_payment"] = _now()
            fields = self.notification_fields(trade)
            url = trade["notify_url"]
        body = self.build_notification(fields)
        if mode == "never" or not url:
            return fields
        if mode == "tampered":
            body = body.replace(b"total_amount=", b"total_amount=1", 1)
        if mode == "hold":
            with self.gateway.state.lock:
                self.state["held"].append((url, body))
            return fields
        if mode == "delayed":
            threading.Timer(delay, self._send, args=(url, body)).start()
            return fields
        for _ in range(copies if mode == "duplicate" else 1):
            self._send(url, body)
        return fields

    def release(self, *, reverse: bool = False) -> int:
        with self.gateway.state.lock:
            held, self.state["held"] = self.state["held"], []
        for url, body in reversed(held) if reverse else held:
            self._send(url, body)
        return len(held)


class AlipayTradeApp:
    """WSGI front of the Alipay fake for trades: bill downloads, trade controls, then the gateway.

    - `GET /alipay/_bills/{token}`: the bill zip (plain GET, no signature, like Alipay's URL)
    - `POST /alipay/_trade/pay {"out_trade_no", "mode", "copies", "delay"}`: a fake resident pays
    - `POST /alipay/_trade/release {"reverse": true}`: send held notifications
    - `POST /alipay/_trade/stall {"seconds": 10, "methods": ["alipay.trade.create"]}`
    Everything else under `/alipay/` goes to the gateway.
    """

    def __init__(self, gateway: GatewayApp, *, seller_id: str = SELLER_ID) -> None:
        self.gateway = gateway
        self.trades = AlipayTrades(gateway, seller_id=seller_id)

    def handles(self, path: str) -> bool:
        return self.gateway.handles(path)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        import json

        from werkzeug.wrappers import Request, Response

        request = Request(environ)
        self.gateway.state.extra.setdefault("public_base", request.host_url.rstrip("/"))
        path = request.path
        if path.startswith("/alipay/_bills/") and request.method == "GET":
            data = self.trades.bill_file(path.rsplit("/", 1)[-1])
            response = (
                Response("not found", status=404)
                if data is None
                else Response(data, content_type="application/zip")
            )
            return response(environ, start_response)
        if path.startswith("/alipay/_trade/") and request.method == "POST":
            body = request.get_json(force=True, silent=True) or {}
            name = path.rsplit("/", 1)[-1]
            if name == "pay":
                try:
                    result: Any = self.trades.pay(
                        str(body.get("out_trade_no", "")),
                        mode=str(body.get("mode", "normal")),
                        copies=int(body.get("copies", 2)),
                        delay=float(body.get("delay", 1.0)),
                        force=bool(body.get("force", False)),
                    )
                except KeyError:
                    return Response("no such trade", status=404)(environ, start_response)
            elif name == "release":
                result = {"sent": self.trades.release(reverse=bool(body.get("reverse")))}
            elif name == "stall":
                self.trades.stall(
                    float(body.get("seconds", 0)), tuple(body.get("methods", ["alipay.trade.create"]))
                )
                result = {}
            else:
                return Response("not found", status=404)(environ, start_response)
            return Response(json.dumps(result, ensure_ascii=False), mimetype="application/json")(
                environ, start_response
            )
        return self.gateway(environ, start_response)
