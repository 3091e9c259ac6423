"""Garbage at the callback endpoints is refused and recorded, never a 500 (found by schemathesis)."""

from __future__ import annotations

import base64

import pytest
from rest_framework.test import APIClient

from payments.models import CallbackRecord

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/api/v1/payments/callbacks/wechatpay", "/api/v1/payments/callbacks/wechatpay/refund"]
)
def test_nul_and_invalid_utf8_bodies_are_refused_and_kept_exactly(path):
    body = b'{"id": "\x00"}\xff\xfe'
    response = APIClient().post(
        path, data=body, content_type="application/json", HTTP_WECHATPAY_NONCE="n\x00once"
    )
    assert 400 <= response.status_code < 500
    record = CallbackRecord.objects.get()
    assert record.body == "base64:" + base64.b64encode(body).decode()
    assert "\x00" not in str(record.headers)
