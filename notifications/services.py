"""Writes of notifications: `notify` (the outbox), the event stream, the inbox, websocket tickets.

`notify` is the one entry point for the domain (interface 2 of the team brief): called
INSIDE the caller's transaction, so the outbox rows and the stream entry commit or roll back
with the state change that caused them; delivery starts after commit.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import timedelta
from typing import Any

from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.core.compiled_write import rows_insert
from backend.core.errors import ApplicationError
from notifications import live_push, routing
from notifications.constants import Channel, MessageState
from notifications.models import Message, StreamCursor, UserEvent, WsTicket

logger = logging.getLogger(__name__)

__all__ = ["message_mark_read", "notify", "stream_append", "ws_ticket_issue", "ws_ticket_redeem"]


def user_group(user_id: Any) -> str:
    """The channel-layer group of one user's live stream."""
    return f"user.{user_id}"


BROADCAST_GROUP = "broadcast"


@transaction.atomic(savepoint=False)
def notify(
    *,
    event: str,
    recipient: Any,
    params: dict[str, Any],
    dedupe_key: str,
    subject_type: str = "",
    subject_id: str = "",
) -> list[Message]:
    """Tell `recipient` about `event`: outbox rows per routed channel + one stream entry.

    Preconditions: called inside the caller's transaction (it joins it, without a savepoint);
    `params` is JSON-serialisable and carries no personal data beyond what the text needs.
    Idempotent: a second call with the same `dedupe_key` writes nothing and returns the rows
    the first call wrote. Side effects after commit: a websocket push of the stream entry and
    one delivery task per external message. SMS inside quiet hours is held until 08:00
    Asia/Shanghai unless the event's route is urgent.

    A fixed, small number of statements (it runs inside locked money transactions): the
    recipient's stream cursor is locked and advanced (one upsert), which also serialises
    every notify() of this recipient; the stream entry is inserted unless this `dedupe_key`
    has one (then it was told before: nothing is written); the messages go in one bulk
    insert. Routes and templates come from the process's snapshot (`routing.rules`).
    """
    stream_id = _stream_advance(recipient)
    route = routing.rules().route(event)
    language = getattr(recipient, "preferred_language", "") or routing.DEFAULT_LANGUAGE
    now = timezone.now()
    created: list[Message] = []
    for channel in routing.channels_for(route=route, user=recipient):
        rendered = routing.render(event=event, channel=channel, language=language, params=params)
        held_until = None
        if channel == Channel.SMS and not (route and route.urgent):
            held_until = routing.quiet_hours_end(now)
        message = Message(
            recipient=recipient,
            event=event,
            channel=channel,
            dedupe_key=dedupe_key,
            language=language,
            params=params,
            title=rendered.title,
            body=rendered.body,
            subject_type=subject_type,
            subject_id=subject_id,
            next_attempt_at=held_until or now,
            held_until=held_until,
        )
        if channel == Channel.INBOX:
            # The inbox is our own table: the row *is* the delivery, exactly once, atomic with
            # the change that caused it.
            message.state = MessageState.DELIVERED
            message.delivered_at = now
        created.append(message)
    inbox = next(m for m in created if m.channel == Channel.INBOX)  # every event has one
    entry = UserEvent(
        user=recipient,
        stream_id=stream_id,
        event=event,
        dedupe_key=dedupe_key,
        data={
            "params": params,
            "title": inbox.title,
            "body": inbox.body,
            "message_id": str(inbox.pk),
            "subject_type": subject_type,
            "subject_id": subject_id,
        },
    )
    if not _insert_unless_told(entry):
        # Told before: the stream entry and the messages were written together then.
        _stream_give_back(recipient)
        return list(Message.objects.filter(recipient=recipient, dedupe_key=dedupe_key))
    # No conflict is possible: the cursor lock serialises this recipient's notify() calls, and
    # the messages of a dedupe_key are only ever written with its (new) stream entry.
    rows_insert(created)  # one INSERT, its SQL built once per process (backend/core/compiled_write.py)
    _push_after_commit(entry)
    due = [m.pk for m in created if m.channel != Channel.INBOX and m.held_until is None]
    if due:
        transaction.on_commit(lambda: _enqueue_delivery(due))
    return created


