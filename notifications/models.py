"""The outbox (`Message`), the per-user websocket event stream, templates and routing as data."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from notifications.constants import Channel, MessageState


class EventRoute(models.Model):
    """What one event sends beside the inbox and the websocket (which every event gets).

    `matters`: worth an SMS when no subscribe-message consent exists. `urgent`: cannot wait for
    the end of quiet hours. `mail`: also e-mailed when the resident has an address.
    `subscribe_template_key`: the bridge's template key for the subscribe message, if any.
    """

    event = models.CharField(max_length=64, unique=True)
    matters = models.BooleanField(default=False)
    urgent = models.BooleanField(default=False)
    mail = models.BooleanField(default=False, help_text="Also by e-mail, when the resident has an address.")
    subscribe_template_key = models.CharField(max_length=64, blank=True)
    page = models.CharField(max_length=200, blank=True, help_text="Mini-program page to open.")

    class Meta:
        ordering = ["event"]

    def __str__(self) -> str:
        return self.event


class MessageTemplate(models.Model):
    """The text of one event on one channel in one language (`{name}` placeholders from params).

    `provider_template_code` is the pre-registered template of a China SMS provider
    (Aliyun `SMS_…` / Tencent template id); its parameters are `params` by name.
    """

    event = models.CharField(max_length=64)
    channel = models.CharField(max_length=16, choices=Channel.choices)
    language = models.CharField(max_length=16)
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    provider_template_code = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["event", "channel", "language"]
        constraints = [
            models.UniqueConstraint(fields=["event", "channel", "language"], name="template_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.event}/{self.channel}/{self.language}"


class Message(models.Model):
    """One message to one resident on one channel: the outbox row.

    Written in the caller's transaction by `notify`; delivered after commit by Celery, or by
    the sweeper. Unique per (dedupe_key, recipient, channel): one event, one message.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages")
    event = models.CharField(max_length=64)
    channel = models.CharField(max_length=16, choices=Channel.choices)
    dedupe_key = models.CharField(max_length=200)
    language = models.CharField(max_length=16, default="zh-hans")
    params = models.JSONField(default=dict, blank=True)
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    subject_type = models.CharField(max_length=64, blank=True)
    subject_id = models.CharField(max_length=64, blank=True)
    state = models.CharField(max_length=16, choices=MessageState.choices, default=MessageState.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    # Set while a worker holds the row in `sending`; a row whose lease ran out is retried.
    lease_until = models.DateTimeField(null=True, blank=True)
    held_until = models.DateTimeField(null=True, blank=True, help_text="Quiet hours: not before this time.")
    provider = models.CharField(max_length=32, blank=True)
    provider_message_id = models.CharField(max_length=128, blank=True, db_index=True)
    last_error = models.TextField(blank=True)
    dead_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["dedupe_key", "recipient", "channel"], name="message_unique_per_event_channel"
            ),
        ]
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="message_due"),
            models.Index(
                fields=["recipient", "-created_at"],
                name="message_inbox",
                condition=Q(channel="inbox"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.channel} ({self.state})"


class DeliveryAttempt(models.Model):
    """One try at handing a message to its channel (what was tried, when, how it ended)."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="delivery_attempts")
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=16, blank=True)  # sent, delivered, retry, dead
    error = models.TextField(blank=True)
    provider_message_id = models.CharField(max_length=128, blank=True)

    class Meta:
        ordering = ["message", "number"]

    def __str__(self) -> str:
        return f"{self.message_id} #{self.number} {self.outcome}"


class StreamCursor(models.Model):
    """The last event id of one user's stream; locked to hand out the next id in commit order."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    last_id = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.last_id}"


class UserEvent(models.Model):
    """One entry of a user's websocket event stream; `stream_id` grows by one per user.

    Ids are handed out under a row lock on the user's `StreamCursor`, so they become visible
    in id order: a client that has seen id n never misses an id below n.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="stream_events")
    stream_id = models.BigIntegerField()
    event = models.CharField(max_length=64)
    data = models.JSONField(default=dict, blank=True)
    dedupe_key = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user", "stream_id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "stream_id"], name="user_event_stream_id_unique"),
            models.UniqueConstraint(fields=["user", "dedupe_key"], name="user_event_dedupe_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}#{self.stream_id} {self.event}"


class WsTicket(models.Model):
    """A short-lived, one-time ticket for browsers opening the websocket (only its hash is kept)."""

    ticket_hash = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"ws ticket {self.pk}"
