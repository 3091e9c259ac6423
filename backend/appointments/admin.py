"""Admin: halls, their windows and services, and the daily slots."""

from __future__ import annotations

from django.contrib import admin

from backend.appointments.models import Hall, HallWindow, Slot


class HallWindowInline(admin.TabularInline):
    model = HallWindow
    extra = 0
    filter_horizontal = ["services"]


@admin.register(Hall)
class HallAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "department", "is_active"]
    search_fields = ["code", "name"]
    inlines = [HallWindowInline]


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ["window", "starts_at", "ends_at", "capacity", "booked"]
    list_filter = ["day", "window__hall"]
    readonly_fields = ["booked"]
