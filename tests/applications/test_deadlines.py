"""Time limits on the official working calendar: National Day, an adjusted working Saturday,
the clock stopped during correction, warning and overdue flags, the supervisor list."""

from __future__ import annotations

from datetime import date

import pytest

from backend.applications import selectors, services
from backend.applications.constants import ClockStatus, Status
from backend.applications.workdays import CalendarUnknown, deadline_dates, workday_add, workdays_between
from tests.factories.cases import make_service


def test_deadline_skips_the_national_day_holiday():
    # accepted Fri 26 Sep 2025: Sun 28 Sep is a working day, 1-8 Oct are holidays
    start = date(2025, 9, 26)
    assert workday_add(start, 1) == date(2025, 9, 28)  # adjusted working Sunday
    assert workday_add(start, 3) == date(2025, 9, 30)
    assert workday_add(start, 4) == date(2025, 10, 9)  # after the holiday
    assert workday_add(start, 5) == date(2025, 10, 10)


def test_deadline_lands_on_the_adjusted_working_saturday():
    assert workday_add(date(2025, 9, 26), 6) == date(2025, 10, 11)  # Saturday, a working day
    assert workday_add(date(2025, 10, 10), 1) == date(2025, 10, 11)
    assert workday_add(date(2025, 10, 11), 1) == date(2025, 10, 13)  # Sunday 12th is off


def test_used_days_count_working_days_only():
    assert workdays_between(date(2025, 9, 30), date(2025, 10, 8)) == 0
    assert workdays_between(date(2025, 9, 26), date(2025, 10, 11)) == 6


def test_warning_at_80_percent_and_deadline():
    warning, deadline = deadline_dates(start=date(2025, 9, 26), promised_days=5, suspended_workdays=0)
    assert (warning, deadline) == (date(2025, 10, 9), date(2025, 10, 10))  # 4 of 5 days


def test_unknown_year_fails_clearly():
    with pytest.raises(CalendarUnknown) as caught:
        workday_add(date(2099, 12, 20), 20)
    assert caught.value.code == "calendar_year_unknown"
    assert caught.value.status == 503


@pytest.mark.django_db
def test_acceptance_sets_the_deadline_across_the_holiday(submitted, make_clerk):
    application = submitted()  # promised 5 working days, today is Fri 26 Sep 2025
    services.application_accept(application_id=application.pk, staff=make_clerk(application.department.code))
    application.refresh_from_db()
    assert application.clock_started_on == date(2025, 9, 26)
    assert application.deadline_on == date(2025, 10, 10)
    assert application.warning_on == date(2025, 10, 9)


@pytest.mark.django_db
def test_clock_flags_on_time_warning_overdue(submitted, make_clerk):
    application = submitted()
    services.application_accept(application_id=application.pk, staff=make_clerk(application.department.code))
    application.refresh_from_db()
    assert selectors.clock_of(application, date(2025, 9, 30)).status == ClockStatus.ON_TIME
    assert selectors.clock_of(application, date(2025, 10, 9)).status == ClockStatus.WARNING
    assert selectors.clock_of(application, date(2025, 10, 10)).status == ClockStatus.WARNING
    assert selectors.clock_of(application, date(2025, 10, 11)).status == ClockStatus.OVERDUE


@pytest.mark.django_db
def test_clock_stops_during_correction_and_the_deadline_moves(in_review, make_clerk, resident, monkeypatch):
    application = in_review()  # accepted Fri 26 Sep 2025, deadline Fri 10 Oct
    clerk = make_clerk(application.department.code)
    # Tue 30 Sep: correction requested; the clock stops
    monkeypatch.setattr(services, "today", lambda: date(2025, 9, 30))
    services.application_request_correction(
        application_id=application.pk,
        staff=clerk,
        items=[{"target": "field:reason", "problem": "请写明原因"}],
    )
    application.refresh_from_db()
    assert application.suspended_on == date(2025, 9, 30)
    # while suspended, even long after the deadline the case is not overdue
    clock = selectors.clock_of(application, date(2025, 10, 20))
    assert clock.suspended and clock.status == ClockStatus.ON_TIME
    # Fri 10 Oct: resubmitted; working days 9 and 10 Oct were spent waiting (holiday days do not count)
    monkeypatch.setattr(services, "today", lambda: date(2025, 10, 10))
    services.application_form_update(
        application_id=application.pk,
        applicant=resident,
        form_data={**application.form_data, "reason": "证件到期"},
    )
    services.application_submit(application_id=application.pk, applicant=resident)
    application.refresh_from_db()
    assert application.status == Status.IN_REVIEW
    assert application.suspended_on is None
    assert application.suspended_workdays == 2
    # 3 days used (28, 29, 30 Sep), 2 left after resuming: Sat 11 Oct (worked) and Mon 13 Oct
    assert application.deadline_on == date(2025, 10, 13)
    assert application.warning_on == date(2025, 10, 11)
    assert selectors.clock_of(application, date(2025, 10, 13)).status == ClockStatus.WARNING
    assert selectors.clock_of(application, date(2025, 10, 14)).status == ClockStatus.OVERDUE


@pytest.mark.django_db
def test_supervisor_lists_warning_and_overdue_cases_of_their_departments(
    in_review, make_clerk, client_for, monkeypatch
):
    late = in_review()
    other_service = make_service("T0099", dept="RS", promised_days=20)
    elsewhere = in_review(other_service)
    supervisor = make_clerk("GA", roles=("supervisor",))
    monkeypatch.setattr(services, "today", lambda: date(2025, 10, 13))
    client = client_for(supervisor)

    overdue = client.get("/api/v1/staff/supervision/applications", {"clock": "overdue"})
    assert overdue.status_code == 200
    assert [row["id"] for row in overdue.json()["results"]] == [str(late.pk)]
    assert overdue.json()["results"][0]["clock_status"] == "overdue"
    assert client.get("/api/v1/staff/supervision/applications", {"clock": "warning"}).json()["count"] == 0
    # a case of another department is not on this supervisor's list
    everything = client.get("/api/v1/staff/supervision/applications").json()
    assert str(elsewhere.pk) not in [row["id"] for row in everything["results"]]
    # a clerk is not a supervisor
    assert client_for(make_clerk("GA")).get("/api/v1/staff/supervision/applications").status_code == 403
