"""CORS: browser pages on the configured origins may call /api/ with a bearer token; others may not."""

from __future__ import annotations

import pytest

H5 = "http://127.0.0.1:8001"

pytestmark = pytest.mark.django_db


@pytest.fixture
def h5_allowed(settings):
    settings.CORS_ALLOWED_ORIGINS = [H5]


def test_preflight_from_an_allowed_origin_permits_the_headers_a_payment_needs(client, h5_allowed):
    response = client.options(
        "/api/v1/bills/00000000-0000-0000-0000-000000000000/pay",
        HTTP_ORIGIN=H5,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type, idempotency-key",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == H5
    allowed = {h.strip() for h in response["Access-Control-Allow-Headers"].split(",")}
    assert {"authorization", "content-type", "idempotency-key"} <= allowed
    assert "Access-Control-Allow-Credentials" not in response  # bearer tokens, never cookies


def test_an_answer_to_an_allowed_origin_exposes_retry_after(client, h5_allowed):
    response = client.get("/api/v1/services", HTTP_ORIGIN=H5)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == H5
    assert "Retry-After" in response["Access-Control-Expose-Headers"]


@pytest.mark.parametrize(
    "origin", ["https://evil.example", "http://127.0.0.1:8002"], ids=["foreign", "other-port"]
)
def test_other_origins_get_no_cors_grant(client, h5_allowed, origin):
    response = client.get("/api/v1/services", HTTP_ORIGIN=origin)

    assert "Access-Control-Allow-Origin" not in response


def test_no_origin_is_allowed_by_default(client, settings):
    assert settings.CORS_ALLOWED_ORIGINS == []
    response = client.get("/api/v1/services", HTTP_ORIGIN=H5)

    assert "Access-Control-Allow-Origin" not in response


def test_pages_outside_the_api_are_not_shared(client, h5_allowed):
    response = client.get("/healthz", HTTP_ORIGIN=H5)

    assert "Access-Control-Allow-Origin" not in response
