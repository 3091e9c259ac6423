"""Channels, outbox states and the transition table of an outbox row."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    INBOX = "inbox", _("In-app inbox")
    SMS = "sms", _("SMS")
    SUBSCRIBE = "subscribe", _("Mini-program subscribe message")
    EMAIL = "email", _("E-mail")


class MessageState(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent (accepted by the provider)")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed (the provider reported it undelivered)")
    DEAD = "dead", _("Dead (gave up)")


# Where a row may go from each state. `sending → pending` is a retry after a failed attempt
# (with backoff) or a lease that ran out because the worker died.
TRANSITIONS: dict[str, frozenset[str]] = {
    MessageState.PENDING: frozenset({MessageState.SENDING, MessageState.DEAD}),
    MessageState.SENDING: frozenset(
        # FAILED/DELIVERED from SENDING: a receipt can overtake the worker's own bookkeeping.
        {
            MessageState.SENT,
            MessageState.DELIVERED,
            MessageState.FAILED,
            MessageState.PENDING,
            MessageState.DEAD,
        }
    ),
    MessageState.SENT: frozenset({MessageState.DELIVERED, MessageState.FAILED}),
    MessageState.DELIVERED: frozenset(),
    MessageState.FAILED: frozenset(),
    # Only staff move a dead row back (`notifications.retry.message_retry_dead`, audited).
    MessageState.DEAD: frozenset({MessageState.PENDING}),
}

# Final for the machinery (workers, sweeper, receipts); `dead` can be retried by staff only.
FINAL_STATES = frozenset({MessageState.DELIVERED, MessageState.FAILED, MessageState.DEAD})
# Channels whose delivery is a write to our own database: exactly once, never at-least-once.
OWN_CHANNELS = frozenset({Channel.INBOX})

EVENTS = (
    "application.submitted",
    "application.correction_required",
    "application.accepted",
    "application.fee_due",
    "application.approved",
    "application.rejected",
    "application.completed",
    "application.withdrawn",
    "payment.succeeded",
    "refund.succeeded",
    "certificate.issued",
    "appointment.reminder",
)