@transaction.atomic
def sms_fallback(*, message: Message) -> Message | None:
    """An SMS for an event whose subscribe message could not go out (consent spent or refused).

    Idempotent through the outbox's unique key; respects quiet hours like any SMS.
    """
    if not message.recipient.phone:
        return None
    now = timezone.now()
    rendered = routing.render(
        event=message.event, channel=Channel.SMS, language=message.language, params=message.params
    )
    held_until = routing.quiet_hours_end(now)
    sms, created = Message.objects.get_or_create(
        dedupe_key=message.dedupe_key,
        recipient=message.recipient,
        channel=Channel.SMS,
        defaults={
            "event": message.event,
            "language": message.language,
            "params": message.params,
            "title": rendered.title,
            "body": rendered.body,
            "subject_type": message.subject_type,
            "subject_id": message.subject_id,
            "next_attempt_at": held_until or now,
            "held_until": held_until,
        },
    )
    if created and held_until is None:
        transaction.on_commit(lambda: _enqueue_delivery([sms.pk]))
    return sms


def _enqueue_delivery(message_ids: list[Any]) -> None:
    from notifications import tasks

    for message_id in message_ids:
        try:
            tasks.deliver_message.delay(str(message_id))
        except Exception:  # a lost broker message is picked up by the sweeper
            logger.exception("could not enqueue delivery of %s; the sweeper will", message_id)


def _stream_advance(user: Any) -> int:
    """Lock `user`'s stream cursor (creating it) and advance it by one: the next stream id.

    One statement (an upsert with RETURNING, on PostgreSQL and SQLite alike); the row stays
    locked until the caller's transaction ends, so ids become visible in id order.
    """
    table = connection.ops.quote_name(StreamCursor._meta.db_table)
    user_col = connection.ops.quote_name(StreamCursor._meta.pk.column)
    last_col = connection.ops.quote_name(StreamCursor._meta.get_field("last_id").column)
    user_id = StreamCursor._meta.pk.get_db_prep_value(user.pk, connection)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({user_col}, {last_col}) VALUES (%s, 1) "  # noqa: S608 - names from _meta
            f"ON CONFLICT ({user_col}) DO UPDATE SET {last_col} = {table}.{last_col} + 1 "
            f"RETURNING {last_col}",
            [user_id],
        )
        return int(cursor.fetchone()[0])


def _stream_give_back(user: Any) -> None:
    """Undo `_stream_advance` (its lock is still held, so nobody took a later id)."""
    StreamCursor.objects.filter(user=user).update(last_id=F("last_id") - 1)


