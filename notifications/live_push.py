"""Live pushes from synchronous code (WSGI workers, Celery) through one event loop per process.

`async_to_sync` runs each call in a fresh event loop, and channels_redis keeps its Redis
connections per loop, so every push from a WSGI worker opened and closed a Redis connection
(about 1 ms of a payment callback). With a Redis layer, a daemon thread per process runs one
loop for all pushes and the caller does not wait: a push is best effort anyway (a client that
misses it catches up from the database). The in-memory layer of the embedded default lives on
the ASGI server's own loop, so there `async_to_sync` stays (it hands the call to that loop).
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from typing import Any

from asgiref.sync import async_to_sync

logger = logging.getLogger(__name__)

# A push that Redis does not take within this long is given up (and logged), so a Redis outage
# cannot pile up pending pushes in a worker.
PUSH_TIMEOUT_SECONDS = 3.0

_lock = threading.Lock()
_loop: asyncio.AbstractEventLoop | None = None
_loop_pid: int | None = None


def _process_loop() -> asyncio.AbstractEventLoop:
    """The process's push loop, started on first use (and again in a forked child, which does
    not inherit the parent's thread)."""
    global _loop, _loop_pid
    with _lock:
        if _loop is None or _loop_pid != os.getpid():
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="zb-live-push", daemon=True).start()
            _loop, _loop_pid = loop, os.getpid()
        return _loop


def _uses_redis(layer: Any) -> bool:
    return type(layer).__module__.startswith("channels_redis")


def _log_failure(group: str) -> Callable[[Future[Any]], None]:
    def done(future: Future[Any]) -> None:
        exc = future.exception()
        if exc is not None:
            logger.error("live push to %s failed (%r); the client catches up on reconnect", group, exc)

    return done


def group_send(layer: Any, group: str, message: dict[str, Any]) -> Future[Any] | None:
    """Send `message` to `group` from synchronous code; returns the pending push (Redis) or None
    once it was delivered to the in-process layer."""
    if not _uses_redis(layer):
        async_to_sync(layer.group_send)(group, message)
        return None

    def send() -> Awaitable[Any]:
        return asyncio.wait_for(layer.group_send(group, message), PUSH_TIMEOUT_SECONDS)

    future = asyncio.run_coroutine_threadsafe(_coroutine(send), _process_loop())
    future.add_done_callback(_log_failure(group))
    return future


async def _coroutine(factory: Callable[[], Awaitable[Any]]) -> Any:
    return await factory()
