"""Efficiency figures for supervision (效能监督), per department and service item, for a period.

Definitions (a period is `start`..`end` inclusive, dates in Asia/Shanghai):
- received: cases submitted in the period;
- accepted: cases accepted in the period;
- completed: cases completed (办结) in the period;
- on_time_rate: of those completed with a time limit, the share completed on or before the
  deadline day;
- overdue: completed in the period after the deadline, plus cases still open at the end of the
  period (or today, if earlier) whose deadline day had passed;
- average_working_days: mean working days from acceptance to completion, less the days the
  clock was suspended for corrections, over completed cases with a clock;
- correction_rate: of the cases received, the share that got at least one correction notice;
- satisfaction_rate: of the ratings given in the period, the share not "dissatisfied" or
  "very dissatisfied" (好评 = very satisfied, satisfied, basically satisfied);
- complaints: complaints filed in the period.
Counts come from grouped aggregate queries (one per source table); only the working-day
average reads rows, and only two dates and a number per completed case.
"""

from __future__ import annotations

import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from backend.applications.constants import FINAL, Status
from backend.applications.models import Application
from backend.applications.workdays import workdays_between
from backend.feedback.constants import BAD_LEVELS, InquiryKind
from backend.feedback.models import Evaluation, Inquiry


@dataclass
class Figures:
    department_id: int
    service_id: int | None
    received: int = 0
    accepted: int = 0
    completed: int = 0
    completed_with_limit: int = 0
    completed_on_time: int = 0
    overdue: int = 0
    corrected: int = 0
    working_days: list[int] = field(default_factory=list)
    ratings: int = 0
    good_ratings: int = 0
    complaints: int = 0

    @staticmethod
    def _rate(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "received": self.received,
            "accepted": self.accepted,
            "completed": self.completed,
            "on_time_rate": self._rate(self.completed_on_time, self.completed_with_limit),
            "overdue": self.overdue,
            "average_working_days": round(sum(self.working_days) / len(self.working_days), 2)
            if self.working_days
            else None,
            "correction_rate": self._rate(self.corrected, self.received),
            "satisfaction_rate": self._rate(self.good_ratings, self.ratings),
            "ratings": self.ratings,
            "complaints": self.complaints,
        }

    def add(self, other: Figures) -> None:
        for name in (
            "received",
            "accepted",
            "completed",
            "completed_with_limit",
            "completed_on_time",
            "overdue",
            "corrected",
            "ratings",
            "good_ratings",
            "complaints",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.working_days.extend(other.working_days)


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return datetime.combine(start, time.min, tzinfo=tz), datetime.combine(
        end + timedelta(days=1), time.min, tzinfo=tz
    )


def supervision_figures(
    *, start: date, end: date, department_ids: list[int] | None = None, today: date | None = None
) -> list[Figures]:
    """Figures per (department, service item) for the period; rows with nothing are left out."""
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    since, until = _bounds(start, end)
    today = today or timezone.localdate()
    open_cutoff = min(end + timedelta(days=1), today)

    def in_period(name: str) -> Q:
        return Q(**{f"{name}__gte": since, f"{name}__lt": until})

    completed = in_period("completed_at") & Q(status=Status.COMPLETED)
    with_limit = completed & Q(deadline_on__isnull=False)
    apps = Application.objects.all()
    ratings = Evaluation.objects.filter(created_at__gte=since, created_at__lt=until)
    complaints = Inquiry.objects.filter(
        kind=InquiryKind.COMPLAINT, created_at__gte=since, created_at__lt=until
    )
    if department_ids is not None:
        apps = apps.filter(department_id__in=department_ids)
        ratings = ratings.filter(department_id__in=department_ids)
        complaints = complaints.filter(department_id__in=department_ids)

    rows: dict[tuple[int, int | None], Figures] = {}

    def row(department_id: int, service_id: int | None) -> Figures:
        key = (department_id, service_id)
        if key not in rows:
            rows[key] = Figures(department_id=department_id, service_id=service_id)
        return rows[key]

    # Still open at the end of the period (or now), with the deadline day already past.
    open_overdue = (
        Q(accepted_at__lt=until, deadline_on__isnull=False, deadline_on__lt=open_cutoff)
        & (~Q(status__in=FINAL) | Q(completed_at__gte=until))
        & ~Q(status__in=[Status.DRAFT, Status.SUBMITTED])
    )
    counted = (
        apps.filter(in_period("submitted_at") | in_period("accepted_at") | completed | open_overdue)
        .annotate(completed_day=TruncDate("completed_at", tzinfo=tz))
        .values("department_id", "service_id")
        .annotate(
            received=Count("pk", filter=in_period("submitted_at")),
            accepted=Count("pk", filter=in_period("accepted_at")),
            completed=Count("pk", filter=completed),
            completed_with_limit=Count("pk", filter=with_limit),
            completed_on_time=Count("pk", filter=with_limit & Q(completed_day__lte=F("deadline_on"))),
            completed_late=Count("pk", filter=with_limit & Q(completed_day__gt=F("deadline_on"))),
            open_overdue=Count("pk", filter=open_overdue),
            corrected=Count("pk", filter=in_period("submitted_at") & Q(correction_round__gt=0)),
        )
        .order_by()
    )
    for r in counted:
        f = row(r["department_id"], r["service_id"])
        f.received, f.accepted, f.completed = r["received"], r["accepted"], r["completed"]
        f.completed_with_limit, f.completed_on_time = r["completed_with_limit"], r["completed_on_time"]
        f.overdue = r["completed_late"] + r["open_overdue"]
        f.corrected = r["corrected"]

    for department_id, service_id, started, finished, suspended in apps.filter(
        completed, clock_started_on__isnull=False
    ).values_list("department_id", "service_id", "clock_started_on", "completed_at", "suspended_workdays"):
        days = workdays_between(started, finished.astimezone(tz).date()) - suspended
        row(department_id, service_id).working_days.append(max(days, 0))

    for r in (
        ratings.values("department_id", "service_id")
        .annotate(total=Count("pk"), bad=Count("pk", filter=Q(level__in=[int(v) for v in BAD_LEVELS])))
        .order_by()
    ):
        f = row(r["department_id"], r["service_id"])
        f.ratings, f.good_ratings = r["total"], r["total"] - r["bad"]

    for r in complaints.values("department_id", "service_id").annotate(total=Count("pk")).order_by():
        row(r["department_id"], r["service_id"]).complaints = r["total"]

    return sorted(rows.values(), key=lambda f: (f.department_id, f.service_id or 0))


def supervision_totals(figures: list[Figures], *, by_department: bool = False) -> list[Figures] | Figures:
    """Sum rows: one total, or one per department."""
    if not by_department:
        total = Figures(department_id=0, service_id=None)
        for f in figures:
            total.add(f)
        return total
    per: dict[int, Figures] = defaultdict(lambda: Figures(department_id=0, service_id=None))
    for f in figures:
        per[f.department_id].department_id = f.department_id
        per[f.department_id].add(f)
    return [per[k] for k in sorted(per)]
