"""Live pushes from synchronous code share one Redis connection per process.

Before, each push ran in a fresh event loop (`async_to_sync`), and channels_redis opened and
closed a connection for every loop: one TCP connect per payment callback.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest
import redis
from channels_redis.pubsub import RedisPubSubChannelLayer
from django.conf import settings as django_settings

from notifications import live_push

pytestmark = pytest.mark.redis

PUSHES = 20


def _layer() -> RedisPubSubChannelLayer:
    host = django_settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"][0]
    return RedisPubSubChannelLayer(hosts=[host], prefix="zbtest-livepush")


def _connections_made(client: redis.Redis) -> int:
    """Connections the Redis server has accepted since it started (any client)."""
    return int(client.info("stats")["total_connections_received"])


def test_pushes_from_sync_code_reuse_one_connection_and_arrive_in_order() -> None:
    layer = _layer()
    server = redis.Redis.from_url(django_settings.REDIS_URL)
    counts: dict[str, int] = {}

    def push_from_a_worker_thread() -> None:
        # The first push starts the process's loop and its connection; the rest reuse them.
        live_push.group_send(layer, "user.livepush", {"type": "stream.event", "payload": {"n": 0}}).result(5)
        counts["after_first"] = _connections_made(server)
        pending = [
            live_push.group_send(layer, "user.livepush", {"type": "stream.event", "payload": {"n": n}})
            for n in range(1, PUSHES)
        ]
        for future in pending:
            future.result(5)
        counts["after_all"] = _connections_made(server)

    async def scenario() -> list[dict[str, Any]]:
        channel = await layer.new_channel()
        await layer.group_add("user.livepush", channel)
        worker = threading.Thread(target=push_from_a_worker_thread)
        worker.start()
        received = [await asyncio.wait_for(layer.receive(channel), 5) for _ in range(PUSHES)]
        await asyncio.to_thread(worker.join, 10)
        await layer.flush()
        return received

    received = asyncio.run(scenario())
    assert [m["payload"]["n"] for m in received] == list(range(PUSHES))
    # Other suites may share the server: allow a few, far fewer than one per push.
    assert counts["after_all"] - counts["after_first"] < PUSHES // 4


def test_a_push_that_redis_cannot_take_is_given_up_and_logged(caplog: Any) -> None:
    layer = RedisPubSubChannelLayer(
        hosts=[{"address": "redis://127.0.0.1:1", "socket_connect_timeout": 0.5}], prefix="zbtest-down"
    )
    future = live_push.group_send(layer, "user.nobody", {"type": "stream.event", "payload": {}})
    with pytest.raises(Exception):  # noqa: B017 - whatever redis-py raises for a refused connection
        future.result(10)
    # The failure is logged by the future's callback, in the push loop's thread.
    for _ in range(50):
        if any("live push to user.nobody failed" in r.getMessage() for r in caplog.records):
            break
        time.sleep(0.05)
    else:
        pytest.fail("the failed push was not logged")
