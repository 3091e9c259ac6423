"""Staff see the outbox (dead messages with their reason first), templates and routing rules,
and can send dead messages again once the cause is fixed (audited)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from notifications.models import DeliveryAttempt, EventRoute, Message, MessageTemplate
from notifications.retry import message_retry_dead


class DeliveryAttemptInline(admin.TabularInline):
    model = DeliveryAttempt
    extra = 0
    can_delete = False
    ordering = ("started_at",)  # a staff retry starts the numbers again
    readonly_fields = ("number", "started_at", "finished_at", "outcome", "error", "provider_message_id")


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ("created_at", "event", "channel", "state", "attempts", "next_attempt_at", "dead_reason")
    list_filter = ("state", "channel", "event")
    search_fields = ("=id", "=provider_message_id", "dedupe_key", "subject_id")
    ordering = ("-created_at",)
    inlines = [DeliveryAttemptInline]
    readonly_fields = [f.name for f in Message._meta.fields]
    actions = ["retry_dead"]

    @admin.action(description=_("Send the selected dead messages again"), permissions=["change"])
    def retry_dead(self, request: HttpRequest, queryset: QuerySet[Message]) -> None:
        selected = list(queryset.values_list("pk", flat=True))
        retried = [pk for pk in selected if message_retry_dead(message_id=pk, actor=request.user)]
        done = _("Messages queued again: {count}.").format(count=len(retried))
        self.message_user(request, done, messages.SUCCESS)
        if len(selected) > len(retried):
            skipped = _("Messages skipped because they are not dead: {count}.")
            self.message_user(request, skipped.format(count=len(selected) - len(retried)), messages.WARNING)

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