def _insert_unless_told(entry: UserEvent) -> bool:
    """Insert the stream entry unless its (user, dedupe_key) has one; whether it was inserted.

    One `INSERT … ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id` (PostgreSQL and
    SQLite): the unique constraint answers "told before?" in the same round trip as the write.
    """
    opts = UserEvent._meta
    qn = connection.ops.quote_name
    fields = [f for f in opts.concrete_fields if not f.primary_key]
    values = [f.get_db_prep_save(f.pre_save(entry, add=True), connection) for f in fields]
    conflict = ", ".join(qn(opts.get_field(name).column) for name in ("user", "dedupe_key"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {qn(opts.db_table)} ({', '.join(qn(f.column) for f in fields)}) "  # noqa: S608 - names from _meta
            f"VALUES ({', '.join(['%s'] * len(fields))}) "
            f"ON CONFLICT ({conflict}) DO NOTHING RETURNING {qn(opts.pk.column)}",
            values,
        )
        row = cursor.fetchone()
    if row is None:
        return False
    entry.pk = row[0]
    entry._state.adding, entry._state.db = False, connection.alias
    return True


def _push_after_commit(entry: UserEvent) -> None:
    payload = event_payload(entry)
    group = user_group(entry.user_id)
    transaction.on_commit(lambda: push_live(group, payload))


@transaction.atomic(savepoint=False)
def stream_append(*, user: Any, event: str, data: dict[str, Any], dedupe_key: str) -> UserEvent:
    """Append one entry to `user`'s event stream and push it live after commit.

    The user's cursor row is locked, so ids are handed out one by one in commit order (a
    plain sequence could commit 11 before 10 and a client at 11 would never see 10).
    Idempotent per `dedupe_key` (a repeat gives its id back: the ids stay contiguous).
    """
    entry = UserEvent(
        user=user, stream_id=_stream_advance(user), event=event, data=data, dedupe_key=dedupe_key
    )
    if not _insert_unless_told(entry):
        _stream_give_back(user)
        return UserEvent.objects.get(user=user, dedupe_key=dedupe_key)
    _push_after_commit(entry)
    return entry


def event_payload(entry: UserEvent) -> dict[str, Any]:
    """The websocket frame of one stream entry (documented in openapi/asyncapi.yaml)."""
    return {
        "type": "event",
        "id": entry.stream_id,
        "event": entry.event,
        "occurred_at": entry.created_at.isoformat(),
        "data": entry.data,
    }


def push_live(group: str, payload: dict[str, Any]) -> None:
    """Best effort: a client that misses it gets it from the database on reconnect."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        live_push.group_send(layer, group, {"type": "stream.event", "payload": payload})
    except Exception:
        logger.exception("live push to %s failed; the client catches up on reconnect", group)


def broadcast(*, event: str, data: dict[str, Any]) -> None:
    """A live frame to every connected client (not stored: notices, not personal events)."""
    push_live(
        BROADCAST_GROUP,
        {"type": "broadcast", "event": event, "occurred_at": timezone.now().isoformat(), "data": data},
    )


class MessageNotFound(ApplicationError):
    status = 404
    code = "not_found"
    title = _("The resource was not found.")


@transaction.atomic
def message_mark_read(*, user: Any, message_id: Any) -> Message:
    """Mark one of the resident's inbox messages read (idempotent). Another's message: 404."""
    message = (
        Message.objects.select_for_update()
        .filter(pk=message_id, recipient=user, channel=Channel.INBOX)
        .first()
    )
    if message is None:
        raise MessageNotFound()
    if message.read_at is None:
        message.read_at = timezone.now()
        message.save(update_fields=["read_at", "updated_at"])
        _push_unread_after_commit(user)
    return message


def _push_unread_after_commit(user: Any) -> None:
    """The resident's other devices update their badge (a live frame, not a stored event)."""
    from notifications.selectors import inbox_unread_count

    def push() -> None:
        push_live(user_group(user.pk), {"type": "unread", "unread": inbox_unread_count(user=user)})

    transaction.on_commit(push)


@transaction.atomic
def message_mark_all_read(*, user: Any) -> int:
    """Mark all of the resident's unread inbox messages read; returns how many changed."""
    updated = Message.objects.filter(recipient=user, channel=Channel.INBOX, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if updated:
        _push_unread_after_commit(user)
    return updated


def _ticket_hash(ticket: str) -> str:
    return hashlib.sha256(ticket.encode()).hexdigest()


@transaction.atomic
def ws_ticket_issue(*, user: Any) -> tuple[str, WsTicket]:
    """A one-time websocket ticket for a browser (valid `NOTIFY_WS_TICKET_SECONDS`).

    Only its hash is stored; the plain ticket is returned once.
    """
    ticket = secrets.token_urlsafe(32)
    row = WsTicket.objects.create(
        ticket_hash=_ticket_hash(ticket),
        user=user,
        expires_at=timezone.now() + timedelta(seconds=settings.NOTIFY_WS_TICKET_SECONDS),
    )
    WsTicket.objects.filter(user=user, expires_at__lt=timezone.now() - timedelta(hours=1)).delete()
    return ticket, row


@transaction.atomic
def ws_ticket_redeem(*, ticket: str) -> Any | None:
    """The user of a valid, unused ticket, spending it; None otherwise (expired, used, unknown)."""
    now = timezone.now()
    spent = WsTicket.objects.filter(
        ticket_hash=_ticket_hash(ticket), used_at__isnull=True, expires_at__gt=now
    ).update(used_at=now)
    if spent != 1:
        return None
    row = WsTicket.objects.select_related("user").get(ticket_hash=_ticket_hash(ticket))
    return row.user if row.user.is_active else None


def messages_move(*, keep: Any, absorb: Any) -> None:
    """Account merge: `absorb`'s messages and stream entries become `keep`'s.

    Messages for an event `keep` already has on that channel are dropped (one event, one
    message); stream entries are appended to `keep`'s stream with new ids in their order.
    """
    for message in Message.objects.filter(recipient=absorb):
        if Message.objects.filter(
            recipient=keep, dedupe_key=message.dedupe_key, channel=message.channel
        ).exists():
            message.delete()
        else:
            Message.objects.filter(pk=message.pk).update(recipient=keep)
    StreamCursor.objects.get_or_create(user=keep)
    cursor = StreamCursor.objects.select_for_update().get(user=keep)
    for entry in UserEvent.objects.filter(user=absorb).order_by("stream_id"):
        if UserEvent.objects.filter(user=keep, dedupe_key=entry.dedupe_key).exists():
            entry.delete()
            continue
        cursor.last_id += 1
        UserEvent.objects.filter(pk=entry.pk).update(user=keep, stream_id=cursor.last_id)
    cursor.save(update_fields=["last_id"])
    StreamCursor.objects.filter(user=absorb).delete()
