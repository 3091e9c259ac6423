"""Supervision figures on a seeded month equal the values computed by hand.

November 2025 (no public holiday; 1–2, 8–9, 15–16, 22–23, 29–30 are weekends). Service A:
 1. submitted and accepted 3 Nov, deadline 10 Nov, completed 7 Nov → on time, 4 working days
 2. submitted and accepted 4 Nov, deadline 11 Nov, completed 12 Nov, 2 days suspended, one
    correction → late (overdue), 6 − 2 = 4 working days
 3. submitted and accepted 5 Nov, deadline 12 Nov, still in review → overdue (open)
 4. submitted 20 Nov, one correction, not yet accepted
 5. submitted 28 Oct, accepted 29 Oct, deadline 5 Nov, completed 3 Nov → on time, 3 working days
 6. submitted 6 Nov, withdrawn 7 Nov
Service B:
 7. submitted 10 Nov, accepted 11 Nov, deadline 18 Nov, completed 2 Dec → open and overdue at
    the end of November
Ratings in November: A 5, 4, 3, 2 (3 of 4 good), B 1 (0 of 1); one in October (not counted).
Complaints in November: one on A, one on B's case; one on A in December and a consultation
(not counted). Another department's case is not in the supervisor's figures.
"""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime

import pytest

from backend.feedback.models import Evaluation, Inquiry
from backend.supervision.selectors import supervision_figures, supervision_totals
from tests.factories.results import make_application, make_department, make_service

pytestmark = pytest.mark.django_db
TZ = zoneinfo.ZoneInfo("Asia/Shanghai")


def at(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2025, month, day, hour, tzinfo=TZ)


@pytest.fixture
def month(make_resident):
    dept = make_department("MZ")
    a, b = make_service(department=dept), make_service(department=dept)
    other = make_service(department=make_department("GA"))
    resident = make_resident()

    def case(service, status, submitted, accepted=None, deadline=None, completed=None, **extra):
        return make_application(
            applicant=resident,
            service=service,
            status=status,
            submitted_at=submitted,
            accepted_at=accepted,
            clock_started_on=accepted.date() if accepted else None,
            deadline_on=deadline,
            completed_at=completed,
            decided_at=completed,
            **extra,
        )

    c1 = case(a, "completed", at(11, 3, 9), at(11, 3), date(2025, 11, 10), at(11, 7, 15))
    c2 = case(
        a,
        "completed",
        at(11, 4),
        at(11, 4),
        date(2025, 11, 11),
        at(11, 12),
        suspended_workdays=2,
        correction_round=1,
    )
    c3 = case(a, "in_review", at(11, 5), at(11, 5), date(2025, 11, 12))
    case(a, "correction_required", at(11, 20), correction_round=1)
    c5 = case(a, "completed", at(10, 28), at(10, 29), date(2025, 11, 5), at(11, 3))
    case(a, "withdrawn", at(11, 6), completed=at(11, 7))
    c7 = case(b, "completed", at(11, 10), at(11, 11), date(2025, 11, 18), at(12, 2))
    case(other, "completed", at(11, 3), at(11, 3), date(2025, 11, 4), at(11, 20))

    def rate(application, level, when, stage="completion"):
        e = Evaluation.objects.create(
            application=application,
            stage=stage,
            rater=resident,
            department=application.department,
            service=application.service,
            level=level,
        )
        Evaluation.objects.filter(pk=e.pk).update(created_at=when)

    rate(c1, 5, at(11, 8))
    rate(c2, 4, at(11, 13))
    rate(c5, 3, at(11, 4))
    rate(c3, 2, at(11, 6), stage="acceptance")
    rate(c1, 1, at(10, 30), stage="acceptance")  # October
    rate(c7, 1, at(11, 12), stage="acceptance")

    def inquire(kind, when, service=None, application=None):
        i = Inquiry.objects.create(
            kind=kind,
            resident=resident,
            department=dept,
            service=service or application.service,
            application=application,
            title="s",
            content="c",
            reply_due_on=when.date(),
        )
        Inquiry.objects.filter(pk=i.pk).update(created_at=when)

    inquire("complaint", at(11, 14), service=a)
    inquire("complaint", at(11, 21), application=c7)
    inquire("complaint", at(12, 1), service=a)
    inquire("consultation", at(11, 15), service=a)
    return dept, a, b


