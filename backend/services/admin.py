"""Admin for the catalog: list filters, search, inline materials, fees, steps, windows, FAQ."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from backend.services import services
from backend.services.models import (
    FaqEntry,
    FeeItem,
    MaterialSpec,
    ProcessStep,
    Region,
    ServiceItem,
    ServiceVersion,
    ServiceWindow,
)


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]


class MaterialInline(admin.StackedInline):
    model = MaterialSpec
    extra = 0
    fields = [
        ("order", "code", "name"),
        ("required", "copies", "is_identity_document"),
        "accepted_formats",
        "certificate_type",
        "notes",
        "sample_image",
        "translations",
    ]


class FeeInline(admin.TabularInline):
    model = FeeItem
    extra = 0


class StepInline(admin.TabularInline):
    model = ProcessStep
    extra = 0


class WindowInline(admin.TabularInline):
    model = ServiceWindow
    extra = 0


class FaqInline(admin.StackedInline):
    model = FaqEntry
    extra = 0


@admin.register(ServiceItem)
class ServiceItemAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "name",
        "department",
        "item_type",
        "online_depth",
        "promised_days",
        "fee_stage",
        "current_version",
        "is_active",
    ]
    list_filter = [
        "department",
        "item_type",
        "audience",
        "region_level",
        "online_depth",
        "fee_stage",
        "is_active",
    ]
    search_fields = ["code", "name", "search_keys"]
    filter_horizontal = ["co_departments"]
    autocomplete_fields = ["region"]
    readonly_fields = ["current_version", "updated_at"]
    inlines = [MaterialInline, FeeInline, StepInline, WindowInline, FaqInline]
    actions = ["publish"]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.service_search_keys_refresh(service=form.instance)

    @admin.action(description=_("Publish the selected items as new guide versions"))
    def publish(self, request: HttpRequest, queryset: QuerySet[ServiceItem]) -> None:
        for item in queryset:
            services.service_publish(service=item, actor=request.user)
        self.message_user(request, _("Published."), messages.SUCCESS)


@admin.register(ServiceVersion)
class ServiceVersionAdmin(admin.ModelAdmin):
    list_display = ["service", "number", "published_at"]
    list_filter = ["published_at"]
    search_fields = ["service__code", "service__name"]
    readonly_fields = ["service", "number", "guide", "published_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
