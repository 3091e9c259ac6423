"""Delivery of outbox rows: claim, hand to the channel, record the outcome, retry or give up.

A row is claimed (`pending → sending`, attempt counted, lease set) in a short transaction
that skips rows another worker holds; the provider is called outside any transaction; the
outcome is written in a second transaction. A worker that dies between the two leaves the
row in `sending` until its lease runs out; the sweeper then puts it back to `pending`. So for
external providers delivery is *at least once*: the provider may have accepted the message
the dead worker sent (README). Our own channels (inbox, websocket stream) are written in the
domain transaction and are exactly once.
"""

from __future__ import annotations

import logging
import random
import uuid
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from backend.core.ratelimit import Limit, get_limiter
from notifications.channels import ChannelError, send_via_channel
from notifications.constants import TRANSITIONS, MessageState
from notifications.models import DeliveryAttempt, EventRoute, Message
from notifications.routing import quiet_hours_end

logger = logging.getLogger(__name__)


class IllegalTransition(Exception):
    pass


def _move(message: Message, to: str, **fields: Any) -> None:
    """The one writer of `Message.state`: checks the transition table, saves what changed."""
    if to not in TRANSITIONS[message.state]:
        raise IllegalTransition(f"{message.state} → {to}")
    message.state = to
    for name, value in fields.items():
        setattr(message, name, value)
    message.save(update_fields=["state", "updated_at", *fields])


def backoff_seconds(attempt: int) -> float:
    """Exponential backoff with full jitter: uniform in [base·2^(n-1)/2, base·2^(n-1)], capped."""
    ceiling = min(
        settings.NOTIFY_BACKOFF_MAX_SECONDS, settings.NOTIFY_BACKOFF_BASE_SECONDS * 2 ** (attempt - 1)
    )
    return random.uniform(ceiling / 2, ceiling)  # noqa: S311 - jitter, not a secret


def _quiet_hold(message: Message, now: datetime) -> datetime | None:
    route = EventRoute.objects.filter(event=message.event).first()
    if route is not None and route.urgent:
        return None
    return quiet_hours_end(now)


def _claim(message_id: Any, now: datetime) -> tuple[Message, DeliveryAttempt] | None:
    with transaction.atomic():
        message = (
            Message.objects.select_for_update(skip_locked=True)
            .select_related("recipient")
            .filter(pk=message_id, state=MessageState.PENDING, next_attempt_at__lte=now)
            .first()
        )
        if message is None:
            return None
        if message.channel == "sms":
            held_until = _quiet_hold(message, now)
            if held_until is not None:
                # Quiet hours (a retry or a late sweep landed in them): wait for the morning.
                message.next_attempt_at = held_until
                message.held_until = held_until
                message.save(update_fields=["next_attempt_at", "held_until", "updated_at"])
                return None
            # The limit counts messages, not attempts: a retry does not spend it again.
            if message.attempts == 0:
                ahead = _older_sms_waiting(message)
                if ahead is not None:
                    # An earlier SMS of this resident waits for the limit: go after it, so that
                    # "approved" never arrives before "accepted".
                    message.next_attempt_at = max(ahead, now) + timedelta(seconds=1)
                    message.save(update_fields=["next_attempt_at", "updated_at"])
                    return None
                decision = get_limiter().acquire(
                    [
                        Limit(
                            f"notify:sms:user:{message.recipient_id}", settings.NOTIFY_SMS_PER_USER_HOUR, 3600
                        )
                    ]
                )
                if not decision.allowed:
                    # Over the per-user limit: wait for the window to pass; not an attempt.
                    message.next_attempt_at = now + timedelta(seconds=decision.retry_after)
                    message.save(update_fields=["next_attempt_at", "updated_at"])
                    return None
        _move(
            message,
            MessageState.SENDING,
            attempts=message.attempts + 1,
            lease_until=now + timedelta(seconds=settings.NOTIFY_LEASE_SECONDS),
        )
        attempt = DeliveryAttempt.objects.create(message=message, number=message.attempts, started_at=now)
    return message, attempt


def _older_sms_waiting(message: Message) -> datetime | None:
    """When the resident's earliest SMS still waiting for the per-user limit is due, if it is
    older than `message` (quiet-hour holds and retries after errors do not count)."""
    return (
        Message.objects.filter(
            recipient_id=message.recipient_id,
            channel="sms",
            state=MessageState.PENDING,
            attempts=0,
            held_until__isnull=True,
            created_at__lt=message.created_at,
        )
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )


