"""Sandbox WeChat Pay API v3 (api.mch.weixin.qq.com) under `/wechatpay/`.

Speaks the real protocol (shared/PROTOCOLS.md §2) in public-key mode, so `wechatpayv3`
reaches it unchanged except for `wxpay._core._gate_way = WECHATPAY_GATEWAY_URL`
(`http://127.0.0.1:8001/wechatpay`):

- every request's `Authorization: WECHATPAY2-SHA256-RSA2048 …` is verified with the
  merchant's public key over `METHOD\\nPATH?QUERY\\ntimestamp\\nnonce\\nbody\\n` (401 SIGN_ERROR);
- every answer (204 included) is signed with the platform key and carries `Wechatpay-Serial:
  PUB_KEY_ID_…`, `Wechatpay-Signature-Type`, `Request-ID`;
- `POST /v3/pay/transactions/jsapi|native`, `GET /v3/pay/transactions/out-trade-no/{no}` and
  `/id/{transaction_id}`, `POST …/out-trade-no/{no}/close` (204), `POST /v3/refund/domestic/
  refunds`, `GET /v3/refund/domestic/refunds/{out_refund_no}`, `GET /v3/bill/tradebill`, and
  the download URL it returns (gzip, SHA1 of the plain bill).

Notifications are AEAD_AES_256_GCM-encrypted with the API v3 key and signed with the platform
key, POSTed to the order's `notify_url`. Control endpoints (JSON):

- `POST /wechatpay/_control/pay {"out_trade_no", "mode": "normal" | "duplicate" | "delayed" |
  "hold" | "never" | "tampered", "copies": 2, "delay": 1.0}`: a fake resident pays the order;
  `hold` keeps the notification until `POST /wechatpay/_control/release {"reverse": true}`
  (out-of-order delivery)
- `POST /wechatpay/_control/stall {"seconds": 10, "ops": ["create", "close", "refund"]}`: those
  calls are recorded, then answered late (a timeout for the caller); `seconds: 0` turns it off
- `POST /wechatpay/_control/refund_mode {"mode": "sync" | "async"}`: refunds answer SUCCESS at
  once, or PROCESSING and then notify REFUND.SUCCESS
- `GET /wechatpay/_control/calls`, `GET /wechatpay/_control/keys` (the sandbox key material)
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs

import requests
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from werkzeug.wrappers import Request, Response

CST = timezone(timedelta(hours=8))
PREFIX = "/wechatpay"
SIGNATURE_TYPE = "WECHATPAY2-SHA256-RSA2048"

# (status, headers, body) → None: how a notification reaches the backend (HTTP by default).
Sender = Callable[[str, dict[str, str], bytes], Any]


def _private_pem(key: Any) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def _public_pem(key: Any) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


@dataclass(frozen=True)
class WechatPayKeys:
    """One sandbox merchant: what the backend holds and what WeChat Pay holds."""

    mchid: str
    appid: str
    apiv3_key: str
    merchant_private_key: str
    merchant_public_key: str
    merchant_serial_no: str
    platform_private_key: str
    platform_public_key: str
    public_key_id: str

    @classmethod
    def generate(cls, *, mchid: str = "1900000109", appid: str = "wxsandbox00000001") -> WechatPayKeys:
        merchant = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        platform = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return cls(
            mchid=mchid,
            appid=appid,
            apiv3_key=secrets.token_hex(16),  # 32 ASCII characters
            merchant_private_key=_private_pem(merchant),
            merchant_public_key=_public_pem(merchant),
            merchant_serial_no=secrets.token_hex(20).upper(),
            platform_private_key=_private_pem(platform),
            platform_public_key=_public_pem(platform),
            public_key_id=f"PUB_KEY_ID_{secrets.token_hex(16).upper()}",
        )


_cached: list[WechatPayKeys] = []


def cached_keys() -> WechatPayKeys:
    """The same generated keys for the whole process (RSA generation is slow-ish)."""
    if not _cached:
        _cached.append(WechatPayKeys.generate())
    return _cached[0]


def http_sender(url: str, headers: dict[str, str], body: bytes) -> Any:
    try:
        response = requests.post(url, data=body, headers=headers, timeout=10)
    except requests.RequestException as exc:
        return (0, str(exc))
    return (response.status_code, response.text)


@dataclass
class WechatPayState:
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)
    bills: dict[str, bytes] = field(default_factory=dict)
    calls: list[dict[str, Any]] = field(default_factory=list)
    held: list[tuple[str, dict[str, str], bytes]] = field(default_factory=list)
    deliveries: list[dict[str, Any]] = field(default_factory=list)
    stall_seconds: float = 0.0
    stall_ops: set[str] = field(default_factory=lambda: {"create"})
    refund_mode: str = "sync"
    refund_auto_complete: bool = True  # async mode: complete and notify by itself shortly after
    sender: Sender = http_sender
    lock: threading.RLock = field(default_factory=threading.RLock)


class WechatPayApp:
    def __init__(self, keys: WechatPayKeys) -> None:
        self.keys = keys
        self.state = WechatPayState()
        self._platform_key = serialization.load_pem_private_key(keys.platform_private_key.encode(), None)
        self._merchant_public = serialization.load_pem_public_key(keys.merchant_public_key.encode())
        self.public_base = ""  # set from the first request (for download URLs)

    def handles(self, path: str) -> bool:
        return path == PREFIX or path.startswith(PREFIX + "/")

    # --- signing --------------------------------------------------------------------------
    def sign(self, message: str, key: Any = None) -> str:
        signature = (key or self._platform_key).sign(message.encode(), padding.PKCS1v15(), hashes.SHA256())
        return base64.b64encode(signature).decode()

    def _signed_headers(
        self, body: bytes, *, timestamp: int | None = None, key: Any = None
    ) -> dict[str, str]:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        nonce = secrets.token_hex(16)
        return {
            "Wechatpay-Timestamp": ts,
            "Wechatpay-Nonce": nonce,
            "Wechatpay-Signature": self.sign(f"{ts}\n{nonce}\n{body.decode()}\n", key),
            "Wechatpay-Serial": self.keys.public_key_id,
            "Wechatpay-Signature-Type": SIGNATURE_TYPE,
            "Request-ID": secrets.token_hex(16),
        }

    def _answer(self, status: int, payload: Any = None, content_type: str = "application/json") -> Response:
        body = b"" if payload is None else json.dumps(payload, ensure_ascii=False).encode()
        headers = self._signed_headers(body)
        return Response(body, status=status, headers=headers, content_type=content_type)

    def _error(self, status: int, code: str, message: str) -> Response:
        return self._answer(status, {"code": code, "message": message})

    def _verify_request(self, request: Request, path_with_query: str) -> bool:
        auth = request.headers.get("Authorization", "")
        if not auth.startswith(SIGNATURE_TYPE + " "):
            return False
        fields = dict(re.findall(r'(\w+)="([^"]*)"', auth))
        if fields.get("mchid") != self.keys.mchid or fields.get("serial_no") != self.keys.merchant_serial_no:
            return False
        try:
            if abs(time.time() - int(fields.get("timestamp", "0"))) > 300:
                return False
        except ValueError:
            return False
        message = (
            f"{request.method}\n{path_with_query}\n{fields.get('timestamp')}\n{fields.get('nonce_str')}\n"
            f"{request.get_data().decode()}\n"
        )
        try:
            self._merchant_public.verify(
                base64.b64decode(fields.get("signature", "")),
                message.encode(),
                padding.PKCS1v15(),
                hashes.SHA256(),
            )
        except (InvalidSignature, ValueError):
            return False
        return True

    # --- dispatch -------------------------------------------------------------------------
    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        path = request.path[len(PREFIX) :] or "/"
        query = environ.get("QUERY_STRING", "")
        if not self.public_base:
            self.public_base = request.host_url.rstrip("/") + PREFIX
        if path.startswith("/_control/"):
            response = self.on_control(request, path[len("/_control/") :])
        else:
            with self.state.lock:
                self.state.calls.append({"method": request.method, "path": path})
            if not self._verify_request(request, path + (f"?{query}" if query else "")):
                response = self._error(401, "SIGN_ERROR", "签名错误")
            else:
                response = self.route(request, path, parse_qs(query))
        return response(environ, start_response)

    def route(self, request: Request, path: str, query: dict[str, list[str]]) -> Response:
        m = request.method
        if m == "POST" and path in ("/v3/pay/transactions/jsapi", "/v3/pay/transactions/native"):
            return self.on_prepay(request, "JSAPI" if path.endswith("jsapi") else "NATIVE")
        if m == "POST" and (match := re.fullmatch(r"/v3/pay/transactions/out-trade-no/([^/]+)/close", path)):
            return self.on_close(request, match.group(1))
        if m == "GET" and (match := re.fullmatch(r"/v3/pay/transactions/out-trade-no/([^/]+)", path)):
            return self.on_query(match.group(1), query)
        if m == "GET" and (match := re.fullmatch(r"/v3/pay/transactions/id/([^/]+)", path)):
            with self.state.lock:
                no = next(
                    (k for k, o in self.state.orders.items() if o.get("transaction_id") == match.group(1)), ""
                )
            return self.on_query(no, query)
        if m == "POST" and path == "/v3/refund/domestic/refunds":
            return self.on_refund(request)
        if m == "GET" and (match := re.fullmatch(r"/v3/refund/domestic/refunds/([^/]+)", path)):
            return self.on_refund_query(match.group(1))
        if m == "GET" and path == "/v3/bill/tradebill":
            return self.on_tradebill(query)
        if m == "GET" and path == "/v3/billdownload/file":
            return self.on_download(query)
        return self._error(404, "NOT_FOUND", "no such API")

    def _stall(self, op: str) -> None:
        with self.state.lock:
            seconds = self.state.stall_seconds if op in self.state.stall_ops else 0
        if seconds:
            time.sleep(seconds)

    # --- trades ---------------------------------------------------------------------------
    def on_prepay(self, request: Request, trade_type: str) -> Response:
        body = json.loads(request.get_data() or b"{}")
        for key in ("appid", "mchid", "description", "out_trade_no", "notify_url", "amount"):
            if key not in body:
                return self._error(400, "PARAM_ERROR", f"缺少参数 {key}")
        if body["mchid"] != self.keys.mchid or body["appid"] != self.keys.appid:
            return self._error(400, "PARAM_ERROR", "appid和mch_id不匹配")
        if trade_type == "JSAPI" and not (body.get("payer") or {}).get("openid"):
            return self._error(400, "PARAM_ERROR", "缺少参数 payer.openid")
        total = (body.get("amount") or {}).get("total")
        if not isinstance(total, int) or total <= 0:
            return self._error(400, "PARAM_ERROR", "amount.total 无效")
        no = body["out_trade_no"]
        with self.state.lock:
            order = self.state.orders.get(no)
            if order is not None:
                same = order["amount"]["total"] == total and order["trade_type"] == trade_type
                if not same:
                    return self._error(400, "OUT_TRADE_NO_USED", "商户订单号重复")
                if order["trade_state"] != "NOTPAY":
                    return self._error(
                        400,
                        "ORDERPAID" if order["trade_state"] == "SUCCESS" else "ORDERCLOSED",
                        "订单状态错误",
                    )
            else:
                order = {
                    "appid": body["appid"],
                    "mchid": body["mchid"],
                    "out_trade_no": no,
                    "description": body["description"],
                    "notify_url": body["notify_url"],
                    "trade_type": trade_type,
                    "trade_state": "NOTPAY",
                    "trade_state_desc": "未支付",
                    "amount": {"total": total, "currency": "CNY"},
                    "payer": body.get("payer") or {},
                    "prepay_id": f"wx{datetime.now(CST):%d%H%M%S}{secrets.token_hex(12)}",
                    "code_url": f"weixin://wxpay/bizpayurl?pr={secrets.token_urlsafe(6)}",
                    "time_expire": body.get("time_expire", ""),
                    "created": time.time(),
                }
                self.state.orders[no] = order
        self._stall("create")
        if trade_type == "NATIVE":
            return self._answer(200, {"code_url": order["code_url"]})
        return self._answer(200, {"prepay_id": order["prepay_id"]})

    def _transaction(self, order: dict[str, Any]) -> dict[str, Any]:
        data = {
            "appid": order["appid"],
            "mchid": order["mchid"],
            "out_trade_no": order["out_trade_no"],
            "trade_type": order["trade_type"],
            "trade_state": order["trade_state"],
            "trade_state_desc": order["trade_state_desc"],
            "attach": "",
            "amount": {"total": order["amount"]["total"], "currency": "CNY"},
        }
        if order["trade_state"] in ("SUCCESS", "REFUND"):
            data.update(
                {
                    "transaction_id": order["transaction_id"],
                    "bank_type": "OTHERS",
                    "success_time": order["success_time"],
                    "payer": {"openid": order["payer"].get("openid") or "oSandboxScanner"},
                }
            )
            data["amount"].update({"payer_total": order["amount"]["total"], "payer_currency": "CNY"})
        return data

    def on_query(self, no: str, query: dict[str, list[str]]) -> Response:
        if query.get("mchid", [""])[0] != self.keys.mchid:
            return self._error(400, "PARAM_ERROR", "mchid 无效")
        with self.state.lock:
            order = self.state.orders.get(no)
            if order is None:
                return self._error(404, "ORDER_NOT_EXIST", "订单不存在")
            return self._answer(200, self._transaction(order))

    def on_close(self, request: Request, no: str) -> Response:
        body = json.loads(request.get_data() or b"{}")
        if body.get("mchid") != self.keys.mchid:
            return self._error(400, "PARAM_ERROR", "mchid 无效")
        with self.state.lock:
            order = self.state.orders.get(no)
            if order is None:
                return self._error(404, "ORDER_NOT_EXIST", "订单不存在")
            if order["trade_state"] in ("SUCCESS", "REFUND"):
                return self._error(400, "ORDER_PAID", "订单已支付")
            order["trade_state"], order["trade_state_desc"] = "CLOSED", "已关闭"
        self._stall("close")
        return self._answer(204)

    # --- refunds --------------------------------------------------------------------------
    def on_refund(self, request: Request) -> Response:
        body = json.loads(request.get_data() or b"{}")
        no = body.get("out_trade_no") or ""
        amount = body.get("amount") or {}
        with self.state.lock:
            order = self.state.orders.get(no)
            if order is None and body.get("transaction_id"):
                order = next(
                    (
                        o
                        for o in self.state.orders.values()
                        if o.get("transaction_id") == body["transaction_id"]
                    ),
                    None,
                )
            if order is None:
                return self._error(404, "RESOURCE_NOT_EXISTS", "订单不存在")
            if order["trade_state"] not in ("SUCCESS", "REFUND"):
                return self._error(400, "INVALID_REQUEST", "订单未支付")
            existing = self.state.refunds.get(body.get("out_refund_no", ""))
            if existing is not None:
                refund = existing
            else:
                already = sum(
                    r["amount"]["refund"]
                    for r in self.state.refunds.values()
                    if r["out_trade_no"] == order["out_trade_no"]
                )
                if amount.get("total") != order["amount"]["total"]:
                    return self._error(400, "PARAM_ERROR", "订单金额不一致")
                if (
                    not isinstance(amount.get("refund"), int)
                    or already + amount["refund"] > order["amount"]["total"]
                ):
                    return self._error(400, "NOT_ENOUGH", "退款金额超过可退金额")
                sync = self.state.refund_mode == "sync"
                refund = {
                    "refund_id": f"50{secrets.randbelow(10**26):026d}",
                    "out_refund_no": body["out_refund_no"],
                    "transaction_id": order["transaction_id"],
                    "out_trade_no": order["out_trade_no"],
                    "channel": "ORIGINAL",
                    "user_received_account": "支付用户零钱",
                    "create_time": datetime.now(CST).isoformat(timespec="seconds"),
                    "status": "SUCCESS" if sync else "PROCESSING",
                    "notify_url": body.get("notify_url", ""),
                    "amount": {
                        "total": order["amount"]["total"],
                        "refund": amount["refund"],
                        "payer_total": order["amount"]["total"],
                        "payer_refund": amount["refund"],
                        "settlement_refund": amount["refund"],
                        "settlement_total": order["amount"]["total"],
                        "discount_refund": 0,
                        "currency": "CNY",
                    },
                }
                if sync:
                    refund["success_time"] = refund["create_time"]
                self.state.refunds[refund["out_refund_no"]] = refund
                order["trade_state"], order["trade_state_desc"] = "REFUND", "转入退款"
                if not sync and self.state.refund_auto_complete:
                    threading.Timer(0.2, self.complete_refund, args=(refund["out_refund_no"],)).start()
        self._stall("refund")
        return self._answer(200, {k: v for k, v in refund.items() if k != "notify_url"})

    def complete_refund(self, out_refund_no: str, status: str = "SUCCESS", *, mode: str = "normal") -> None:
        with self.state.lock:
            refund = self.state.refunds[out_refund_no]
            refund["status"] = status
            refund["success_time"] = datetime.now(CST).isoformat(timespec="seconds")
        resource = {
            "mchid": self.keys.mchid,
            "out_trade_no": refund["out_trade_no"],
            "transaction_id": refund["transaction_id"],
            "out_refund_no": out_refund_no,
            "refund_id": refund["refund_id"],
            "refund_status": status,
            "success_time": refund["success_time"],
            "user_received_account": refund["user_received_account"],
            "amount": {k: refund["amount"][k] for k in ("total", "refund", "payer_total", "payer_refund")},
        }
        if refund.get("notify_url"):
            self.notify(
                refund["notify_url"],
                resource,
                event_type=f"REFUND.{status}",
                original_type="refund",
                mode=mode,
            )

    def on_refund_query(self, out_refund_no: str) -> Response:
        with self.state.lock:
            refund = self.state.refunds.get(out_refund_no)
            if refund is None:
                return self._error(404, "RESOURCE_NOT_EXISTS", "退款单不存在")
            return self._answer(200, {k: v for k, v in refund.items() if k != "notify_url"})

    # --- bills ----------------------------------------------------------------------------
    def trade_bill_text(self, bill_date: str) -> str:
        header = (
            "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,"
            "货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,"
            "商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注"
        )
        rows = []
        paid_total = refund_total = 0
        with self.state.lock:
            orders = [o for o in self.state.orders.values() if o.get("transaction_id")]
            for o in orders:
                when = datetime.fromisoformat(o["success_time"])
                if when.strftime("%Y-%m-%d") != bill_date:
                    continue
                yuan = f"{o['amount']['total'] / 100:.2f}"
                paid_total += o["amount"]["total"]
                fields = [
                    when.strftime("%Y-%m-%d %H:%M:%S"),
                    o["appid"],
                    o["mchid"],
                    "0",
                    "",
                    o["transaction_id"],
                    o["out_trade_no"],
                    o["payer"].get("openid", ""),
                    o["trade_type"],
                    "SUCCESS",
                    "OTHERS",
                    "CNY",
                    yuan,
                    "0.00",
                    "0",
                    "0",
                    "0.00",
                    "0.00",
                    "",
                    "",
                    o["description"],
                    "",
                    "0.00000",
                    "0.60%",
                    yuan,
                    "0.00",
                    "",
                ]
                rows.append(",".join("`" + f for f in fields))
            for r in self.state.refunds.values():
                if r["status"] != "SUCCESS":
                    continue
                o = self.state.orders[r["out_trade_no"]]
                refund_total += r["amount"]["refund"]
                fields = [
                    r["success_time"][:19].replace("T", " "),
                    o["appid"],
                    o["mchid"],
                    "0",
                    "",
                    o["transaction_id"],
                    o["out_trade_no"],
                    o["payer"].get("openid", ""),
                    o["trade_type"],
                    "REFUND",
                    "OTHERS",
                    "CNY",
                    "0.00",
                    "0.00",
                    r["refund_id"],
                    r["out_refund_no"],
                    f"{r['amount']['refund'] / 100:.2f}",
                    "0.00",
                    "ORIGINAL",
                    "SUCCESS",
                    o["description"],
                    "",
                    "-0.00000",
                    "0.60%",
                    "0.00",
                    f"{r['amount']['refund'] / 100:.2f}",
                    "",
                ]
                rows.append(",".join("`" + f for f in fields))
        summary_header = (
            "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额"
        )
        summary = ",".join(
            "`" + v
            for v in (
                str(len(rows)),
                f"{paid_total / 100:.2f}",
                f"{refund_total / 100:.2f}",
                "0.00",
                "0.00000",
                f"{paid_total / 100:.2f}",
                f"{refund_total / 100:.2f}",
            )
        )
        return "\r\n".join([header, *rows, summary_header, summary]) + "\r\n"

    def on_tradebill(self, query: dict[str, list[str]]) -> Response:
        bill_date = query.get("bill_date", [""])[0]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", bill_date):
            return self._error(400, "PARAM_ERROR", "bill_date 无效")
        text = self.trade_bill_text(bill_date).encode()
        token = secrets.token_urlsafe(16)
        with self.state.lock:
            self.state.bills[token] = gzip.compress(text)
        return self._answer(
            200,
            {
                "hash_type": "SHA1",
                "hash_value": hashlib.sha1(text).hexdigest(),  # noqa: S324 - WeChat's hash
                "download_url": f"{self.public_base}/v3/billdownload/file?token={token}",
            },
        )

    def on_download(self, query: dict[str, list[str]]) -> Response:
        with self.state.lock:
            data = self.state.bills.get(query.get("token", [""])[0])
        if data is None:
            return self._error(404, "NO_STATEMENT_EXIST", "账单不存在")
        # The download is not signed (PROTOCOLS.md §2).
        return Response(data, status=200, content_type="application/octet-stream")

    # --- paying and notifying -----------------------------------------------------------
    def build_notification(
        self,
        resource: dict[str, Any],
        *,
        event_type: str = "TRANSACTION.SUCCESS",
        original_type: str = "transaction",
        timestamp: int | None = None,
        sign_key: Any = None,
        signature: str | None = None,
        serial: str | None = None,
        apiv3_key: str | None = None,
    ) -> tuple[dict[str, str], bytes]:
        """A signed, encrypted notification (headers, body); the keyword switches forge one."""
        nonce = secrets.token_hex(6)
        associated = original_type
        cipher = AESGCM((apiv3_key or self.keys.apiv3_key).encode()).encrypt(
            nonce.encode(), json.dumps(resource, ensure_ascii=False).encode(), associated.encode()
        )
        envelope = {
            "id": f"EV-{secrets.token_hex(10)}",
            "create_time": datetime.now(CST).isoformat(timespec="seconds"),
            "resource_type": "encrypt-resource",
            "event_type": event_type,
            "summary": "支付成功" if event_type.startswith("TRANSACTION") else "退款状态变更",
            "resource": {
                "original_type": original_type,
                "algorithm": "AEAD_AES_256_GCM",
                "ciphertext": base64.b64encode(cipher).decode(),
                "associated_data": associated,
                "nonce": nonce,
            },
        }
        body = json.dumps(envelope, ensure_ascii=False).encode()
        headers = self._signed_headers(body, timestamp=timestamp, key=sign_key)
        if signature is not None:
            headers["Wechatpay-Signature"] = signature
        if serial is not None:
            headers["Wechatpay-Serial"] = serial
        headers["Content-Type"] = "application/json"
        return headers, body

    def _send(self, url: str, headers: dict[str, str], body: bytes) -> None:
        result = self.state.sender(url, headers, body)
        with self.state.lock:
            self.state.deliveries.append({"url": url, "result": result, "at": time.time()})

    def notify(
        self,
        url: str,
        resource: dict[str, Any],
        *,
        event_type: str,
        original_type: str,
        mode: str = "normal",
        copies: int = 2,
        delay: float = 1.0,
    ) -> None:
        headers, body = self.build_notification(resource, event_type=event_type, original_type=original_type)
        if mode == "never":
            return
        if mode == "tampered":
            body = body.replace(b'"resource_type"', b'"resource_type" ', 1)  # changed after signing
        if mode == "hold":
            with self.state.lock:
                self.state.held.append((url, headers, body))
            return
        if mode == "delayed":
            threading.Timer(delay, self._send, args=(url, headers, body)).start()
            return
        for _ in range(copies if mode == "duplicate" else 1):
            self._send(url, headers, body)

    def pay(
        self, out_trade_no: str, *, mode: str = "normal", openid: str = "", **options: Any
    ) -> dict[str, Any]:
        """A fake resident pays the order; the notification goes out according to `mode`."""
        with self.state.lock:
            order = self.state.orders[out_trade_no]
            if order["trade_state"] == "NOTPAY" or (
                order["trade_state"] == "CLOSED" and options.get("force")
            ):
                order["trade_state"], order["trade_state_desc"] = "SUCCESS", "支付成功"
                order["transaction_id"] = f"42{secrets.randbelow(10**26):026d}"
                order["success_time"] = datetime.now(CST).isoformat(timespec="seconds")
                if openid or not order["payer"].get("openid"):
                    order["payer"] = {"openid": openid or "oSandboxScanner"}
            transaction = self._transaction(order)
            url = order["notify_url"]
        self.notify(
            url,
            transaction,
            event_type="TRANSACTION.SUCCESS",
            original_type="transaction",
            mode=mode,
            copies=int(options.get("copies", 2)),
            delay=float(options.get("delay", 1.0)),
        )
        return transaction

    def release(self, *, reverse: bool = False) -> int:
        with self.state.lock:
            held, self.state.held = self.state.held, []
        for url, headers, body in reversed(held) if reverse else held:
            self._send(url, headers, body)
        return len(held)

    # --- control endpoints ------------------------------------------------------------------
    def on_control(self, request: Request, name: str) -> Response:
        body = request.get_json(force=True, silent=True) or {}
        if name == "pay" and request.method == "POST":
            try:
                result = self.pay(
                    str(body["out_trade_no"]),
                    mode=str(body.get("mode", "normal")),
                    openid=str(body.get("openid", "")),
                    copies=body.get("copies", 2),
                    delay=body.get("delay", 1.0),
                    force=bool(body.get("force", False)),
                )
            except KeyError:
                return Response(
                    json.dumps({"error": "no such order"}), status=404, mimetype="application/json"
                )
            return Response(json.dumps(result, ensure_ascii=False), mimetype="application/json")
        if name == "release" and request.method == "POST":
            return Response(json.dumps({"sent": self.release(reverse=bool(body.get("reverse")))}))
        if name == "stall" and request.method == "POST":
            with self.state.lock:
                self.state.stall_seconds = float(body.get("seconds", 0))
                self.state.stall_ops = set(body.get("ops", ["create"]))
            return Response(status=204)
        if name == "refund_mode" and request.method == "POST":
            with self.state.lock:
                self.state.refund_mode = str(body.get("mode", "sync"))
            return Response(status=204)
        if name == "calls" and request.method == "GET":
            with self.state.lock:
                return Response(json.dumps(self.state.calls), mimetype="application/json")
        if name == "keys" and request.method == "GET":
            return Response(json.dumps(self.keys.__dict__), mimetype="application/json")
        return Response("not found", status=404)
