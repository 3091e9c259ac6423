"""Live frames reach a socket without a trip to the process's one sync thread per frame.

channels' stock `dispatch` runs `close_old_connections` through `sync_to_async` before every
handler; with 10,000 sockets a broadcast queued 10,000 such hops (bench/RESULTS.md, websocket).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from asgiref.sync import sync_to_async

from notifications.services import broadcast
from tests.notifications.test_websocket import _access, _communicator, _notify

pytestmark = pytest.mark.django_db(transaction=True)


def test_live_frames_are_dispatched_without_a_sync_hop(
    resident: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import channels.consumer

    hops: list[str] = []

    async def counted() -> None:
        hops.append("close_old_connections")

    monkeypatch.setattr(channels.consumer, "aclose_old_connections", counted)
    token = _access(resident)

    async def scenario() -> None:
        ws = _communicator(token, "last_id=0")
        await ws.connect()
        assert (await ws.receive_json_from(timeout=3))["type"] == "ready"
        hops.clear()
        # when a stored event, a broadcast and a ping arrive
        await _notify(resident, 1)
        await sync_to_async(broadcast)(event="notice", data={"n": 1})
        await ws.send_json_to({"type": "ping"})
        frames = [await ws.receive_json_from(timeout=3) for _ in range(3)]
        await ws.disconnect()
        # then all three were handled, and none went through the stock dispatch's hop
        assert sorted(f["type"] for f in frames) == ["broadcast", "event", "pong"]
        assert hops == []

    asyncio.run(scenario())
