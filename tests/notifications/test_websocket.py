"""`/ws/v1/events`: authentication, close codes, catching up after a reconnect, heartbeat."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing.websocket import WebsocketCommunicator
from rest_framework_simplejwt.tokens import AccessToken

from backend.accounts.tokens import tokens_issue
from notifications.consumers import CLOSE_BAD_MESSAGE, CLOSE_TOKEN_EXPIRED, CLOSE_UNAUTHORIZED
from notifications.services import notify, ws_ticket_issue

pytestmark = pytest.mark.django_db(transaction=True)

ORIGIN = [(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1")]


def _app() -> Any:
    from backend.config.asgi import application

    return application


def _communicator(token: str | None = None, query: str = "") -> WebsocketCommunicator:
    headers = list(ORIGIN)
    if token:
        headers.append((b"authorization", f"Bearer {token}".encode()))
    path = "/ws/v1/events" + (f"?{query}" if query else "")
    return WebsocketCommunicator(_app(), path, headers=headers)


@database_sync_to_async
def _notify(user: Any, n: int) -> None:
    notify(
        event="application.accepted",
        recipient=user,
        params={"service_name": "居住证", "receipt_number": f"GA{n:04d}"},
        dedupe_key=f"app-{n}:accepted",
        subject_type="application",
        subject_id=f"app-{n}",
    )


def _access(user: Any) -> str:
    return tokens_issue(user, amr=["sms"])["access"]


async def _closed_with(communicator: WebsocketCommunicator) -> int:
    connected, _ = await communicator.connect()
    assert connected  # accepted, so that the close code reaches the client
    frame = await communicator.receive_output(timeout=3)
    assert frame["type"] == "websocket.close"
    return frame["code"]


def test_no_credential_is_closed_unauthorized(db: Any) -> None:
    assert asyncio.run(_closed_with(_communicator())) == CLOSE_UNAUTHORIZED


def test_bad_token_is_closed_unauthorized(db: Any) -> None:
    assert asyncio.run(_closed_with(_communicator("not-a-jwt"))) == CLOSE_UNAUTHORIZED


def test_forged_token_is_closed_unauthorized(resident: Any) -> None:
    access = _access(resident)
    header, payload, signature = access.split(".")
    forged = f"{header}.{payload}.{signature[::-1]}"
    assert asyncio.run(_closed_with(_communicator(forged))) == CLOSE_UNAUTHORIZED


def test_expired_token_is_closed_token_expired(resident: Any) -> None:
    token = AccessToken()
    token["sub"], token["kind"], token["amr"] = str(resident.pk), "resident", ["sms"]
    token.set_exp(lifetime=timedelta(seconds=-30))
    assert asyncio.run(_closed_with(_communicator(str(token)))) == CLOSE_TOKEN_EXPIRED


def test_ticket_works_once(resident: Any) -> None:
    ticket, _ = ws_ticket_issue(user=resident)

    async def scenario() -> None:
        first = _communicator(query=f"ticket={ticket}&last_id=0")
        await first.connect()
        assert await first.receive_json_from(timeout=3) == {"type": "ready", "last_id": 0}
        await first.disconnect()
        assert await _closed_with(_communicator(query=f"ticket={ticket}")) == CLOSE_UNAUTHORIZED

    asyncio.run(scenario())


def test_ping_pong_and_bad_frames(resident: Any) -> None:
    token = _access(resident)

    async def scenario() -> None:
        ws = _communicator(token, "last_id=0")
        await ws.connect()
        assert (await ws.receive_json_from(timeout=3))["type"] == "ready"
        await ws.send_json_to({"type": "ping"})
        assert await ws.receive_json_from(timeout=3) == {"type": "pong"}
        await ws.send_to(text_data="{not json")
        frame = await ws.receive_output(timeout=3)
        assert frame == {"type": "websocket.close", "code": CLOSE_BAD_MESSAGE}

    asyncio.run(scenario())


def test_server_heartbeat_and_missed_pongs(resident: Any, settings: Any) -> None:
    settings.NOTIFY_WS_HEARTBEAT_SECONDS = 0.2

    token = _access(resident)

    async def scenario() -> None:
        ws = _communicator(token, "last_id=0")
        await ws.connect()
        assert (await ws.receive_json_from(timeout=3))["type"] == "ready"
        assert await ws.receive_json_from(timeout=3) == {"type": "ping"}
        await ws.send_json_to({"type": "pong"})
        assert await ws.receive_json_from(timeout=3) == {"type": "ping"}
        assert await ws.receive_json_from(timeout=3) == {"type": "ping"}
        frame = await ws.receive_output(timeout=3)  # two pings unanswered: going away
        assert frame == {"type": "websocket.close", "code": 1001}

    asyncio.run(scenario())


def test_reconnect_with_last_id_gets_exactly_the_missed_events_then_live(resident: Any) -> None:
    token = _access(resident)

    async def scenario() -> None:
        # given a connected client that has seen event 1
        ws = _communicator(token)
        await ws.connect()
        await ws.send_json_to({"type": "hello", "last_id": 0})
        assert await ws.receive_json_from(timeout=3) == {"type": "ready", "last_id": 0}
        await _notify(resident, 1)
        live = await ws.receive_json_from(timeout=3)
        assert (live["type"], live["id"], live["event"]) == ("event", 1, "application.accepted")
        assert live["data"]["body"] == "您的居住证申请已受理，受理编号GA0001。"
        last_seen = live["id"]
        await ws.disconnect()
        # when three events happen while it is away
        for n in (2, 3, 4):
            await _notify(resident, n)
        # then on reconnect with its last id it gets exactly those three, in order
        ws = _communicator(token)
        await ws.connect()
        await ws.send_json_to({"type": "hello", "last_id": last_seen})
        replayed = [await ws.receive_json_from(timeout=3) for _ in range(3)]
        assert [(f["id"], f["data"]["subject_id"]) for f in replayed] == [
            (2, "app-2"),
            (3, "app-3"),
            (4, "app-4"),
        ]
        assert await ws.receive_json_from(timeout=3) == {"type": "ready", "last_id": 4}
        # and then live ones, and nothing twice
        await _notify(resident, 5)
        assert (await ws.receive_json_from(timeout=3))["id"] == 5
        assert await ws.receive_nothing(timeout=0.3)
        await ws.disconnect()

    asyncio.run(scenario())


def test_events_during_the_catch_up_are_neither_lost_nor_doubled(resident: Any) -> None:
    token = _access(resident)

    async def scenario() -> None:
        for n in (1, 2):
            await _notify(resident, n)
        ws = _communicator(token)
        await ws.connect()
        # a live event arrives before the client said hello: it is held back
        await _notify(resident, 3)
        assert await ws.receive_nothing(timeout=0.3)
        await ws.send_json_to({"type": "hello", "last_id": 0})
        frames = [await ws.receive_json_from(timeout=3) for _ in range(4)]
        assert [f.get("id") for f in frames[:3]] == [1, 2, 3]
        assert frames[3] == {"type": "ready", "last_id": 3}
        assert await ws.receive_nothing(timeout=0.3)
        await ws.disconnect()

    asyncio.run(scenario())


def test_other_residents_events_never_arrive(resident: Any, make_resident: Any) -> None:
    other = make_resident()

    token = _access(resident)

    async def scenario() -> None:
        ws = _communicator(token, "last_id=0")
        await ws.connect()
        assert (await ws.receive_json_from(timeout=3))["type"] == "ready"
        await _notify(other, 1)
        assert await ws.receive_nothing(timeout=0.3)
        await ws.disconnect()

    asyncio.run(scenario())
