"""The resident's websocket `/ws/v1/events`, held open in a thread while the journey runs.

Protocol (openapi/asyncapi.yaml): `Authorization: Bearer <access>`; the client says
`{"type": "hello", "last_id": 0}`, gets every stored event, then `ready`, then live events;
the server's `ping` is answered with `pong`.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

Frame = dict[str, Any]


class EventStream:
    def __init__(
        self, ws_url: str, access_token: str, *, on_event: Callable[[Frame], None] | None = None
    ) -> None:
        self.url = ws_url
        self.token = access_token
        self.on_event = on_event
        self.frames: list[Frame] = []
        self.closed_with: int | None = None
        self._cond = threading.Condition()
        self._ws: ClientConnection | None = None
        self._thread: threading.Thread | None = None

    def open(self, timeout: float = 15.0) -> Frame:
        """Connect, say hello, and return the `ready` frame."""
        self._ws = connect(
            self.url, additional_headers={"Authorization": f"Bearer {self.token}"}, open_timeout=timeout
        )
        self._ws.send(json.dumps({"type": "hello", "last_id": 0}))
        self._thread = threading.Thread(target=self._read, name="simulator-ws", daemon=True)
        self._thread.start()
        return self.wait_for(lambda f: f.get("type") == "ready", timeout)

    def _read(self) -> None:
        assert self._ws is not None
        try:
            for raw in self._ws:
                frame = json.loads(raw)
                if frame.get("type") == "ping":
                    self._ws.send(json.dumps({"type": "pong"}))
                    continue
                with self._cond:
                    self.frames.append(frame)
                    self._cond.notify_all()
                if frame.get("type") == "event" and self.on_event:
                    self.on_event(frame)
        except ConnectionClosed as exc:
            self.closed_with = exc.rcvd.code if exc.rcvd else None
        finally:
            with self._cond:
                self._cond.notify_all()

    def events(self) -> list[Frame]:
        with self._cond:
            return [f for f in self.frames if f.get("type") == "event"]

    def wait_for(self, predicate: Callable[[Frame], bool], timeout: float = 15.0) -> Frame:
        """The first frame so far or to come that matches; TimeoutError after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for frame in self.frames:
                    if predicate(frame):
                        return frame
                left = deadline - time.monotonic()
                if left <= 0 or (self._thread is not None and not self._thread.is_alive()):
                    raise TimeoutError(f"no matching websocket frame within {timeout:.0f} s")
                self._cond.wait(left)

    def wait_event(self, name: str, *, subject_id: str = "", timeout: float = 15.0) -> Frame:
        def match(frame: Frame) -> bool:
            data = frame.get("data") or {}
            return (
                frame.get("type") == "event"
                and frame.get("event") == name
                and (not subject_id or data.get("subject_id") == subject_id)
            )

        return self.wait_for(match, timeout)

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
