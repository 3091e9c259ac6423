"""WeChat sessions, subscribe-message consents and the record of subscribe messages sent."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from backend.core.fields import EncryptedTextField
from miniprogram_bridge.constants import Platform, SendStatus, SubscribeDecision


class WeChatSession(models.Model):
    """The current `session_key` of one openid of one mini-program.

    Replaced at every login (WeChat rotates it); kept encrypted; never sent to a client. It is
    what decrypts `encryptedData` from `wx.getUserInfo`-style APIs.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="wechat_sessions"
    )
    appid = models.CharField(max_length=32)
    openid = models.CharField(max_length=64)
    unionid = models.CharField(max_length=64, blank=True)
    session_key = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["appid", "openid"], name="wechat_session_unique_openid")
        ]

    def __str__(self) -> str:
        return f"wechat session {self.appid}/{self.openid[:6]}…"


class SubscribeConsent(models.Model):
    """One-time subscribe consents of one resident for one template: how many sends remain.

    Every `accept` of `wx.requestSubscribeMessage` allows exactly one message; a send spends
    one. `ban` stops all sends until the resident accepts again.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscribe_consents"
    )
    platform = models.CharField(max_length=16, choices=Platform.choices, default=Platform.WECHAT)
    template_id = models.CharField(max_length=128)
    remaining = models.PositiveIntegerField(default=0)
    last_decision = models.CharField(max_length=16, choices=SubscribeDecision.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "platform", "template_id"], name="subscribe_consent_unique_template"
            ),
            models.CheckConstraint(condition=Q(remaining__gte=0), name="subscribe_consent_remaining_gte_0"),
        ]

    def __str__(self) -> str:
        return f"consent {self.template_id} x{self.remaining}"


class SubscribeMessage(models.Model):
    """One attempt to send a subscribe message: sent, not sent (and why), or failed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscribe_messages"
    )
    platform = models.CharField(max_length=16, choices=Platform.choices, default=Platform.WECHAT)
    template_key = models.CharField(max_length=64)
    template_id = models.CharField(max_length=128, blank=True)
    status = models.CharField(max_length=16, choices=SendStatus.choices)
    reason = models.CharField(max_length=64, blank=True)
    errcode = models.IntegerField(null=True, blank=True)
    msgid = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"subscribe message {self.template_key} {self.status}"