def message_deliver(*, message_id: Any, now: datetime | None = None) -> Message | None:
    """Try to deliver one due message; returns it afterwards, or None if it was not due/free.

    Side effects: one `DeliveryAttempt`; the provider call; state `sent`/`delivered`, or back
    to `pending` with backoff on a retryable error, or `dead` with the reason after the last
    attempt or on a permanent error.
    """
    now = now or timezone.now()
    claimed = _claim(message_id, now)
    if claimed is None:
        return None
    message, attempt = claimed
    try:
        result = send_via_channel(message)
    except ChannelError as exc:
        return _record_failure(message.pk, attempt.pk, str(exc), retryable=exc.retryable, now=now)
    except Exception as exc:  # a bug or an unexpected provider answer: retry, keep the reason
        logger.exception("delivery of %s crashed", message.pk)
        return _record_failure(
            message.pk, attempt.pk, f"{type(exc).__name__}: {exc}", retryable=True, now=now
        )
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message.pk)
        if message.state != MessageState.SENDING or message.attempts != attempt.number:
            return message  # the lease ran out and another worker took over; it will record
        finished = timezone.now()
        _move(
            message,
            MessageState.DELIVERED if result.delivered else MessageState.SENT,
            provider=result.provider,
            provider_message_id=result.provider_message_id,
            sent_at=finished,
            delivered_at=finished if result.delivered else None,
            lease_until=None,
            last_error="",
        )
        DeliveryAttempt.objects.filter(pk=attempt.pk).update(
            finished_at=finished,
            outcome=message.state,
            provider_message_id=result.provider_message_id,
        )
    return message


def _record_failure(
    message_id: Any, attempt_id: Any, error: str, *, retryable: bool, now: datetime
) -> Message:
    with transaction.atomic():
        message = Message.objects.select_for_update().get(pk=message_id)
        attempt = DeliveryAttempt.objects.get(pk=attempt_id)
        if message.state != MessageState.SENDING or message.attempts != attempt.number:
            return message
        error = error[:2000]
        if not retryable or message.attempts >= settings.NOTIFY_MAX_ATTEMPTS:
            reason = (
                f"gave up after {message.attempts} attempts: {error}"
                if retryable
                else f"permanent error: {error}"
            )
            _move(message, MessageState.DEAD, last_error=error, dead_reason=reason, lease_until=None)
            outcome = "dead"
        else:
            delay = backoff_seconds(message.attempts)
            _move(
                message,
                MessageState.PENDING,
                last_error=error,
                lease_until=None,
                next_attempt_at=now + timedelta(seconds=delay),
            )
            outcome = "retry"
        attempt.finished_at = timezone.now()
        attempt.outcome = outcome
        attempt.error = error
        attempt.save(update_fields=["finished_at", "outcome", "error"])
    logger.info("delivery of %s failed (%s): %s", message_id, outcome, error)
    return message


def leases_expire(*, now: datetime | None = None) -> int:
    """Put rows whose worker died (lease ran out in `sending`) back to `pending`, or `dead`."""
    now = now or timezone.now()
    count = 0
    with transaction.atomic():
        stuck = Message.objects.select_for_update(skip_locked=True).filter(
            state=MessageState.SENDING, lease_until__lt=now
        )[:500]
        for message in stuck:
            DeliveryAttempt.objects.filter(message=message, number=message.attempts, finished_at=None).update(
                finished_at=now, outcome="lost", error="worker lost (lease expired)"
            )
            if message.attempts >= settings.NOTIFY_MAX_ATTEMPTS:
                _move(
                    message,
                    MessageState.DEAD,
                    lease_until=None,
                    last_error="worker lost (lease expired)",
                    dead_reason=f"gave up after {message.attempts} attempts: worker lost (lease expired)",
                )
            else:
                _move(message, MessageState.PENDING, lease_until=None, next_attempt_at=now)
            count += 1
    return count


def due_message_ids(*, now: datetime, limit: int) -> list[Any]:
    return list(
        Message.objects.filter(state=MessageState.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )


def outbox_sweep(*, now: datetime | None = None, limit: int = 100) -> int:
    """Deliver what is due (retries, quiet-hour holds, lost tasks, dead workers' rows).

    Returns how many rows were attempted.
    """
    now = now or timezone.now()
    leases_expire(now=now)
    done = 0
    for message_id in due_message_ids(now=now, limit=limit):
        if message_deliver(message_id=message_id, now=now) is not None:
            done += 1
    return done


RECEIPT_STATES = {
    "delivered": MessageState.DELIVERED,
    "read": MessageState.DELIVERED,
    "failed": MessageState.FAILED,
    "undelivered": MessageState.FAILED,
}


def receipt_apply(
    *, provider: str, provider_message_id: str, status: str, reference: str = "", error_code: str = ""
) -> Message | None:
    """Apply a provider's delivery receipt (idempotent; unknown or stale receipts change nothing).

    `reference` is our message id when the provider echoes it (Twilio: in the signed callback
    URL); it also finds a row whose sender has not yet recorded the provider id.
    """
    target = RECEIPT_STATES.get(status)
    with transaction.atomic():
        qs = Message.objects.select_for_update()
        message = None
        if reference:
            try:
                message = qs.filter(pk=uuid.UUID(reference)).first()
            except ValueError:
                message = None
            if message and message.provider_message_id not in ("", provider_message_id):
                message = None
        if message is None:
            message = qs.filter(provider=provider, provider_message_id=provider_message_id).first()
        if message is None or target is None or target not in TRANSITIONS[message.state]:
            return message
        now = timezone.now()
        fields: dict[str, Any] = {"provider": provider, "provider_message_id": provider_message_id}
        if target == MessageState.DELIVERED:
            fields["delivered_at"] = now
        else:
            fields["last_error"] = f"{provider} reported {status}" + (
                f" ({error_code})" if error_code else ""
            )
        if message.state == MessageState.SENDING:
            fields["sent_at"] = now
            fields["lease_until"] = None
        _move(message, target, **fields)
    return message
