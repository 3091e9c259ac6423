"""Working days on the official Chinese calendar (public holidays and adjusted working weekends).

Counting starts the day after the start date (the day of acceptance does not count). The
calendar comes from the `chinese-calendar` package, which knows the State Council's holiday
notices for the years it ships; a date outside them raises `CalendarUnknown` (503), never a
guess — the package must be upgraded when the next year's notice is published.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import chinese_calendar
from django.utils.translation import gettext_lazy as _

from backend.core.errors import ServiceUnavailable

WARNING_SHARE = 0.8


class CalendarUnknown(ServiceUnavailable):
    code = "calendar_year_unknown"
    title = _("The official working calendar for this year is not known yet.")


def is_workday(day: date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError as exc:
        raise CalendarUnknown(
            _("No official working calendar is known for %(year)s.") % {"year": day.year}
        ) from exc


def workday_add(start: date, days: int) -> date:
    """The date on which the `days`-th working day after `start` falls (`start` itself not counted)."""
    current, counted = start, 0
    while counted < days:
        current += timedelta(days=1)
        if is_workday(current):
            counted += 1
    return current


def workdays_between(start: date, end: date) -> int:
    """Working days in (start, end]: how many of the limit were used from `start` to `end`."""
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_workday(current):
            count += 1
    return count


def deadline_dates(*, start: date, promised_days: int, suspended_workdays: int) -> tuple[date, date]:
    """(warning date, deadline date): 80% and 100% of the promised working days, plus suspension."""
    warning_days = max(1, math.ceil(promised_days * WARNING_SHARE))
    return (
        workday_add(start, warning_days + suspended_workdays),
        workday_add(start, promised_days + suspended_workdays),
    )
