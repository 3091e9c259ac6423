"""HTTP endpoints of payments: one view per operation; views parse, call one service, answer."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.parsers import BaseParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.constants import Role
from backend.accounts.permissions import IsResident, role_permission
from backend.core.audit import audit_record
from backend.core.errors import ApplicationError
from backend.core.openapi import problem_responses
from payments import errors, selectors, services
from payments.constants import ProviderName
from payments.models import Bill
from payments.qr import qr_data_uri
from payments.serializers import (
    AlipayCallbackInputSerializer,
    BillDetailOutputSerializer,
    BillListFilterSerializer,
    BillOutputSerializer,
    BillPayInputSerializer,
    BillPayOutputSerializer,
    FinanceBillOutputSerializer,
    NoticeIssueInputSerializer,
    NoticeIssueOutputSerializer,
    NoticeLookupInputSerializer,
    PageParamsSerializer,
    PaymentHistoryOutputSerializer,
    ReceiptOutputSerializer,
    ReceiptVerifyFilterSerializer,
    ReceiptVerifyOutputSerializer,
    RefundCreateInputSerializer,
    RefundOutputSerializer,
    WechatCallbackFailureSerializer,
    WechatCallbackInputSerializer,
    pay_output,
)

_KEY_PATTERN_DOC = "^[!-~]{1,255}$"
IDEMPOTENCY_HEADER = OpenApiParameter(
    "Idempotency-Key",
    {"type": "string", "pattern": _KEY_PATTERN_DOC, "minLength": 1, "maxLength": 255},
    OpenApiParameter.HEADER,
    required=True,
    description=(
        "A unique key per attempt (e.g. a UUID; printable ASCII, at most 255 characters). The same "
        "key with the same body returns the stored answer (`Idempotent-Replayed: true`); with a "
        "different body 409 `idempotency_key_reused`; while the first request is still running 409 "
        "`idempotency_key_in_flight`. Keys expire after 24 h."
    ),
)

_BILL_EXAMPLE = {
    "id": "3f0e8a2c-8d5b-4c7e-9a51-2b1e6f0c9d11",
    "number": "B20261121A1B2C3D4E5F60718",
    "state": "unpaid",
    "description": "护照办理费",
    "department_code": "GA01",
    "source_type": "application_fee",
    "total_fen": 12000,
    "paid_fen": 0,
    "refunded_fen": 0,
    "due_at": None,
    "created_at": "2026-11-21T10:00:00+08:00",
    "paid_at": None,
    "notice_number": None,
    "items": [{"code": "GA-0101", "name": "护照工本费", "amount_fen": 12000}],
}


_KEY_PATTERN = _KEY_PATTERN_DOC


def _idempotency_key(request: Request) -> str:
    key = request.headers.get("Idempotency-Key", "")
    if not re.fullmatch(_KEY_PATTERN, key):
        raise errors.IdempotencyKeyRequired()
    return key


def _idempotent(request: Request, *, scope: str, fingerprint: str, run: Any) -> Response:
    """Run `run()` once per (user, Idempotency-Key); replay its stored answer afterwards."""
    record, fresh = services.idempotency_begin(
        user=request.user, key=_idempotency_key(request), scope=scope, fingerprint=fingerprint
    )
    if not fresh:
        return Response(
            record.response_body, status=record.response_status, headers={"Idempotent-Replayed": "true"}
        )
    try:
        status_code, body = run()
    except BaseException:
        services.idempotency_finish(record, status=500, body=None)  # released: the client may retry
        raise
    services.idempotency_finish(record, status=status_code, body=body)
    return Response(body, status=status_code)


def _bill_detail(bill: Bill) -> dict[str, Any]:
    data = BillDetailOutputSerializer(bill).data
    return data


class BillListApi(ListAPIView):
    permission_classes = [IsResident]
    serializer_class = BillOutputSerializer

    @extend_schema(
        tags=["payments"],
        operation_id="bills_list",
        summary="My bills",
        description="The resident's bills (缴款单), newest first; filter by `state`.",
        parameters=[PageParamsSerializer, BillListFilterSerializer],
        responses={200: BillOutputSerializer(many=True), **problem_responses(400, 401, 403, 404)},
        examples=[OpenApiExample("Bills", value=[_BILL_EXAMPLE], response_only=True)],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        PageParamsSerializer(data=self.request.query_params).is_valid(raise_exception=True)
        if self.request.query_params.get("state") == "":
            raise ValidationError({"state": [_("Choose a bill state or leave the parameter out.")]})
        filters = BillListFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return selectors.bill_list_for_resident(
            user=self.request.user, state=filters.validated_data.get("state")
        )


class BillDetailApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["payments"],
        operation_id="bills_retrieve",
        summary="One of my bills, with its payment orders and refunds",
        responses={200: BillDetailOutputSerializer, **problem_responses(401, 403, 404)},
        examples=[
            OpenApiExample(
                "Bill",
                value={**_BILL_EXAMPLE, "receipt_number": None, "orders": [], "refunds": []},
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, bill_id: str) -> Response:
        bill = selectors.bill_get_for_resident(user=request.user, bill_id=bill_id)
        if bill is None:
            raise NotFound()
        return Response(_bill_detail(bill))


class BillPayApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["payments"],
        operation_id="bills_pay",
        summary="Pay a bill: start a payment order in a channel",
        description=(
            "Creates (or resumes) a payment order and returns exactly what the client needs: "
            "`request_payment` for `wx.requestPayment` (`wechat_jsapi`), `trade_no` for "
            "`my.tradePay` (`alipay_mini`), `code_url` + `qr_image` (`wechat_native`). The bill is "
            "paid when the provider's callback (or the active query) confirms it; follow the bill. "
            f"Error codes: {errors.PAY_ERROR_CODES}, not_found (404). A provider timeout leaves the "
            "order `unknown`; it is queried later under the same `out_trade_no`."
        ),
        parameters=[IDEMPOTENCY_HEADER],
        request=BillPayInputSerializer,
        responses={
            201: BillPayOutputSerializer,
            **problem_responses(400, 401, 403, 404, 409, 422, 503),
        },
        examples=[
            OpenApiExample("WeChat mini-program", value={"channel": "wechat_jsapi"}, request_only=True),
            OpenApiExample(
                "wx.requestPayment",
                value={
                    "order_id": "8d2f0c1e-3b4a-4f5e-9d6c-7b8a9c0d1e2f",
                    "out_trade_no": "P20261121A1B2C3D4E5F60718",
                    "channel": "wechat_jsapi",
                    "amount_fen": 12000,
                    "expires_at": "2026-11-21T10:30:00+08:00",
                    "request_payment": {
                        "timeStamp": "1763690400",
                        "nonceStr": "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
                        "package": "prepay_id=wx201410272009395522657a690389285100",
                        "signType": "RSA",
                        "paySign": "oR9d8PuhnIc+YZ8cBHFCwfgpaK9gd7vaRvkYD7rthRAZ...",
                    },
                    "trade_no": None,
                    "code_url": None,
                    "qr_image": None,
                    "sandbox_trade_no": None,
                },
                response_only=True,
                status_codes=["201"],
            ),
        ],
    )
    def post(self, request: Request, bill_id: str) -> Response:
        data = BillPayInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        bill = selectors.bill_get_for_resident(user=request.user, bill_id=bill_id)
        if bill is None:
            raise NotFound()
        channel = data.validated_data["channel"]

        def run() -> tuple[int, Any]:
            order = services.order_create(bill=bill, payer=request.user, channel=channel)
            return status.HTTP_201_CREATED, pay_output(order)

        fingerprint = services.request_fingerprint("bills.pay", str(bill.pk), channel)
        return _idempotent(request, scope="bills.pay", fingerprint=fingerprint, run=run)


class BillReceiptApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["payments"],
        operation_id="bills_receipt",
        summary="The e-receipt of a paid bill, with a verification QR code",
        description="Printable receipt data; 409 `receipt_not_available` while the bill is not paid.",
        responses={200: ReceiptOutputSerializer, **problem_responses(401, 403, 404, 409)},
        examples=[
            OpenApiExample(
                "Receipt",
                value={
                    "receipt_number": "R20261121A1B2C3D4E5F60718",
                    "bill_number": "B20261121A1B2C3D4E5F60718",
                    "description": "护照办理费",
                    "department_code": "GA01",
                    "amount_fen": 12000,
                    "refunded_fen": 0,
                    "channel": "wechat_jsapi",
                    "transaction_id": "4200001234202611210000000001",
                    "paid_at": "2026-11-21T10:05:00+08:00",
                    "items": [{"code": "GA-0101", "name": "护照工本费", "amount_fen": 12000}],
                    "verification_url": "https://zhangban.example/api/v1/receipts/verify?number=R…&code=9F3A1C2B",
                    "verification_qr": "data:image/png;base64,iVBORw0KGgo...",
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, bill_id: str) -> Response:
        bill = selectors.bill_get_for_resident(user=request.user, bill_id=bill_id)
        if bill is None:
            raise NotFound()
        if bill.settled_by_id is None or not bill.receipt_number:
            raise errors.ReceiptNotAvailable()
        order = bill.settled_by
        base = settings.PAYMENTS_NOTIFY_BASE_URL.rstrip("/")
        url = f"{base}/api/v1/receipts/verify?number={bill.receipt_number}&code={bill.receipt_code}"
        return Response(
            {
                "receipt_number": bill.receipt_number,
                "bill_number": bill.number,
                "description": bill.description,
                "department_code": bill.department_code,
                "amount_fen": order.amount_fen,
                "refunded_fen": bill.refunded_fen,
                "channel": order.channel,
                "transaction_id": order.transaction_id,
                "paid_at": order.paid_at,
                "items": [
                    {"code": i.code, "name": i.name, "amount_fen": i.amount_fen} for i in bill.items.all()
                ],
                "verification_url": url,
                "verification_qr": qr_data_uri(url),
            }
        )


class ReceiptVerifyApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["payments"],
        operation_id="receipts_verify",
        summary="Verify an e-receipt (the target of its QR code)",
        description="Anyone holding the receipt can check it; no personal data is returned.",
        parameters=[ReceiptVerifyFilterSerializer],
        responses={200: ReceiptVerifyOutputSerializer, **problem_responses(400, 404)},
        auth=[],
        examples=[
            OpenApiExample(
                "Valid",
                value={
                    "valid": True,
                    "receipt_number": "R20261121A1B2C3D4E5F60718",
                    "description": "护照办理费",
                    "department_code": "GA01",
                    "amount_fen": 12000,
                    "refunded_fen": 0,
                    "paid_at": "2026-11-21T10:05:00+08:00",
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        filters = ReceiptVerifyFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        bill = selectors.receipt_get(
            receipt_number=filters.validated_data["number"], code=filters.validated_data["code"]
        )
        if bill is None or bill.settled_by is None:
            raise NotFound()
        return Response(
            {
                "valid": True,
                "receipt_number": bill.receipt_number,
                "description": bill.description,
                "department_code": bill.department_code,
                "amount_fen": bill.settled_by.amount_fen,
                "refunded_fen": bill.refunded_fen,
                "paid_at": bill.paid_at,
            }
        )


class NoticeLookupApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["payments"],
        operation_id="notices_lookup",
        summary="Find a payment notice (非税缴款通知书) by its number and the payer's name",
        description=(
            "The notice becomes the resident's bill (pay it with `bills_pay`). A wrong name, an "
            "unknown number, or a notice another resident claimed: 404 `not_found`."
        ),
        request=NoticeLookupInputSerializer,
        responses={200: BillDetailOutputSerializer, **problem_responses(400, 401, 403, 404)},
        examples=[
            OpenApiExample(
                "Lookup",
                value={"notice_number": "202611210000012345", "payer_name": "张三"},
                request_only=True,
            )
        ],
    )
    def post(self, request: Request) -> Response:
        data = NoticeLookupInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        bill = services.notice_claim(resident=request.user, **data.validated_data)
        bill = selectors.bill_get_for_resident(user=request.user, bill_id=bill.pk)
        return Response(_bill_detail(bill))


class PaymentHistoryApi(ListAPIView):
    permission_classes = [IsResident]
    serializer_class = PaymentHistoryOutputSerializer

    @extend_schema(
        tags=["payments"],
        operation_id="payments_history",
        summary="My payment history (payments and refunds)",
        parameters=[PageParamsSerializer],
        responses={200: PaymentHistoryOutputSerializer(many=True), **problem_responses(400, 401, 403, 404)},
        examples=[
            OpenApiExample(
                "History",
                value=[
                    {
                        "kind": "payment",
                        "amount_fen": 12000,
                        "channel": "wechat_jsapi",
                        "bill_id": "3f0e8a2c-8d5b-4c7e-9a51-2b1e6f0c9d11",
                        "bill_number": "B20261121A1B2C3D4E5F60718",
                        "description": "护照办理费",
                        "at": "2026-11-21T10:05:00+08:00",
                    }
                ],
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        PageParamsSerializer(data=self.request.query_params).is_valid(raise_exception=True)
        return selectors.payment_history_for_resident(user=self.request.user)


class FinanceBillDetailApi(APIView):
    permission_classes = [role_permission(Role.FINANCE)]

    @extend_schema(
        tags=["finance"],
        operation_id="finance_bills_retrieve",
        summary="A bill with its orders, refunds and ledger (finance; audited)",
        responses={200: FinanceBillOutputSerializer, **problem_responses(401, 403, 404)},
        examples=[
            OpenApiExample(
                "Bill",
                value={
                    **_BILL_EXAMPLE,
                    "receipt_number": None,
                    "orders": [],
                    "refunds": [],
                    "ledger": [],
                    "ledger_balance_fen": 0,
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, bill_id: str) -> Response:
        bill = selectors.bill_get_for_finance(bill_id=bill_id)
        if bill is None:
            raise NotFound()
        audit_record(action="bill.read", actor=request.user, obj=bill)
        data = dict(BillDetailOutputSerializer(bill).data)
        data["ledger"] = [
            {
                "id": e.pk,
                "kind": e.kind,
                "amount_fen": e.amount_fen,
                "channel": e.channel,
                "provider": e.provider,
                "provider_ref": e.provider_ref,
                "order_id": e.order_id,
                "refund_id": e.refund_id,
                "at": e.at,
            }
            for e in bill.ledger.all()
        ]
        data["ledger_balance_fen"] = sum(e["amount_fen"] for e in data["ledger"])
        return Response(FinanceBillOutputSerializer(data).data)


class FinanceRefundCreateApi(APIView):
    permission_classes = [role_permission(Role.FINANCE)]

    @extend_schema(
        tags=["finance"],
        operation_id="finance_bills_refund",
        summary="Refund a paid bill fully or partly (finance)",
        description=(
            "Refunds part or all of the settling payment with a reason. Never more than was paid, even "
            "under concurrent requests (409 `refund_exceeds_paid` with `refundable_fen`); 409 "
            "`refund_not_allowed` when the bill is not paid; idempotency errors as for `bills_pay`. "
            "The answer shows the refund's state (`succeeded`, or `pending`/`unknown` until the "
            "provider's callback or the active query settles it)."
        ),
        parameters=[IDEMPOTENCY_HEADER],
        request=RefundCreateInputSerializer,
        responses={201: RefundOutputSerializer, **problem_responses(400, 401, 403, 404, 409)},
        examples=[
            OpenApiExample(
                "Partial refund", value={"amount_fen": 5000, "reason": "多收费用退还"}, request_only=True
            )
        ],
    )
    def post(self, request: Request, bill_id: str) -> Response:
        data = RefundCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        bill = selectors.bill_get_for_finance(bill_id=bill_id)
        if bill is None:
            raise NotFound()

        def run() -> tuple[int, Any]:
            refund = services.refund_create(bill=bill, staff=request.user, **data.validated_data)
            return status.HTTP_201_CREATED, dict(RefundOutputSerializer(refund).data)

        fingerprint = services.request_fingerprint("finance.refund", str(bill.pk), data.validated_data)
        return _idempotent(request, scope="finance.refund", fingerprint=fingerprint, run=run)


class FinanceNoticeIssueApi(APIView):
    permission_classes = [role_permission(Role.FINANCE)]

    @extend_schema(
        tags=["finance"],
        operation_id="finance_notices_issue",
        summary="Issue a payment notice (非税缴款通知书)",
        description="Returns the notice number and check code to print on the notice.",
        request=NoticeIssueInputSerializer,
        responses={201: NoticeIssueOutputSerializer, **problem_responses(400, 401, 403, 409)},
        examples=[
            OpenApiExample(
                "Fine",
                value={
                    "payer_name": "张三",
                    "department_code": "JT01",
                    "description": "交通违法罚款",
                    "items": [{"code": "JT-FK-01", "name": "罚款", "amount_fen": 20000}],
                },
                request_only=True,
            )
        ],
    )
    def post(self, request: Request) -> Response:
        data = NoticeIssueInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        items = [services.BillItemSpec(**item) for item in data.validated_data.pop("items")]
        bill = services.notice_issue(staff=request.user, items=items, **data.validated_data)
        body = dict(BillOutputSerializer(bill).data)
        body["check_code"] = bill.check_code
        return Response(NoticeIssueOutputSerializer(body).data, status=status.HTTP_201_CREATED)


# --- provider callbacks -------------------------------------------------------------------------
class RawBodyParser(BaseParser):
    """Never parse: the views verify signatures over `request.body`, the exact bytes received."""

    media_type = "*/*"

    def parse(self, stream: Any, media_type: Any = None, parser_context: Any = None) -> Any:
        return {}


_SKIP_HEADERS = {"cookie", "authorization"}


def _callback(request: Request, provider_name: str) -> HttpResponse:
    body = request._request.body  # the raw bytes, before anything parses them
    headers = {k: v for k, v in request.headers.items() if k.lower() not in _SKIP_HEADERS}
    try:
        reply = services.callback_receive(provider_name=provider_name, headers=headers, body=body)
    except ApplicationError:
        raise
    return HttpResponse(reply.body, status=reply.status, content_type=reply.content_type)


_CALLBACK_DOC = (
    "Called by the provider, not by apps. No authentication: the signature is verified over the raw "
    "body, the merchant/app ids and the amount (to the fen) are checked, and the state change, the "
    "ledger entry and the outbox rows commit in one transaction under a row lock; repeats change "
    "nothing. Every callback's raw body, headers and verdict are stored."
)


class WechatPayCallbackApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = [RawBodyParser]

    @extend_schema(
        tags=["payment callbacks"],
        operation_id="payments_callback_wechatpay",
        summary="WeChat Pay v3 payment notification (TRANSACTION.SUCCESS)",
        description=(
            _CALLBACK_DOC + " Headers `Wechatpay-Timestamp` (within 5 minutes), `Wechatpay-Nonce`, "
            "`Wechatpay-Signature` (probe signatures `WECHATPAY/SIGNTEST/…` fail), `Wechatpay-Serial` "
            "(our WeChat Pay public key id), `Wechatpay-Signature-Type`. Reply: 204 accepted; 400 "
            '`{"code":"FAIL","message":…}` refused (WeChat retries).'
        ),
        request=WechatCallbackInputSerializer,
        responses={
            204: OpenApiResponse(description="Accepted (also for a repeat)."),
            400: OpenApiResponse(WechatCallbackFailureSerializer, description="Refused; WeChat Pay retries."),
        },
        auth=[],
        examples=[
            OpenApiExample(
                "Notification",
                value={
                    "id": "EV-2018022511223320873",
                    "create_time": "2026-11-21T10:05:00+08:00",
                    "event_type": "TRANSACTION.SUCCESS",
                    "resource_type": "encrypt-resource",
                    "summary": "支付成功",
                    "resource": {
                        "algorithm": "AEAD_AES_256_GCM",
                        "ciphertext": "…",
                        "associated_data": "transaction",
                        "nonce": "fdasflkja484",
                        "original_type": "transaction",
                    },
                },
                request_only=True,
            )
        ],
    )
    def post(self, request: Request) -> HttpResponse:
        return _callback(request, ProviderName.WECHATPAY)


class WechatPayRefundCallbackApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = [RawBodyParser]

    @extend_schema(
        tags=["payment callbacks"],
        operation_id="payments_callback_wechatpay_refund",
        summary="WeChat Pay v3 refund notification (REFUND.SUCCESS / ABNORMAL / CLOSED)",
        description=_CALLBACK_DOC + " Same headers and replies as the payment notification.",
        request=WechatCallbackInputSerializer,
        responses={
            204: OpenApiResponse(description="Accepted (also for a repeat)."),
            400: OpenApiResponse(WechatCallbackFailureSerializer, description="Refused; WeChat Pay retries."),
        },
        auth=[],
        examples=[
            OpenApiExample(
                "Notification",
                value={
                    "id": "EV-2018022511223320874",
                    "create_time": "2026-11-21T11:00:00+08:00",
                    "event_type": "REFUND.SUCCESS",
                    "resource_type": "encrypt-resource",
                    "summary": "退款成功",
                    "resource": {
                        "algorithm": "AEAD_AES_256_GCM",
                        "ciphertext": "…",
                        "associated_data": "refund",
                        "nonce": "fdasflkja485",
                        "original_type": "refund",
                    },
                },
                request_only=True,
            )
        ],
    )
    def post(self, request: Request) -> HttpResponse:
        return _callback(request, ProviderName.WECHATPAY)


class AlipayCallbackApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = [RawBodyParser]

    @extend_schema(
        tags=["payment callbacks"],
        operation_id="payments_callback_alipay",
        summary="Alipay asynchronous notification (trade_status_sync)",
        description=(
            _CALLBACK_DOC + " Form-encoded; RSA2 over the sorted parameters without `sign` and "
            "`sign_type`; `app_id`, `seller_id` and `total_amount` (yuan, exact) checked. Reply: the "
            "plain text `success`, or `fail` with 400 (Alipay retries)."
        ),
        request={"application/x-www-form-urlencoded": AlipayCallbackInputSerializer},
        responses={
            (200, "text/plain"): OpenApiResponse(OpenApiTypes.STR, description="Exactly `success`."),
            (400, "text/plain"): OpenApiResponse(OpenApiTypes.STR, description="`fail`; Alipay retries."),
        },
        auth=[],
        examples=[
            OpenApiExample(
                "Notification",
                value={
                    "notify_id": "ac05099524730693a8b330c5ecf72da9786",
                    "notify_time": "2026-11-21 10:05:01",
                    "notify_type": "trade_status_sync",
                    "app_id": "2021000000000000",
                    "out_trade_no": "P20261121A1B2C3D4E5F60718",
                    "trade_no": "2026112122001400000000000001",
                    "trade_status": "TRADE_SUCCESS",
                    "total_amount": "120.00",
                    "sign_type": "RSA2",
                    "sign": "…",
                },
                request_only=True,
            )
        ],
    )
    def post(self, request: Request) -> HttpResponse:
        return _callback(request, ProviderName.ALIPAY)
