"""`/ws/v1/events`: the resident's event stream over a websocket (contract: openapi/asyncapi.yaml).

Authentication: `Authorization: Bearer <access token>` (apps, mini-programs) or
`?ticket=<one-time ticket>` from `POST /api/v1/ws-ticket` (browsers). The socket is accepted
and then closed with a documented code when that fails, because a refusal before accept
reaches the client only as an HTTP 403 without a reason.

Catching up: the client sends `{"type": "hello", "last_id": n}` (or opens with
`?last_id=n`) and receives every stored event with id > n in order, then live ones. Live
events that arrive before the catch-up is done are held back, and any gap is filled from the
database, so nothing is lost and nothing repeats across reconnects and server restarts.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from typing import Any
from urllib.parse import parse_qs

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from rest_framework_simplejwt.exceptions import ExpiredTokenError, TokenError
from rest_framework_simplejwt.tokens import AccessToken

from notifications import selectors, services

CLOSE_GOING_AWAY = 1001  # the server is going away, or the client missed heartbeats: reconnect
CLOSE_UNAUTHORIZED = 4001  # no, unknown or invalid credential, or the account is disabled
CLOSE_TOKEN_EXPIRED = 4002  # the access token expired: refresh it and reconnect with last_id
CLOSE_BAD_MESSAGE = 4400  # the client sent something that is not a valid frame
HELLO_WAIT_SECONDS = 2.0
REPLAY_BATCH = 500


class AuthFailed(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


@database_sync_to_async
def _user_for_token(raw: str) -> tuple[Any, float]:
    from backend.accounts.authentication import BearerAuthentication

    try:
        token = AccessToken(raw)
    except ExpiredTokenError as exc:
        raise AuthFailed(CLOSE_TOKEN_EXPIRED) from exc
    except TokenError as exc:
        raise AuthFailed(CLOSE_UNAUTHORIZED) from exc
    try:
        user = BearerAuthentication().get_user(token)
    except Exception as exc:
        raise AuthFailed(CLOSE_UNAUTHORIZED) from exc
    return user, float(token["exp"])


@database_sync_to_async
def _user_for_ticket(ticket: str) -> tuple[Any, float]:
    user = services.ws_ticket_redeem(ticket=ticket)
    if user is None:
        raise AuthFailed(CLOSE_UNAUTHORIZED)
    lifetime = settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"].total_seconds()
    return user, time.time() + lifetime


@database_sync_to_async
def _events_after(user_id: Any, after: int) -> list[dict[str, Any]]:
    return [
        services.event_payload(e)
        for e in selectors.stream_after(user_id=user_id, after=after, limit=REPLAY_BATCH)
    ]


@database_sync_to_async
def _last_id(user_id: Any) -> int:
    return selectors.stream_last_id(user_id=user_id)


class EventStreamConsumer(AsyncWebsocketConsumer):
    async def dispatch(self, message: dict[str, Any]) -> None:
        """channels' dispatch without its `close_old_connections` hop before every handler.

        That hop is a trip to the one thread all sync code of the process shares, per frame:
        a broadcast to 10,000 sockets queued 10,000 of them there (seconds; bench/RESULTS.md,
        websocket). Every database call here goes through `database_sync_to_async`, which
        closes stale connections itself, in the thread that uses them.
        """
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self) -> None:
        self.user_id: Any = None
        self.ready = False
        self.last_sent = 0
        self.held: list[dict[str, Any]] = []
        self.lock = asyncio.Lock()
        self.tasks: list[asyncio.Task[Any]] = []
        self.awaiting_pong = 0
        await self.accept()
        query = parse_qs(self.scope.get("query_string", b"").decode())
        try:
            user, expires_at = await self._authenticate(query)
        except AuthFailed as exc:
            await self.close(code=exc.code)
            return
        self.user_id = user.pk
        self.groups_joined = [services.user_group(user.pk), services.BROADCAST_GROUP]
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        self.tasks.append(asyncio.create_task(self._expire_at(expires_at)))
        self.tasks.append(asyncio.create_task(self._heartbeat()))
        last_id = query.get("last_id", [None])[0]
        if last_id is not None and last_id.isdigit():
            await self._catch_up(int(last_id))
        else:
            self.tasks.append(asyncio.create_task(self._hello_timeout()))

    async def _authenticate(self, query: dict[str, list[str]]) -> tuple[Any, float]:
        headers = dict(self.scope.get("headers", []))
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if auth.startswith("Bearer "):
            return await _user_for_token(auth[len("Bearer ") :].strip())
        ticket = query.get("ticket", [""])[0]
        if ticket:
            return await _user_for_ticket(ticket)
        raise AuthFailed(CLOSE_UNAUTHORIZED)

    async def disconnect(self, code: int) -> None:
        for task in self.tasks:
            task.cancel()
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    # --- frames from the client -------------------------------------------------------------
    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if self.user_id is None:
            return
        try:
            frame = json.loads(text_data or "")
            kind = frame["type"]
        except (ValueError, TypeError, KeyError):
            await self.close(code=CLOSE_BAD_MESSAGE)
            return
        if kind == "ping":
            await self._send({"type": "pong"})
        elif kind == "pong":
            self.awaiting_pong = 0
        elif kind == "hello":
            last_id = frame.get("last_id")
            if last_id is None:
                last_id = await _last_id(self.user_id)
            if not isinstance(last_id, int) or last_id < 0:
                await self.close(code=CLOSE_BAD_MESSAGE)
                return
            if not self.ready:
                await self._catch_up(last_id)
        else:
            await self.close(code=CLOSE_BAD_MESSAGE)

    # --- the stream ---------------------------------------------------------------------------
    async def _catch_up(self, last_id: int) -> None:
        """Send everything stored after `last_id`, then what was held back, then go live."""
        async with self.lock:
            if self.ready:
                return
            self.last_sent = last_id
            await self._fill_gap()
            held, self.held = self.held, []
            for payload in sorted(held, key=lambda p: p["id"]):
                await self._send_event(payload)
            self.ready = True
            await self._send({"type": "ready", "last_id": self.last_sent})

    async def _fill_gap(self) -> None:
        while True:
            batch = await _events_after(self.user_id, self.last_sent)
            for payload in batch:
                await self._send(payload)
                self.last_sent = payload["id"]
            if len(batch) < REPLAY_BATCH:
                return

    async def _send_event(self, payload: dict[str, Any]) -> None:
        if payload["id"] <= self.last_sent:
            return  # already sent (replay and live overlap)
        if payload["id"] > self.last_sent + 1:
            await self._fill_gap()  # a live push was lost: the database has it
            if payload["id"] <= self.last_sent:
                return
        await self._send(payload)
        self.last_sent = payload["id"]

    async def stream_event(self, message: dict[str, Any]) -> None:
        """A live push from the channel layer (user group or broadcast)."""
        payload = message["payload"]
        if payload.get("type") != "event":  # broadcast, unread: live only, no id, no order
            await self._send(payload)
            return
        async with self.lock:
            if not self.ready:
                self.held.append(payload)
                return
            await self._send_event(payload)

    # --- housekeeping -----------------------------------------------------------------------
    async def _hello_timeout(self) -> None:
        """A client that sends no `hello` gets live events from the moment it connected."""
        await asyncio.sleep(HELLO_WAIT_SECONDS)
        if not self.ready:
            held_ids = [p["id"] for p in self.held]
            last = await _last_id(self.user_id)
            start = min([*held_ids, last + 1]) - 1
            await self._catch_up(start)

    async def _heartbeat(self) -> None:
        interval = settings.NOTIFY_WS_HEARTBEAT_SECONDS
        while True:
            await asyncio.sleep(interval)
            if self.awaiting_pong >= 2:
                await self.close(code=CLOSE_GOING_AWAY)
                return
            self.awaiting_pong += 1
            await self._send({"type": "ping"})

    async def _expire_at(self, expires_at: float) -> None:
        await asyncio.sleep(max(0.0, expires_at - time.time()))
        await self.close(code=CLOSE_TOKEN_EXPIRED)

    async def _send(self, payload: dict[str, Any]) -> None:
        with contextlib.suppress(Exception):  # the socket is closing; the client will catch up
            await self.send(text_data=json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
