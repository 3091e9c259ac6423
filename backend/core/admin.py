"""Admin for the audit log: read-only for everyone, auditors included."""

from typing import Any

from django.contrib import admin

from backend.core.models import AuditLog


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ("at", "action", "result", "actor_kind", "object_type", "object_id", "ip")
    list_filter = ("action", "result", "actor_kind")
    search_fields = ("object_id", "request_id")
    date_hierarchy = "at"

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
