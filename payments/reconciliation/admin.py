"""Django admin pages for reconciliation runs, difference cases and the daily chart (read-only:
every change goes through the services and the finance API, which audit it)."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html

from payments.reconciliation.engine import SHANGHAI
from payments.reconciliation.exports import chart_png
from payments.reconciliation.models import BillFile, CaseAction, DifferenceCase, ReconciliationRun


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(BillFile)
class BillFileAdmin(ReadOnlyAdmin):
    list_display = ("bill_date", "provider", "merchant_id", "source", "size", "sha256", "created_at")
    list_filter = ("provider", "source")
    date_hierarchy = "bill_date"


@admin.register(ReconciliationRun)
class ReconciliationRunAdmin(ReadOnlyAdmin):
    list_display = (
        "bill_date",
        "provider",
        "merchant_id",
        "state",
        "method",
        "line_count",
        "summary",
        "started_at",
    )
    list_filter = ("provider", "state")
    date_hierarchy = "bill_date"
    change_list_template = "admin/reconciliation/run_change_list.html"

    @admin.display(description="categories")
    def summary(self, run: ReconciliationRun) -> str:
        return (
            ", ".join(f"{k}: {v.get('count', 0)}" for k, v in sorted(run.counts.items())) or run.failure[:80]
        )

    def get_urls(self) -> list[Any]:
        return [
            path("chart/", self.admin_site.admin_view(self.chart_view), name="reconciliation_chart"),
            *super().get_urls(),
        ]

    def chart_view(self, request: HttpRequest) -> HttpResponse:
        """Daily totals and differences of the last 30 days, as an inline PNG."""
        today = timezone.localtime(timezone.now(), SHANGHAI).date()
        png = chart_png(date_from=today - timedelta(days=29), date_to=today)
        context = {
            **self.admin_site.each_context(request),
            "title": "Daily totals and differences (30 days)",
            "chart": format_html(
                '<img alt="chart" src="data:image/png;base64,{}">', base64.b64encode(png).decode()
            ),
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/reconciliation/chart.html", context)


class CaseActionInline(admin.TabularInline):
    model = CaseAction
    extra = 0
    can_delete = False
    fields = ("at", "action", "actor", "note", "outcome")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(DifferenceCase)
class DifferenceCaseAdmin(ReadOnlyAdmin):
    list_display = (
        "bill_date",
        "provider",
        "category",
        "kind",
        "reference",
        "provider_amount_fen",
        "local_amount_fen",
        "state",
        "resolution",
    )
    list_filter = ("state", "category", "provider", "resolution")
    search_fields = ("reference", "out_trade_no", "transaction_id")
    date_hierarchy = "bill_date"
    inlines = [CaseActionInline]
