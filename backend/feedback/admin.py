"""Admin: rectifications of bad ratings (without the rater) and the forwarding outbox."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from backend.feedback.models import EvaluationForward, Rectification


@admin.register(Rectification)
class RectificationAdmin(admin.ModelAdmin):
    list_display = ["id", "department", "status", "due_on", "replied_at"]
    list_filter = ["status", "department"]
    fields = ["department", "status", "due_on", "reply", "replied_at"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(EvaluationForward)
class EvaluationForwardAdmin(admin.ModelAdmin):
    list_display = ["evaluation_id", "status", "attempts", "next_attempt_at", "sent_at", "last_error"]
    list_filter = ["status"]
    readonly_fields = ["evaluation", "status", "attempts", "next_attempt_at", "sent_at", "last_error"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
