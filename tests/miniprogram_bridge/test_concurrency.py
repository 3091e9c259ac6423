"""Concurrent first logins for the same WeChat user on PostgreSQL: one account."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connections
from rest_framework.test import APIClient

from backend.accounts.models import Identity, User
from miniprogram_bridge.models import WeChatSession

LOGINS = 10


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("unionid", [False, True], ids=["openid-only", "with-unionid"])
def test_ten_concurrent_logins_for_a_new_openid_create_one_user(unionid: bool, fakes: Any) -> None:
    # Given 10 fresh wx.login codes of one new WeChat user
    codes = [fakes.wx_login_code("newcomer", unionid=unionid)["code"] for _ in range(LOGINS)]
    statuses: list[int] = [0] * LOGINS
    start = threading.Barrier(LOGINS)

    def login(i: int) -> None:
        try:
            start.wait()
            response = APIClient().post("/api/v1/auth/wechat", {"code": codes[i]}, format="json")
            statuses[i] = response.status_code
        finally:
            connections.close_all()

    # When they all log in at the same moment
    threads = [threading.Thread(target=login, args=(i,)) for i in range(LOGINS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    # Then every login succeeded, on one account with one link per subject and one session
    assert statuses == [200] * LOGINS
    assert User.objects.count() == 1
    user = User.objects.get()
    expected = 2 if unionid else 1
    assert Identity.objects.filter(user=user, provider="wechat").count() == expected
    assert Identity.objects.count() == expected
    assert WeChatSession.objects.filter(user=user).count() == 1
