"""WeChat mini-program login: wechatpy against the fake platform over loopback HTTP."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from rest_framework.test import APIClient

from backend.accounts.models import Identity, User
from backend.core.models import AuditLog
from miniprogram_bridge.models import WeChatSession
from tests.miniprogram_bridge.conftest import bearer

pytestmark = pytest.mark.django_db


def _raw_session_key(openid: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT session_key FROM miniprogram_bridge_wechatsession WHERE openid = %s", [openid])
        return cursor.fetchone()[0]


def test_login_creates_one_user_and_a_new_code_finds_it_again(wechat_login: Any, fakes: Any) -> None:
    # Given a fake WeChat user who has never logged in
    openid = fakes.running.app.wechat.openid_for("alice")

    # When she logs in twice, each time with a fresh wx.login code
    first = wechat_login("alice")
    key_after_first = WeChatSession.objects.get(openid=openid).session_key
    second = wechat_login("alice")

    # Then both logins answer a token pair for the same single account
    assert first.status_code == 200, first.content
    assert second.status_code == 200, second.content
    assert User.objects.count() == 1
    user = User.objects.get()
    assert list(Identity.objects.values_list("provider", "subject")) == [("wechat", openid)]
    # And the token works
    me = bearer(APIClient(), second.json()["access"]).get("/api/v1/me")
    assert me.status_code == 200 and me.json()["id"] == str(user.pk)
    # And the session_key was replaced, is stored encrypted and never leaves the server
    session = WeChatSession.objects.get(openid=openid)
    assert session.user_id == user.pk
    assert session.session_key != key_after_first
    assert _raw_session_key(openid).startswith("v1:")
    assert session.session_key not in first.content.decode() + second.content.decode()
    assert AuditLog.objects.filter(action="auth.login", detail__method="wechat").count() == 2


def test_unionid_is_linked_and_finds_the_person_from_another_wechat_app(
    wechat_login: Any, fakes: Any, settings: Any
) -> None:
    # Given a login with a unionid (mini-program bound to an Open Platform account)
    assert wechat_login("bob", unionid=True).status_code == 200
    user = User.objects.get()
    unionid = fakes.running.app.wechat.unionid_for("bob")
    subjects = set(Identity.objects.filter(user=user).values_list("subject", flat=True))
    assert subjects == {fakes.running.app.wechat.openid_for("bob"), f"unionid:{unionid}"}

    # When the same person arrives from another WeChat app (other appid: another openid)
    wx = fakes.running.app.wechat
    wx.state.appid = settings.WECHAT_MINIAPP_APPID = "wxother0000000001"
    response = wechat_login("bob", unionid=True)

    # Then the unionid finds the same account, which gains the new openid
    assert response.status_code == 200
    assert User.objects.count() == 1
    assert Identity.objects.filter(user=user, provider="wechat").count() == 3


@pytest.mark.parametrize(
    ("setup", "status", "code"),
    [
        pytest.param("reused", 401, "wechat_code_used", id="reused-code"),
        pytest.param("expired", 401, "wechat_code_invalid", id="expired-code"),
        pytest.param("unknown", 401, "wechat_code_invalid", id="unknown-code"),
        pytest.param("rate_limit", 429, "wechat_rate_limited", id="rate-limit-45011"),
        pytest.param("busy", 503, "wechat_unavailable", id="system-busy"),
        pytest.param("error", 503, "wechat_unavailable", id="provider-5xx"),
        pytest.param("slow", 503, "wechat_unavailable", id="provider-timeout"),
    ],
)
def test_provider_failures_are_documented_problems_not_500(
    setup: str, status: int, code: str, api: Any, fakes: Any, settings: Any
) -> None:
    # Given a failure at WeChat
    # A short timeout only where it is the point, so a loaded machine does not time out the rest.
    settings.WECHAT_TIMEOUT = 1.0 if setup == "slow" else 5.0
    login_code = fakes.wx_login_code("carol")["code"]
    if setup == "reused":
        assert api.post("/api/v1/auth/wechat", {"code": login_code}, format="json").status_code == 200
    elif setup == "expired":
        login_code = fakes.wx_login_code("carol", expires_in=-1)["code"]
    elif setup == "unknown":
        login_code = "not-a-code"
    else:
        fakes.wx_mode(setup, slow_seconds=4)
    users, sessions = User.objects.count(), WeChatSession.objects.count()
    logins = AuditLog.objects.filter(action="auth.login", result="success").count()

    # When the mini-program logs in
    response = api.post("/api/v1/auth/wechat", {"code": login_code}, format="json")

    # Then the answer is the documented problem, and no account was made
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["code"] == code
    if status == 429:
        assert response["Retry-After"] == "60"
    assert User.objects.count() == users
    assert WeChatSession.objects.count() == sessions
    assert AuditLog.objects.filter(action="auth.login", result="success").count() == logins


def test_login_without_a_code_is_a_validation_error(api: Any, mock_providers: Any) -> None:
    response = api.post("/api/v1/auth/wechat", {}, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "validation_error"
    assert not User.objects.exists()
