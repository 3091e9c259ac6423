"""The Redis channel layer as configured keeps an idle socket's consumer alive.

channels_redis's `core` layer waits in BZPOPMIN for 5 s; redis-py 8 reads with a 5 s socket
timeout by default, so with a bare URL every consumer that heard nothing for 5 s died with
`TimeoutError: Timeout reading from …` and its socket was closed. The settings give the read
a longer timeout; this test waits past 5 s on both layers to show a late message still
arrives.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from channels_redis.core import RedisChannelLayer
from channels_redis.pubsub import RedisPubSubChannelLayer
from django.conf import settings as django_settings

pytestmark = pytest.mark.redis

IDLE_SECONDS = 6.5  # longer than BZPOPMIN's 5 s and redis-py's default read timeout


def _layers() -> dict[str, Any]:
    host = {
        key: value
        for key, value in django_settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"][0].items()
        if key != "max_connections"
    }
    return {
        "pubsub": RedisPubSubChannelLayer(hosts=[host], prefix="zbtest-pubsub"),
        "core": RedisChannelLayer(hosts=[{**host, "max_connections": 1000}], prefix="zbtest-core"),
    }


async def _late_message(layer: Any) -> dict[str, Any]:
    channel = await layer.new_channel()
    await layer.group_add("idle", channel)

    async def later() -> None:
        await asyncio.sleep(IDLE_SECONDS)
        await layer.group_send("idle", {"type": "stream.event", "payload": {"n": 1}})

    sender = asyncio.ensure_future(later())
    try:
        return await asyncio.wait_for(layer.receive(channel), IDLE_SECONDS + 5)
    finally:
        await sender
        await layer.flush()


def test_an_idle_consumer_still_receives_after_the_redis_read_timeout() -> None:
    layers = _layers()

    async def both() -> list[dict[str, Any]]:
        return await asyncio.gather(*(_late_message(layer) for layer in layers.values()))

    received = asyncio.run(both())
    assert received == [{"type": "stream.event", "payload": {"n": 1}}] * 2
