"""Reads of notifications: the resident's inbox and event stream."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from notifications.constants import Channel
from notifications.models import Message, UserEvent


def inbox_list(*, user: Any, unread: bool | None = None) -> QuerySet[Message]:
    """The resident's inbox, newest first; only their own rows."""
    qs = Message.objects.filter(recipient=user, channel=Channel.INBOX).order_by("-created_at", "-pk")
    if unread is True:
        qs = qs.filter(read_at__isnull=True)
    elif unread is False:
        qs = qs.filter(read_at__isnull=False)
    return qs


def inbox_unread_count(*, user: Any) -> int:
    return Message.objects.filter(recipient=user, channel=Channel.INBOX, read_at__isnull=True).count()


def stream_after(*, user_id: Any, after: int, limit: int = 500) -> list[UserEvent]:
    """The user's stream entries with id > `after`, in order (at most `limit`)."""
    return list(UserEvent.objects.filter(user_id=user_id, stream_id__gt=after).order_by("stream_id")[:limit])


def stream_last_id(*, user_id: Any) -> int:
    last = (
        UserEvent.objects.filter(user_id=user_id).order_by("-stream_id").values_list("stream_id", flat=True)
    )
    return last.first() or 0
