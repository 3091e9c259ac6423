"""Spectacular post-processing: the provider callbacks answer in the provider's format.

`backend.core.openapi.add_problem_responses` documents every 4xx as problem+json; a callback's
refusal is WeChat Pay's `{"code":"FAIL","message":…}` JSON or Alipay's plain `fail`, because
that is what the providers read. This hook (listed after it) puts those formats back.
"""

from __future__ import annotations

from typing import Any

_WECHAT_FAIL = {
    "application/json": {
        "schema": {"$ref": "#/components/schemas/WechatCallbackFailure"},
        "examples": {"fail": {"value": {"code": "FAIL", "message": "bad signature"}}},
    }
}
_ALIPAY_FAIL = {"text/plain": {"schema": {"type": "string"}, "examples": {"fail": {"value": "fail"}}}}


# What WeChat Pay posts (the resource is AEAD-encrypted; shown shortened).
_WECHAT_NOTIFICATION = {
    "id": "EV-2018022511223320873",
    "create_time": "2026-11-21T13:29:35+08:00",
    "event_type": "TRANSACTION.SUCCESS",
    "resource_type": "encrypt-resource",
    "summary": "支付成功",
    "resource": {
        "algorithm": "AEAD_AES_256_GCM",
        "ciphertext": "5F8L0D1...",
        "associated_data": "transaction",
        "nonce": "fdasflkja484",
        "original_type": "transaction",
    },
}


# What Alipay posts (form fields; `sign` shortened).
_ALIPAY_NOTIFICATION = {
    "notify_time": "2026-11-21 13:29:35",
    "notify_type": "trade_status_sync",
    "notify_id": "ac05099524730693a8b330c5ecf72da9786",
    "app_id": "2021000000000001",
    "charset": "utf-8",
    "version": "1.0",
    "sign_type": "RSA2",
    "sign": "Yq6pW...",
    "trade_no": "2026112122001458860515315453",
    "out_trade_no": "ZB20261121132900A1B2C3",
    "buyer_open_id": "074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5",
    "seller_id": "2088101117955611",
    "trade_status": "TRADE_SUCCESS",
    "total_amount": "88.88",
    "receipt_amount": "88.88",
    "subject": "机动车驾驶证补证工本费",
    "gmt_create": "2026-11-21 13:29:30",
    "gmt_payment": "2026-11-21 13:29:34",
}


def callback_replies(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """Provider formats for the callbacks, marked `x-provider-callback` for contract checks."""
    for path, item in result.get("paths", {}).items():
        if "/payments/callbacks/" not in path or "post" not in item:
            continue
        operation = item["post"]
        operation["x-provider-callback"] = True
        responses = operation.setdefault("responses", {})
        content = _ALIPAY_FAIL if path.endswith("/alipay") else _WECHAT_FAIL
        responses["400"] = {"description": "Refused; the provider retries.", "content": content}
        body = operation.get("requestBody", {}).get("content", {})
        if "*/*" in body:  # raw-bytes parser: WeChat Pay posts JSON
            body["application/json"] = body.pop("*/*")
        for media in body.values():
            if "example" not in media and "examples" not in media:
                sample = _ALIPAY_NOTIFICATION if path.endswith("/alipay") else _WECHAT_NOTIFICATION
                media["examples"] = {"notification": {"value": sample}}
    return result
