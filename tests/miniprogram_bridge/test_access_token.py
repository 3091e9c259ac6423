"""The mini-program access token: cached, refreshed by one caller at a time, retried once."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from django.core.cache import cache

from miniprogram_bridge.wechat_client import wechat_client

CALLERS = 20


def _phone_calls_in_parallel(fakes: Any, n: int) -> list[Any]:
    """`n` threads each fetch a phone number through the real client at the same moment."""
    codes = [fakes.wx_phone_code(f"user{i}", f"1381234{i:04d}") for i in range(n)]
    results: list[Any] = [None] * n
    start = threading.Barrier(n)

    def call(i: int) -> None:
        start.wait()
        try:
            results[i] = wechat_client().wxa.get_phone_number(codes[i])
        except Exception as exc:  # kept for the assertion message
            results[i] = exc

    threads = [threading.Thread(target=call, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return results


def _expire_our_cached_token(client: Any) -> None:
    entry = cache.get(client._token_key)
    cache.set(client._token_key, {**entry, "expires_at": time.time() - 1}, timeout=60)


def test_twenty_callers_after_expiry_cause_one_refresh(fakes: Any) -> None:
    # Given a token that has been used, then expired (at WeChat and in our cache)
    client = wechat_client()
    client.wxa.get_phone_number(fakes.wx_phone_code("warmup", "13800000000"))
    assert fakes.wx_stats()["token_refreshes"] == 1
    fakes.wx_expire_tokens()
    _expire_our_cached_token(client)

    # When 20 callers need the token at once
    results = _phone_calls_in_parallel(fakes, CALLERS)

    # Then all succeed and WeChat saw exactly one more stable_token call
    assert all(isinstance(r, dict) and r["errcode"] == 0 for r in results), results
    assert fakes.wx_stats()["token_refreshes"] == 2


def test_a_token_rejected_as_invalid_is_refreshed_once_and_the_call_retried(fakes: Any) -> None:
    # Given our cache holds a token WeChat has since expired (42001) — e.g. another system
    # forced a refresh
    client = wechat_client()
    client.wxa.get_phone_number(fakes.wx_phone_code("warmup", "13800000000"))
    fakes.wx_expire_tokens()

    # When 20 callers use it at once
    results = _phone_calls_in_parallel(fakes, CALLERS)

    # Then every call succeeds after one refresh in total
    assert all(isinstance(r, dict) and r["errcode"] == 0 for r in results), results
    assert fakes.wx_stats()["token_refreshes"] == 2


def test_the_token_is_reused_while_valid(fakes: Any) -> None:
    for i in range(3):
        wechat_client().wxa.get_phone_number(fakes.wx_phone_code(f"u{i}", f"1380000000{i}"))
    assert fakes.wx_stats()["token_refreshes"] == 1


def test_login_needs_no_access_token(wechat_login: Any, fakes: Any, db: Any) -> None:
    """wechatpy 1.8.18 fetched a token (from a hard-coded URL) before jscode2session."""
    response = wechat_login("alice")
    assert response.status_code == 200, response.content
    assert fakes.wx_stats()["token_refreshes"] == 0, fakes.wx_stats()


@pytest.mark.redis
def test_the_token_lives_in_redis_shared_by_every_process(fakes: Any, settings: Any) -> None:
    from django_redis import get_redis_connection

    client = wechat_client()
    client.wxa.get_phone_number(fakes.wx_phone_code("warmup", "13800000000"))
    keys = get_redis_connection("default").keys(f"*{client._token_key}*")
    assert keys, "the access token is cached in Redis"
