"""Evaluation (好差评) after the national rules; consultations and complaints."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from backend.applications.workdays import workday_add
from backend.core.models import AuditLog
from backend.feedback import services
from backend.feedback.models import Evaluation, EvaluationForward, Inquiry, InquiryEvent, Rectification
from tests.factories.results import make_application, make_department, make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(make_resident):
    service = make_service(department=make_department("MZ"))
    resident = make_resident()
    now = timezone.now()
    application = make_application(
        applicant=resident,
        service=service,
        status="completed",
        receipt_number=f"ZB{now:%Y%m%d%H%M%S%f}"[:20],
        accepted_at=now,
        decided_at=now,
        completed_at=now,
    )
    return application


def _rate(client, application, **overrides):
    body = {
        "application": str(application.pk),
        "stage": "completion",
        "level": 5,
        "tags": ["fast"],
        "text": "很快",
    }
    body.update(overrides)
    return client.post("/api/v1/evaluations", body, format="json")


def test_one_rating_per_case_and_stage_and_it_cannot_be_changed(case, client_for):
    client = client_for(case.applicant)
    first = _rate(client, case, level=5)
    assert first.status_code == 201, first.content
    assert first.json()["rectification"] is None
    again = _rate(client, case, level=1)
    assert again.status_code == 409
    assert again.json()["code"] == "evaluation_exists"
    assert Evaluation.objects.get().level == 5
    assert not Rectification.objects.exists()
    # The other stage is a separate rating.
    assert _rate(client, case, stage="acceptance", level=4).status_code == 201
    # No endpoint edits a rating.
    assert (
        client.patch(f"/api/v1/evaluations/{first.json()['id']}", {"level": 1}, format="json").status_code
        == 405
    )


def test_a_bad_rating_opens_a_rectification_due_in_working_days(case, client_for, make_staff, settings):
    settings.EVALUATION_RECTIFICATION_WORKDAYS = 15
    client = client_for(case.applicant)
    response = _rate(client, case, level=2, tags=["slow"], text="太慢了，电话13812345678")
    assert response.status_code == 201
    rect = Rectification.objects.get()
    assert rect.department_id == case.department_id
    assert rect.due_on == workday_add(timezone.localdate(), 15)
    assert response.json()["rectification"]["due_on"] == rect.due_on.isoformat()

    staff = make_staff("clerk")
    staff.departments.add(case.department)
    listing = client_for(staff).get("/api/v1/staff/rectifications").json()
    [row] = listing["results"]
    text = str(listing)
    assert str(case.applicant_id) not in text and str(case.pk) not in text and case.receipt_number not in text
    assert "rater" not in row and "application" not in row

    outsider = make_staff("clerk")
    outsider.departments.add(make_department())
    assert client_for(outsider).get("/api/v1/staff/rectifications").json()["count"] == 0
    url = f"/api/v1/staff/rectifications/{rect.pk}/reply"
    assert client_for(outsider).post(url, {"reply": "x"}, format="json").status_code == 404
    replied = client_for(staff).post(url, {"reply": "已整改：增加窗口"}, format="json")
    assert replied.status_code == 200, replied.content
    assert client_for(staff).post(url, {"reply": "again"}, format="json").status_code == 409

    mine = client.get(f"/api/v1/evaluations/{response.json()['id']}").json()
    assert mine["rectification"]["reply"] == "已整改：增加窗口"
    assert mine["rectification"]["status"] == "replied"


@pytest.mark.parametrize(("level", "opens"), [(1, True), (2, True), (3, False), (4, False), (5, False)])
def test_only_dissatisfied_levels_open_a_follow_up(case, level, opens):
    services.evaluation_create(
        rater=case.applicant, application=case, stage="completion", level=level, tags=[], text=""
    )
    assert Rectification.objects.exists() is opens


def test_stage_must_be_reached_and_the_case_must_be_mine(case, make_resident, client_for):
    draft = make_application(applicant=case.applicant, service=case.service)
    client = client_for(case.applicant)
    refused = _rate(client, draft, stage="acceptance")
    assert refused.status_code == 409
    assert refused.json()["code"] == "evaluation_not_open"
    assert _rate(client_for(make_resident()), case).status_code == 404
    assert not Evaluation.objects.exists()
    assert not EvaluationForward.objects.exists()


def test_ratings_are_forwarded_to_the_provincial_system(case, settings, mock_providers):
    settings.EVALUATION_FORWARD_URL = f"{mock_providers.base_url}/rating/evaluations"
    settings.EVALUATION_FORWARD_SECRET = "sandbox-rating-secret"
    evaluation = services.evaluation_create(
        rater=case.applicant,
        application=case,
        stage="completion",
        level=1,
        tags=["slow"],
        text="电话13812345678",
    )
    mock_providers.app.rating.state.mode = "error"
    assert services.evaluations_forward() == 0
    row = EvaluationForward.objects.get()
    assert (row.status, row.attempts) == ("pending", 1)
    assert not mock_providers.app.rating.state.received

    mock_providers.app.rating.state.mode = "ok"
    assert services.evaluations_forward() == 0  # backing off: not due yet
    later = timezone.now() + timezone.timedelta(minutes=5)
    assert services.evaluations_forward(now=later) == 1
    row.refresh_from_db()
    assert row.status == "sent"
    received = mock_providers.app.rating.state.received[str(evaluation.pk)]
    assert received["level"] == 1 and received["case_number"] == case.receipt_number
    assert "13812345678" not in received["text"]
    assert str(case.applicant_id) not in str(received)
    assert services.evaluations_forward(now=later) == 0  # sent once


def test_a_wrong_secret_is_refused_by_the_province(case, settings, mock_providers):
    settings.EVALUATION_FORWARD_URL = f"{mock_providers.base_url}/rating/evaluations"
    settings.EVALUATION_FORWARD_SECRET = "not-the-secret"
    services.evaluation_create(
        rater=case.applicant, application=case, stage="completion", level=4, tags=[], text=""
    )
    assert services.evaluations_forward() == 0
    assert "401" in EvaluationForward.objects.get().last_error
    assert not mock_providers.app.rating.state.received


def test_consultation_reply_close_with_timeline(case, client_for, make_staff, make_resident, settings):
    settings.CONSULTATION_REPLY_WORKDAYS = 5
    client = client_for(case.applicant)
    created = client.post(
        "/api/v1/consultations",
        {
            "kind": "consultation",
            "service": case.service.code,
            "title": "要带户口本吗",
            "content": "请问需要吗？",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    inquiry_id = created.json()["id"]
    assert created.json()["reply_due_on"] == workday_add(timezone.localdate(), 5).isoformat()

    staff = make_staff("clerk")
    staff.departments.add(case.department)
    other_staff = make_staff("clerk")
    other_staff.departments.add(make_department())
    url = f"/api/v1/staff/consultations/{inquiry_id}/reply"
    assert client_for(other_staff).post(url, {"text": "x"}, format="json").status_code == 404
    assert client_for(staff).post(url, {"text": "需要。"}, format="json").status_code == 200
    assert client_for(make_resident()).get(f"/api/v1/consultations/{inquiry_id}").status_code == 404

    closed = client.post(f"/api/v1/consultations/{inquiry_id}/close")
    assert closed.status_code == 200
    assert [e["action"] for e in closed.json()["timeline"]] == ["submit", "reply", "close"]
    assert client_for(staff).post(url, {"text": "more"}, format="json").status_code == 409
    assert InquiryEvent.objects.filter(inquiry_id=inquiry_id).count() == 3


def test_complaint_about_my_case_uses_the_complaint_time_limit(case, client_for, settings):
    settings.COMPLAINT_REPLY_WORKDAYS = 10
    response = client_for(case.applicant).post(
        "/api/v1/consultations",
        {
            "kind": "complaint",
            "service": case.service.code,
            "application": str(case.pk),
            "title": "超时",
            "content": "办理超时",
        },
        format="json",
    )
    assert response.status_code == 201
    inquiry = Inquiry.objects.get()
    assert inquiry.department_id == case.department_id
    assert inquiry.reply_due_on == workday_add(timezone.localdate(), 10)
    assert AuditLog.objects.filter(action="complaint.create").exists()


def test_an_inquiry_about_an_application_of_another_service_is_refused(case, client_for):
    other = make_service()
    response = client_for(case.applicant).post(
        "/api/v1/consultations",
        {
            "kind": "complaint",
            "service": other.code,
            "application": str(case.pk),
            "title": "s",
            "content": "c",
        },
        format="json",
    )
    assert response.status_code == 404
    assert not Inquiry.objects.exists()


def test_working_days_skip_the_national_day_holiday():
    # 2025-09-30 (Tue) + 1 working day: 1-8 October are holidays, 11 October (Sat) is worked.
    assert workday_add(date(2025, 9, 30), 1) == date(2025, 10, 9)


def test_account_merge_moves_ratings_and_inquiries(case, make_resident):
    from backend.accounts.merge import account_merge, merge_survivor

    services.evaluation_create(
        rater=case.applicant, application=case, stage="completion", level=5, tags=[], text=""
    )
    services.inquiry_create(
        resident=case.applicant, kind="consultation", title="t", content="c", service=case.service
    )
    older = make_resident()
    type(older).objects.filter(pk=older.pk).update(date_joined=timezone.now() - timezone.timedelta(days=30))
    older.refresh_from_db()
    keep, absorb = merge_survivor(case.applicant, older)
    assert (keep, absorb) == (older, case.applicant)
    account_merge(keep=keep, absorb=absorb, reason="test")
    assert Evaluation.objects.get().rater == keep
    assert Inquiry.objects.get().resident == keep
