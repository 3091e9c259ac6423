"""Admin for departments and staff accounts. Residents' personal data is not shown here."""

from typing import Any

from django.contrib import admin

from backend.accounts.models import Department, User


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "parent")
    search_fields = ("code", "name")


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ("username", "kind", "is_active", "date_joined")
    list_filter = ("kind", "is_active", "groups")
    search_fields = ("username",)
    fields = ("username", "kind", "display_name", "is_active", "is_staff", "groups", "departments")
    readonly_fields = ("kind",)
    filter_horizontal = ("groups", "departments")

    def get_queryset(self, request: Any) -> Any:
        # Staff accounts only: residents are looked up through the audited staff API.
        return super().get_queryset(request).filter(kind="staff")

    def has_add_permission(self, request: Any) -> bool:
        return False  # `manage.py create_staff` validates roles and enrols the second factor
