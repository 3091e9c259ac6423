"""The `application_status_changed` event, emitted after the transition's transaction commits.

Listeners register at start-up (`register_status_listener`); each is called with a small
payload (ids and statuses, no personal data). A failing listener is logged and does not stop
the others: the state change itself has already committed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

StatusListener = Callable[[dict[str, Any]], None]
_listeners: dict[str, StatusListener] = {}


def register_status_listener(name: str, listener: StatusListener) -> None:
    """Call `listener(payload)` after every committed status change (same name replaces)."""
    _listeners[name] = listener


def unregister_status_listener(name: str) -> None:
    _listeners.pop(name, None)


def status_changed_emit(payload: dict[str, Any]) -> None:
    logger.info("application_status_changed", extra={"event": "application_status_changed", **payload})
    for name, listener in list(_listeners.items()):
        try:
            listener(payload)
        except Exception:
            logger.exception("application_status_changed listener %s failed", name)
