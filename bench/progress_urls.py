"""Bench-only URLconf: the production routes plus the reference views measured beside them."""

from __future__ import annotations

import base64
import functools
import json

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.models import Department
from backend.config import urls as production


def bare_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"ok": True, "service": "zhangban"})


class _RowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()


class OneRowApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    def get(self, request: Request, pk: int) -> Response:
        return Response(_RowSerializer(Department.objects.get(pk=pk)).data)


@functools.cache
def _wechatpay_keys() -> tuple[object, AESGCM]:
    public_key = serialization.load_pem_public_key(settings.WECHATPAY_PUBLIC_KEY.encode())
    return public_key, AESGCM(settings.WECHATPAY_APIV3_KEY.encode())


@csrf_exempt
def minimal_callback(request: HttpRequest) -> HttpResponse:
    """The floor of a WeChat Pay callback: shared/PERFORMANCE.md's prototype, as a plain view.

    RSA-2048 verify (key parsed once), AES-256-GCM decrypt, then SELECT … FOR UPDATE + UPDATE +
    INSERT in one transaction, in hand-written SQL: no replay window, no id or amount checks, no
    callback record, audit, bill, outbox or notification. What no full callback can beat.
    """
    public_key, aead = _wechatpay_keys()
    h = request.headers
    message = f"{h['Wechatpay-Timestamp']}\n{h['Wechatpay-Nonce']}\n".encode() + request.body + b"\n"
    public_key.verify(  # type: ignore[attr-defined]
        base64.b64decode(h["Wechatpay-Signature"]), message, padding.PKCS1v15(), hashes.SHA256()
    )
    resource = json.loads(request.body)["resource"]
    plain = aead.decrypt(
        resource["nonce"].encode(),
        base64.b64decode(resource["ciphertext"]),
        resource["associated_data"].encode(),
    )
    paid = json.loads(plain)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, bill_id, amount_fen, state FROM payments_paymentorder"
            " WHERE out_trade_no = %s AND provider = 'wechatpay' FOR UPDATE",
            [paid["out_trade_no"]],
        )
        order_id, bill_id, amount_fen, state = cursor.fetchone()
        if state != "paid":
            cursor.execute(
                "UPDATE payments_paymentorder SET state = 'paid', transaction_id = %s, paid_at = now(),"
                " updated_at = now() WHERE id = %s",
                [paid["transaction_id"], order_id],
            )
            cursor.execute(
                "INSERT INTO payments_ledgerentry (bill_id, order_id, kind, amount_fen, channel, provider,"
                " provider_ref, at) VALUES (%s, %s, 'payment', %s, 'wechat_jsapi', 'wechatpay', %s, now())",
                [bill_id, order_id, amount_fen, paid["transaction_id"]],
            )
    return HttpResponse(status=204)


urlpatterns = [
    path("bench/bare", bare_json),
    path("bench/drf-row/<int:pk>", OneRowApi.as_view()),
    path("bench/minimal-callback", minimal_callback),
    *production.urlpatterns,
]
