"""Staff retry of `dead` outbox rows: after the cause is fixed (a number corrected, a provider
back, a template approved), the message goes out again instead of being lost.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone

from backend.core.audit import audit_record
from notifications.constants import MessageState
from notifications.delivery import _move
from notifications.models import Message

logger = logging.getLogger(__name__)


@transaction.atomic
def message_retry_dead(*, message_id: Any, actor: Any) -> Message | None:
    """Put one `dead` message back to `pending` with a fresh attempt budget, and deliver it.

    Preconditions: `actor` is staff allowed to change outbox rows (the caller checks).
    Returns the row, or None when it is not `dead` (already retried, or never dead): nothing
    changes then. Side effects: attempts reset to 0, the dead reason cleared (the previous one
    and its attempt count go to the audit row; the attempts stay in `DeliveryAttempt`), one
    audit row `notification.retry_dead`, and after commit a delivery task (the sweeper takes
    the row if the broker loses it). Quiet hours and the SMS limit apply as to any message.
    """
    message = Message.objects.select_for_update().filter(pk=message_id).first()
    if message is None or message.state != MessageState.DEAD:
        return None
    detail = {
        "channel": message.channel,
        "event": message.event,
        "previous_attempts": message.attempts,
        "previous_dead_reason": message.dead_reason[:500],
    }
    _move(
        message,
        MessageState.PENDING,
        attempts=0,
        next_attempt_at=timezone.now(),
        held_until=None,
        lease_until=None,
        dead_reason="",
    )
    audit_record(action="notification.retry_dead", actor=actor, obj=message, detail=detail)
    message_pk = message.pk
    transaction.on_commit(lambda: _enqueue(message_pk))
    return message


def _enqueue(message_id: Any) -> None:
    from notifications import tasks

    try:
        tasks.deliver_message.delay(str(message_id))
    except Exception:  # the row is pending and due: the sweeper delivers it
        logger.exception("could not enqueue the retry of %s; the sweeper will", message_id)
