"""Phone binding from WeChat and Alipay, and the account merge it triggers."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from backend.accounts.models import Identity, User
from backend.accounts.otp import phone_index
from backend.core.models import AuditLog
from miniprogram_bridge.models import SubscribeConsent, WeChatSession
from tests.factories import make_citizen_id
from tests.miniprogram_bridge.conftest import bearer

pytestmark = pytest.mark.django_db

PHONE = "13812345678"
PHONE_E164 = "+8613812345678"


def _wechat_bind(fakes: Any, access: str, user: str = "alice", phone: str = PHONE) -> Any:
    code = fakes.wx_phone_code(user, phone)
    return bearer(APIClient(), access).post("/api/v1/auth/wechat/phone", {"code": code}, format="json")


def _alipay_bind(fakes: Any, access: str, user: str = "bob", phone: str = PHONE) -> Any:
    response = fakes.ali_phone_response(user, phone)
    return bearer(APIClient(), access).post(
        "/api/v1/auth/alipay/phone", {"response": response}, format="json"
    )


def test_wechat_phone_binds_to_the_account(wechat_login: Any, fakes: Any) -> None:
    access = wechat_login("alice").json()["access"]

    response = _wechat_bind(fakes, access)

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["phone"] == "138****5678" and body["merged"] is False
    user = User.objects.get()
    assert user.phone == PHONE_E164 and user.phone_index == phone_index(PHONE_E164)
    assert set(Identity.objects.filter(user=user).values_list("provider", flat=True)) == {"wechat", "phone"}
    assert AuditLog.objects.filter(action="phone.bind", object_id=str(user.pk)).exists()
    # The fake got the mini-program access token (stable_token) once for the call
    assert fakes.wx_stats()["token_refreshes"] == 1


def test_wechat_then_alipay_with_the_same_phone_become_one_account(
    wechat_login: Any, alipay_login: Any, fakes: Any, api: Any
) -> None:
    # Given a resident who logged in from WeChat, bound phone P and accepted a subscribe template
    wx_access = wechat_login("alice").json()["access"]
    assert _wechat_bind(fakes, wx_access).status_code == 200
    wx_user = User.objects.get()
    accepted = bearer(APIClient(), wx_access).post(
        "/api/v1/subscriptions/wechat",
        {"result": {"errMsg": "requestSubscribeMessage:ok", "zb-sandbox-application-progress": "accept"}},
        format="json",
    )
    assert accepted.status_code == 200
    # And who later logs in from Alipay and verifies their real name there
    ali_access = alipay_login("bob").json()["access"]
    ali_user = User.objects.exclude(pk=wx_user.pk).get()
    verified = bearer(APIClient(), ali_access).post(
        "/api/v1/me/real-name", {"name": "张三", "citizen_id": make_citizen_id()}, format="json"
    )
    assert verified.status_code == 200, verified.content

    # When they bind the same phone P on the Alipay side
    response = _alipay_bind(fakes, ali_access)

    # Then the two accounts are one: the real-name verified one survives with three identities
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["merged"] is True and body["user_id"] == str(ali_user.pk)
    kept = User.objects.get(pk=ali_user.pk)
    assert sorted(Identity.objects.filter(user=kept).values_list("provider", flat=True)) == [
        "alipay",
        "phone",
        "wechat",
    ]
    assert User.objects.filter(is_active=True).count() == 1
    assert not User.objects.get(pk=wx_user.pk).is_active
    # And data from both sides is on it: the Alipay side's real name, the WeChat side's phone,
    # session and subscribe consent
    assert kept.real_name_verified and kept.phone == PHONE_E164
    assert WeChatSession.objects.get().user_id == kept.pk
    assert SubscribeConsent.objects.get(template_id="zb-sandbox-application-progress").user_id == kept.pk
    # And the merge is audited with both ids
    log = AuditLog.objects.get(action="account.merge")
    assert log.detail["keep"] == str(kept.pk) and log.detail["absorb"] == str(wx_user.pk)
    assert "miniprogram_bridge" in log.detail["handlers"]
    # And the new tokens work while the absorbed account's do not
    assert bearer(APIClient(), body["tokens"]["access"]).get("/api/v1/me").status_code == 200
    assert bearer(APIClient(), wx_access).get("/api/v1/me").status_code == 401
    # And logging in from WeChat again lands on the kept account
    again = wechat_login("alice")
    me = bearer(APIClient(), again.json()["access"]).get("/api/v1/me").json()
    assert me["id"] == str(kept.pk)


def test_without_real_name_the_older_account_survives(
    wechat_login: Any, alipay_login: Any, fakes: Any
) -> None:
    wx_access = wechat_login("alice").json()["access"]
    assert _wechat_bind(fakes, wx_access).status_code == 200
    older = User.objects.get()
    ali_access = alipay_login("bob").json()["access"]

    response = _alipay_bind(fakes, ali_access)

    assert response.status_code == 200, response.content
    assert response.json()["user_id"] == str(older.pk) and response.json()["merged"] is True
    assert Identity.objects.filter(user=older).count() == 3
    assert User.objects.filter(is_active=True).get().pk == older.pk
    # The Alipay login now finds the older account
    me = bearer(APIClient(), alipay_login("bob").json()["access"]).get("/api/v1/me").json()
    assert me["id"] == str(older.pk)


def test_two_real_name_verified_accounts_are_not_merged(
    wechat_login: Any, alipay_login: Any, fakes: Any
) -> None:
    wx_access = wechat_login("alice").json()["access"]
    assert _wechat_bind(fakes, wx_access).status_code == 200
    for access in (wx_access, alipay_login("bob").json()["access"]):
        ok = bearer(APIClient(), access).post(
            "/api/v1/me/real-name", {"name": "张三", "citizen_id": make_citizen_id()}, format="json"
        )
        assert ok.status_code == 200, ok.content
    ali_access = alipay_login("bob").json()["access"]

    response = _alipay_bind(fakes, ali_access)

    assert response.status_code == 409
    assert response.json()["code"] == "account_merge_refused"
    assert User.objects.filter(is_active=True).count() == 2
    assert not AuditLog.objects.filter(action="account.merge").exists()
    assert not Identity.objects.filter(provider="alipay", user__phone_index=phone_index(PHONE_E164)).exists()


def test_a_used_phone_code_is_refused_and_nothing_changes(wechat_login: Any, fakes: Any) -> None:
    access = wechat_login("alice").json()["access"]
    code = fakes.wx_phone_code("alice", PHONE)
    client = bearer(APIClient(), access)
    assert client.post("/api/v1/auth/wechat/phone", {"code": code}, format="json").status_code == 200
    User.objects.update(phone="", phone_index=None)
    Identity.objects.filter(provider="phone").delete()

    response = client.post("/api/v1/auth/wechat/phone", {"code": code}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "wechat_phone_code_invalid"
    assert User.objects.get().phone_index is None


def test_a_tampered_alipay_phone_response_is_refused(alipay_login: Any, fakes: Any) -> None:
    access = alipay_login("bob").json()["access"]
    fakes.ali_mode("tamper")

    response = _alipay_bind(fakes, access)

    assert response.status_code == 400
    assert response.json()["code"] == "alipay_phone_invalid"
    assert User.objects.get().phone == ""


def test_phone_binding_needs_a_resident_login(api: Any, mock_providers: Any) -> None:
    response = api.post("/api/v1/auth/wechat/phone", {"code": "x"}, format="json")
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("mode", "status", "code"),
    [
        pytest.param("rate_limit", 429, "wechat_rate_limited", id="rate-limit"),
        pytest.param("error", 503, "wechat_unavailable", id="provider-5xx"),
        pytest.param("slow", 503, "wechat_unavailable", id="provider-timeout"),
    ],
)
def test_wechat_phone_failures_are_documented_problems(
    mode: str, status: int, code: str, wechat_login: Any, fakes: Any, settings: Any
) -> None:
    access = wechat_login("alice").json()["access"]
    settings.WECHAT_TIMEOUT = 0.5
    phone_code = fakes.wx_phone_code("alice", PHONE)
    fakes.wx_mode(mode, slow_seconds=3)

    response = bearer(APIClient(), access).post(
        "/api/v1/auth/wechat/phone", {"code": phone_code}, format="json"
    )

    assert response.status_code == status, response.content
    assert response.json()["code"] == code
    assert User.objects.get().phone_index is None
    assert not Identity.objects.filter(provider="phone").exists()
