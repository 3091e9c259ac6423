"""Input/output serializers of payments (explicit `Serializer`s, unique names)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from backend.core.pagination import MAX_PAGE
from payments.constants import BillState, Channel, LedgerKind, OrderState, RefundKind, RefundState


class BillItemOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    amount_fen = serializers.IntegerField()


class BillOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    number = serializers.CharField()
    state = serializers.ChoiceField(choices=BillState.choices)
    description = serializers.CharField()
    department_code = serializers.CharField()
    source_type = serializers.CharField()
    total_fen = serializers.IntegerField(help_text="Total in fen.")
    paid_fen = serializers.IntegerField(help_text="All money received for the bill, in fen.")
    refunded_fen = serializers.IntegerField(help_text="All money paid back, in fen.")
    due_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()
    paid_at = serializers.DateTimeField(allow_null=True)
    notice_number = serializers.CharField(allow_null=True)
    items = BillItemOutputSerializer(many=True)


class PaymentOrderOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    channel = serializers.ChoiceField(choices=Channel.choices)
    out_trade_no = serializers.CharField()
    amount_fen = serializers.IntegerField()
    state = serializers.ChoiceField(choices=OrderState.choices)
    created_at = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()
    paid_at = serializers.DateTimeField(allow_null=True)


class RefundOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    out_refund_no = serializers.CharField()
    amount_fen = serializers.IntegerField()
    reason = serializers.CharField()
    kind = serializers.ChoiceField(choices=RefundKind.choices)
    state = serializers.ChoiceField(choices=RefundState.choices)
    created_at = serializers.DateTimeField()
    succeeded_at = serializers.DateTimeField(allow_null=True)


class BillDetailOutputSerializer(BillOutputSerializer):
    receipt_number = serializers.CharField(allow_null=True)
    orders = PaymentOrderOutputSerializer(many=True)
    refunds = RefundOutputSerializer(many=True)


class PageParamsSerializer(serializers.Serializer):
    """Strict paging parameters: a malformed page or page_size is a 400, not silently ignored."""

    page = serializers.IntegerField(min_value=1, max_value=MAX_PAGE, required=False)
    page_size = serializers.IntegerField(min_value=1, max_value=100, required=False)


class BillListFilterSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=BillState.choices, required=False)


class BillPayInputSerializer(serializers.Serializer):
    channel = serializers.ChoiceField(choices=Channel.choices)


class WxRequestPaymentSerializer(serializers.Serializer):
    """Exactly the parameters of `wx.requestPayment`."""

    timeStamp = serializers.CharField()
    nonceStr = serializers.CharField()
    package = serializers.CharField()
    signType = serializers.CharField()
    paySign = serializers.CharField()


class BillPayOutputSerializer(serializers.Serializer):
    order_id = serializers.UUIDField()
    out_trade_no = serializers.CharField()
    channel = serializers.ChoiceField(choices=Channel.choices)
    amount_fen = serializers.IntegerField()
    expires_at = serializers.DateTimeField()
    request_payment = WxRequestPaymentSerializer(
        allow_null=True, help_text="`wechat_jsapi`: pass to `wx.requestPayment` as is."
    )
    trade_no = serializers.CharField(allow_null=True, help_text="`alipay_mini`: `my.tradePay({tradeNO})`.")
    code_url = serializers.CharField(allow_null=True, help_text="`wechat_native`: the QR code's content.")
    qr_image = serializers.CharField(
        allow_null=True, help_text="`wechat_native`: the QR code as a PNG data URI."
    )
    sandbox_trade_no = serializers.CharField(allow_null=True, help_text="`sandbox` channel only.")


class NoticeLookupInputSerializer(serializers.Serializer):
    notice_number = serializers.RegexField(r"^[0-9A-Za-z-]{4,32}$")
    payer_name = serializers.CharField(max_length=64, trim_whitespace=True)


class ReceiptOutputSerializer(serializers.Serializer):
    receipt_number = serializers.CharField()
    bill_number = serializers.CharField()
    description = serializers.CharField()
    department_code = serializers.CharField()
    amount_fen = serializers.IntegerField(help_text="Paid by the settling payment, in fen.")
    refunded_fen = serializers.IntegerField()
    channel = serializers.ChoiceField(choices=Channel.choices)
    transaction_id = serializers.CharField()
    paid_at = serializers.DateTimeField()
    items = BillItemOutputSerializer(many=True)
    verification_url = serializers.CharField()
    verification_qr = serializers.CharField(help_text="PNG data URI of the verification QR code.")


class ReceiptVerifyFilterSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=32)
    code = serializers.CharField(max_length=16)


class ReceiptVerifyOutputSerializer(serializers.Serializer):
    valid = serializers.BooleanField()
    receipt_number = serializers.CharField()
    description = serializers.CharField()
    department_code = serializers.CharField()
    amount_fen = serializers.IntegerField()
    refunded_fen = serializers.IntegerField()
    paid_at = serializers.DateTimeField()


class PaymentHistoryOutputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=LedgerKind.choices)
    amount_fen = serializers.IntegerField(help_text="Positive for a payment, negative for a refund.")
    channel = serializers.ChoiceField(choices=Channel.choices)
    bill_id = serializers.UUIDField()
    bill_number = serializers.CharField(source="bill.number")
    description = serializers.CharField(source="bill.description")
    at = serializers.DateTimeField()


class RefundCreateInputSerializer(serializers.Serializer):
    amount_fen = serializers.IntegerField(min_value=1, max_value=10**12)
    reason = serializers.CharField(max_length=200, trim_whitespace=True)


class NoticeItemInputSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=32)
    name = serializers.CharField(max_length=100)
    amount_fen = serializers.IntegerField(min_value=1, max_value=10**10)


class NoticeIssueInputSerializer(serializers.Serializer):
    payer_name = serializers.CharField(max_length=64, trim_whitespace=True)
    department_code = serializers.CharField(max_length=32)
    description = serializers.CharField(max_length=200)
    due_at = serializers.DateTimeField(required=False, allow_null=True)
    items = NoticeItemInputSerializer(many=True, min_length=1, max_length=50)


class NoticeIssueOutputSerializer(BillOutputSerializer):
    check_code = serializers.CharField()


class LedgerEntryOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=LedgerKind.choices)
    amount_fen = serializers.IntegerField()
    channel = serializers.ChoiceField(choices=Channel.choices)
    provider = serializers.CharField()
    provider_ref = serializers.CharField()
    order_id = serializers.UUIDField()
    refund_id = serializers.UUIDField(allow_null=True)
    at = serializers.DateTimeField()


class FinanceBillOutputSerializer(BillDetailOutputSerializer):
    ledger = LedgerEntryOutputSerializer(many=True)
    ledger_balance_fen = serializers.IntegerField()


class WechatCallbackResourceSerializer(serializers.Serializer):
    algorithm = serializers.CharField()
    ciphertext = serializers.CharField()
    associated_data = serializers.CharField(required=False, allow_blank=True)
    nonce = serializers.CharField()
    original_type = serializers.CharField()


class WechatCallbackInputSerializer(serializers.Serializer):
    """WeChat Pay v3 notification (signed headers, AES-256-GCM resource)."""

    id = serializers.CharField()
    create_time = serializers.CharField()
    event_type = serializers.CharField()
    resource_type = serializers.CharField()
    summary = serializers.CharField(required=False)
    resource = WechatCallbackResourceSerializer()


class WechatCallbackFailureSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class AlipayCallbackInputSerializer(serializers.Serializer):
    """Alipay asynchronous notification (form-encoded, RSA2 over the sorted parameters)."""

    notify_id = serializers.CharField()
    notify_time = serializers.CharField()
    notify_type = serializers.CharField()
    app_id = serializers.CharField()
    out_trade_no = serializers.CharField()
    trade_no = serializers.CharField()
    trade_status = serializers.CharField()
    total_amount = serializers.CharField()
    sign_type = serializers.CharField()
    sign = serializers.CharField()


def pay_output(order: Any) -> dict[str, Any]:
    params = order.client_params or {}
    code_url = params.get("code_url")
    qr = None
    if code_url:
        from payments.qr import qr_data_uri

        qr = qr_data_uri(code_url)
    request_payment = None
    if order.channel == Channel.WECHAT_JSAPI and "paySign" in params:
        request_payment = {k: params[k] for k in ("timeStamp", "nonceStr", "package", "signType", "paySign")}
    return {
        "order_id": str(order.pk),
        "out_trade_no": order.out_trade_no,
        "channel": order.channel,
        "amount_fen": order.amount_fen,
        "expires_at": order.expires_at.isoformat(),
        "request_payment": request_payment,
        "trade_no": params.get("tradeNO"),
        "code_url": code_url,
        "qr_image": qr,
        "sandbox_trade_no": params.get("sandbox_trade_no"),
    }
