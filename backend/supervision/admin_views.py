"""The supervisors' page in the admin site: the period's figures as a table and a bar chart (SVG)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.accounts.roles import has_role
from backend.supervision.report import figures_report

BAR_WIDTH = 360  # px for a rate of 1.0


def _period(request: HttpRequest) -> tuple[date, date]:
    today = timezone.localdate()
    try:
        start = date.fromisoformat(request.GET.get("start", ""))
        end = date.fromisoformat(request.GET.get("end", ""))
    except ValueError:
        start, end = today.replace(day=1), today
    if end < start or (end - start).days > 366:
        start, end = today.replace(day=1), today
    return start, end


def _bars(departments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of the chart: two bars (on time, satisfied) per department, widths in px."""
    bars = []
    for index, row in enumerate(departments):
        figures = row["figures"]
        y = 30 + index * 56
        bars.append(
            {
                "label": row["department"]["name"],
                "y": y,
                "text_y": y + 14,
                "on_time_y": y + 20,
                "satisfied_y": y + 36,
                "on_time": round((figures["on_time_rate"] or 0) * BAR_WIDTH),
                "satisfied": round((figures["satisfaction_rate"] or 0) * BAR_WIDTH),
                "on_time_text": "—" if figures["on_time_rate"] is None else f"{figures['on_time_rate']:.0%}",
                "satisfied_text": "—"
                if figures["satisfaction_rate"] is None
                else f"{figures['satisfaction_rate']:.0%}",
                "overdue": figures["overdue"],
            }
        )
    return bars


@admin.site.admin_view
def figures_page(request: HttpRequest) -> HttpResponse:
    if not has_role(request.user, "supervisor"):
        raise PermissionDenied
    start, end = _period(request)
    report = figures_report(
        start=start, end=end, department_ids=list(request.user.departments.values_list("pk", flat=True))
    )
    bars = _bars(report["departments"])
    context = {
        **admin.site.each_context(request),
        "title": _("Supervision figures"),
        "report": report,
        "bars": bars,
        "chart_height": 40 + 56 * max(len(bars), 1),
        "bar_width": BAR_WIDTH,
    }
    return render(request, "supervision/figures.html", context)
