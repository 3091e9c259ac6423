"""The ASGI app of bench/ws_fanout.py's A/B case (`N:stock`): the event-stream consumer with
channels' stock `dispatch`, which hops to the process's one sync thread before every handler
(`close_old_connections`). notifications/consumers.py overrides it; this puts it back.
"""

from channels.consumer import AsyncConsumer

from backend.config.asgi import application
from notifications.consumers import EventStreamConsumer

EventStreamConsumer.dispatch = AsyncConsumer.dispatch  # type: ignore[method-assign]

__all__ = ["application"]