def test_figures_of_the_seeded_month_equal_hand_computed_values(month):
    dept, a, b = month
    figures = supervision_figures(
        start=date(2025, 11, 1), end=date(2025, 11, 30), department_ids=[dept.pk], today=date(2025, 12, 15)
    )
    by_service = {f.service_id: f.as_dict() for f in figures}

    assert by_service[a.pk] == {
        "received": 5,  # 1, 2, 3, 4, 6
        "accepted": 3,  # 1, 2, 3
        "completed": 3,  # 1, 2, 5
        "on_time_rate": 0.6667,  # 1 and 5 of 1, 2, 5
        "overdue": 2,  # 2 (late), 3 (open)
        "average_working_days": 3.67,  # (4 + 4 + 3) / 3
        "correction_rate": 0.4,  # 2 and 4 of 5 received
        "satisfaction_rate": 0.75,
        "ratings": 4,
        "complaints": 1,
    }
    assert by_service[b.pk] == {
        "received": 1,
        "accepted": 1,
        "completed": 0,
        "on_time_rate": None,
        "overdue": 1,
        "average_working_days": None,
        "correction_rate": 0.0,
        "satisfaction_rate": 0.0,
        "ratings": 1,
        "complaints": 1,
    }
    assert supervision_totals(figures).as_dict() == {
        "received": 6,
        "accepted": 4,
        "completed": 3,
        "on_time_rate": 0.6667,
        "overdue": 3,
        "average_working_days": 3.67,
        "correction_rate": 0.3333,
        "satisfaction_rate": 0.6,
        "ratings": 5,
        "complaints": 2,
    }


def test_the_api_is_for_supervisors_of_their_departments(month, make_staff, client_for, make_resident):
    dept, a, _ = month
    supervisor = make_staff("supervisor")
    supervisor.departments.add(dept)
    response = client_for(supervisor).get("/api/v1/supervision/figures?start=2025-11-01&end=2025-11-30")
    assert response.status_code == 200, response.content
    body = response.json()
    assert [row["department"]["code"] for row in body["departments"]] == ["MZ"]
    assert body["departments"][0]["figures"]["received"] == 6
    assert {row["service"]["code"] for row in body["rows"]} == {a.code, month[2].code}

    other = client_for(supervisor).get(
        "/api/v1/supervision/figures?start=2025-11-01&end=2025-11-30&department=GA"
    )
    assert other.status_code == 404
    assert (
        client_for(make_staff("clerk"))
        .get("/api/v1/supervision/figures?start=2025-11-01&end=2025-11-30")
        .status_code
        == 403
    )
    assert (
        client_for(make_resident())
        .get("/api/v1/supervision/figures?start=2025-11-01&end=2025-11-30")
        .status_code
        == 403
    )
    bad = client_for(supervisor).get("/api/v1/supervision/figures?start=2025-11-30&end=2025-11-01")
    assert bad.status_code == 400


def test_admin_page_draws_the_chart(month, make_staff, client, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    dept, _, _ = month
    supervisor = make_staff("supervisor")
    supervisor.departments.add(dept)
    supervisor.is_staff = True
    supervisor.save(update_fields=["is_staff"])
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(supervisor)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=supervisor).persistent_id
    session.save()
    response = client.get("/admin/supervision/figures/?start=2025-11-01&end=2025-11-30")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "省民政厅" in html
    assert 'width="240"' in html  # on-time bar: 0.6667 × 360 px
