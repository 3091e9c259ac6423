"""Staff see the outbox (dead messages with their reason first), templates and routing rules."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from notifications.models import DeliveryAttempt, EventRoute, Message, MessageTemplate


class DeliveryAttemptInline(admin.TabularInline):
    model = DeliveryAttempt
    extra = 0
    can_delete = False
    readonly_fields = ("number", "started_at", "finished_at", "outcome", "error", "provider_message_id")


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("created_at", "event", "channel", "state", "attempts", "next_attempt_at", "dead_reason")
    list_filter = ("state", "channel", "event")
    search_fields = ("=id", "=provider_message_id", "dedupe_key", "subject_id")
    ordering = ("-created_at",)
    inlines = [DeliveryAttemptInline]
    readonly_fields = [f.name for f in Message._meta.fields]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    list_display = ("event", "channel", "language", "title", "provider_template_code")
    list_filter = ("channel", "language")


@admin.register(EventRoute)
class EventRouteAdmin(admin.ModelAdmin):
    list_display = ("event", "matters", "urgent", "mail", "subscribe_template_key")
