"""Every error is application/problem+json with a stable code, in zh-Hans or English."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from rest_framework.test import APIClient

from backend.accounts import apis

pytestmark = pytest.mark.django_db

PROBLEM_KEYS = {"type", "title", "status", "detail", "code"}


def _assert_problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body.keys() >= PROBLEM_KEYS
    assert body["status"] == status
    assert body["code"] == code
    assert body["type"] == f"urn:zhangban:problem:{code}"
    assert "Traceback" not in response.content.decode()
    return body


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture
def cases(api, make_resident, make_staff, client_for, request_code):
    """Each case: (name, status, code, call(lang) -> response)."""
    resident = client_for(make_resident())
    clerk = client_for(make_staff("clerk"))

    def lang(lang_code):
        return {"HTTP_ACCEPT_LANGUAGE": lang_code}

    def too_many(lang_code):
        phone = f"+86139{uuid.uuid4().int % 10**8:08d}"
        request_code(phone)
        return request_code(phone, **lang(lang_code))[0]

    return [
        (
            "400",
            400,
            "validation_error",
            lambda c: api.post("/api/v1/auth/sms/code", {"phone": "x"}, format="json", **lang(c)),
        ),
        (
            "400-malformed",
            400,
            "malformed_request",
            lambda c: api.post("/api/v1/auth/sms/code", "{", content_type="application/json", **lang(c)),
        ),
        ("401", 401, "not_authenticated", lambda c: api.get("/api/v1/me", **lang(c))),
        ("403", 403, "permission_denied", lambda c: resident.get("/api/v1/audit-logs", **lang(c))),
        (
            "404-api",
            404,
            "not_found",
            lambda c: clerk.get(f"/api/v1/staff/residents/{uuid.uuid4()}", **lang(c)),
        ),
        ("404-route", 404, "not_found", lambda c: Client().get("/no/such/route", **lang(c))),
        ("405", 405, "method_not_allowed", lambda c: api.get("/api/v1/auth/sms/code", **lang(c))),
        (
            "415",
            415,
            "unsupported_media_type",
            lambda c: api.post("/api/v1/auth/sms/code", "phone=1", content_type="text/plain", **lang(c)),
        ),
        ("429", 429, "otp_rate_limited", too_many),
    ]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_error_statuses_are_problems_in_the_asked_language(cases, language):
    for name, status, code, call in cases:
        body = _assert_problem(call(language), status, code)
        if language == "en":
            assert not _has_chinese(body["title"]), (name, body)
        else:
            assert _has_chinese(body["title"]), (name, body)


def test_403_for_a_resident_is_problem(make_resident, client_for):
    # Resident B is not staff: the staff endpoint is forbidden, not found-leaking.
    response = client_for(make_resident()).get(f"/api/v1/staff/residents/{uuid.uuid4()}")
    _assert_problem(response, 403, "permission_denied")


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_forced_500_is_a_bare_problem(monkeypatch, make_resident, client_for, language, caplog):
    def explode(self, request):
        raise RuntimeError("secret internals 11010519491231002X")

    monkeypatch.setattr(apis.MeApi, "get", explode)
    client = client_for(make_resident())
    response = client.get("/api/v1/me", HTTP_ACCEPT_LANGUAGE=language)
    body = _assert_problem(response, 500, "server_error")
    assert "secret internals" not in response.content.decode()
    assert _has_chinese(body["title"]) == (language == "zh-hans")


def test_unknown_route_outside_api_is_problem_too():
    # With CSRF checks on, as a real client meets them: still a 404 problem, not an HTML 403.
    response = Client(enforce_csrf_checks=True).post(
        "/definitely/not/here", data="x", content_type="text/plain"
    )
    _assert_problem(response, 404, "not_found")


def test_csrf_failure_is_a_problem():
    response = Client(enforce_csrf_checks=True).post("/admin/login/", data={"username": "x"})
    _assert_problem(response, 403, "csrf_failed")


def test_request_id_is_echoed(api):
    response = api.get("/healthz", HTTP_X_REQUEST_ID="req-12345678")
    assert response["X-Request-ID"] == "req-12345678"
    generated = APIClient().get("/healthz")["X-Request-ID"]
    assert len(generated) == 32


@pytest.mark.parametrize("query", ["page_size=abc", "page_size=0", "page_size=101", "page=0", "page=x"])
def test_malformed_paging_is_a_400(make_staff, client_for, query):
    response = client_for(make_staff("auditor")).get(f"/api/v1/audit-logs?{query}")
    body = _assert_problem(response, 400, "validation_error")
    assert body["errors"][0]["field"] == query.split("=")[0]
