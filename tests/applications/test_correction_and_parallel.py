"""一次性告知 (one-time correction notice) and 并联办理 (parallel processing by departments)."""

from __future__ import annotations

import pytest

from backend.applications import services
from backend.applications.constants import Status, TaskStatus
from backend.applications.models import CorrectionNotice, ReviewTask
from tests.factories.cases import jpeg_bytes, make_service

pytestmark = pytest.mark.django_db


def _notice(application, clerk, *targets):
    return services.application_request_correction(
        application_id=application.pk,
        staff=clerk,
        items=[{"target": t, "problem": f"问题 {t}"} for t in targets],
    )


def test_first_notice_lists_everything_and_the_resident_sees_it(submitted, make_clerk, resident, client_for):
    application = submitted()
    clerk = make_clerk(application.department.code)
    _notice(application, clerk, "material:photo", "field:contact_phone")
    body = client_for(resident).get(f"/api/v1/applications/{application.pk}").json()
    assert body["status"] == "correction_required"
    assert [i["target"] for i in body["open_correction"]["items"]] == [
        "material:photo",
        "field:contact_phone",
    ]
    assert body["next_step"]


def test_later_notice_on_an_unchanged_unflagged_item_is_refused(submitted, make_clerk, resident):
    application = submitted()
    clerk = make_clerk(application.department.code)
    _notice(application, clerk, "material:photo")
    # the resident replaces the photo only, and resubmits
    services.material_upload(
        application_id=application.pk, applicant=resident, slot="photo", data=jpeg_bytes(color="white")
    )
    services.application_submit(application_id=application.pk, applicant=resident)
    # a new problem with the (unchanged, never flagged) reason field is refused
    with pytest.raises(services.CorrectionNotOneTime) as caught:
        _notice(application, clerk, "field:reason")
    assert caught.value.code == "correction_not_one_time"
    assert caught.value.errors[0]["detail"] == "field:reason"
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert CorrectionNotice.objects.filter(application=application).count() == 1


def test_later_notice_may_name_flagged_or_changed_items(submitted, make_clerk, resident):
    application = submitted()
    clerk = make_clerk(application.department.code)
    _notice(application, clerk, "material:photo")
    services.application_form_update(
        application_id=application.pk,
        applicant=resident,
        form_data={**application.form_data, "reason": "证件损坏"},
    )
    services.application_submit(application_id=application.pk, applicant=resident)
    notice = _notice(application, clerk, "material:photo", "field:reason")  # flagged before / changed since
    assert notice.round == 2
    first = CorrectionNotice.objects.get(application=application, round=1)
    assert first.resolved_at is not None and first.changed_targets == ["field:reason"]


def test_unknown_targets_are_refused(submitted, make_clerk):
    application = submitted()
    with pytest.raises(services.ApplicationError) as caught:
        _notice(application, make_clerk(application.department.code), "field:no_such_field")
    assert caught.value.code == "correction_target_unknown"


def test_correction_over_http_one_time_rule(submitted, make_clerk, resident, client_for):
    application = submitted()
    clerk = client_for(make_clerk(application.department.code))
    url = f"/api/v1/staff/applications/{application.pk}/corrections"
    assert (
        clerk.post(
            url, {"items": [{"target": "material:photo", "problem": "模糊"}]}, format="json"
        ).status_code
        == 200
    )
    services.application_submit(application_id=application.pk, applicant=resident)  # resubmitted unchanged
    refused = clerk.post(
        url, {"items": [{"target": "field:applicant_name", "problem": "错字"}]}, format="json"
    )
    assert refused.status_code == 422
    assert refused.json()["code"] == "correction_not_one_time"


# --- 并联办理 --------------------------------------------------------------------------------------
@pytest.fixture
def joint_service(db):
    return make_service("T0200", name="有限责任公司设立登记", dept="SC", co=("GA", "CZ"))


def test_acceptance_opens_one_task_per_handling_department(in_review, joint_service):
    application = in_review(joint_service)
    assert sorted(
        ReviewTask.objects.filter(application=application).values_list("department__code", flat=True)
    ) == [
        "CZ",
        "GA",
        "SC",
    ]


def test_approved_only_when_every_department_approves(in_review, joint_service, make_clerk):
    application = in_review(joint_service)
    deciders = {code: make_clerk(code, roles=("reviewer",)) for code in ("SC", "GA", "CZ")}
    for code in ("SC", "GA"):
        services.task_decide(
            application_id=application.pk, staff=deciders[code], department_code=code, approve=True
        )
        application.refresh_from_db()
        assert application.status == Status.IN_REVIEW
    services.task_decide(
        application_id=application.pk, staff=deciders["CZ"], department_code="CZ", approve=True
    )
    application.refresh_from_db()
    assert application.status == Status.APPROVED


def test_one_rejection_with_legal_reason_rejects(in_review, joint_service, make_clerk):
    application = in_review(joint_service)
    services.task_decide(
        application_id=application.pk,
        staff=make_clerk("SC", roles=("reviewer",)),
        department_code="SC",
        approve=True,
    )
    ga = make_clerk("GA", roles=("reviewer",))
    services.task_decide(
        application_id=application.pk,
        staff=ga,
        department_code="GA",
        approve=False,
        reason="住所不符合要求",
        legal_basis="《市场主体登记管理条例》第十一条",
    )
    application.refresh_from_db()
    assert application.status == Status.REJECTED
    assert ReviewTask.objects.get(application=application, department__code="CZ").status == TaskStatus.PENDING
    # the remaining department cannot decide any more
    with pytest.raises(services.IllegalTransition):
        services.task_decide(
            application_id=application.pk,
            staff=make_clerk("CZ", roles=("reviewer",)),
            department_code="CZ",
            approve=True,
        )


def test_rejection_without_legal_basis_is_refused(in_review, joint_service, make_clerk):
    application = in_review(joint_service)
    with pytest.raises(services.ApplicationError) as caught:
        services.task_decide(
            application_id=application.pk,
            staff=make_clerk("GA"),
            department_code="GA",
            approve=False,
            reason="不行",
        )
    assert caught.value.code == "rejection_reason_required"
    assert ReviewTask.objects.get(application=application, department__code="GA").status == TaskStatus.PENDING


def test_a_department_decides_once_and_only_its_own_task(in_review, joint_service, make_clerk):
    application = in_review(joint_service)
    ga = make_clerk("GA", roles=("reviewer",))
    services.task_decide(application_id=application.pk, staff=ga, department_code="GA", approve=True)
    with pytest.raises(services.TaskAlreadyDecided):
        services.task_decide(application_id=application.pk, staff=ga, department_code="GA", approve=True)
    from django.http import Http404

    with pytest.raises(Http404):
        services.task_decide(application_id=application.pk, staff=ga, department_code="CZ", approve=True)
    assert ReviewTask.objects.get(application=application, department__code="CZ").status == TaskStatus.PENDING


def test_full_journey_over_http(joint_service, resident, make_clerk, client_for):
    me = client_for(resident)
    created = me.post("/api/v1/applications", {"service_code": joint_service.code}, format="json")
    assert created.status_code == 201
    app_id = created.json()["id"]
    # everything missing is told at once
    incomplete = me.post(f"/api/v1/applications/{app_id}/submit")
    assert incomplete.status_code == 422
    fields = {e["field"] for e in incomplete.json()["errors"]}
    assert {
        "form_data.applicant_name",
        "form_data.contact_phone",
        "form_data.reason",
        "materials.photo",
    } <= fields
    bad = me.patch(
        f"/api/v1/applications/{app_id}", {"form_data": {"contact_phone": "12", "x": 1}}, format="json"
    )
    assert bad.status_code == 400
    assert {(e["field"], e["code"]) for e in bad.json()["errors"]} == {
        ("form_data.contact_phone", "pattern"),
        ("form_data.x", "unknown_field"),
    }
    form = {"applicant_name": "李四", "contact_phone": "13912345678", "reason": "新设公司"}
    assert me.patch(f"/api/v1/applications/{app_id}", {"form_data": form}, format="json").status_code == 200
    upload = me.post(
        f"/api/v1/applications/{app_id}/materials",
        {"slot": "photo", "file": _file("p.jpg", jpeg_bytes())},
        format="multipart",
    )
    assert upload.status_code == 201, upload.json()
    submitted = me.post(f"/api/v1/applications/{app_id}/submit")
    assert submitted.status_code == 200 and submitted.json()["receipt_number"]
    desk = client_for(make_clerk("SC", roles=("clerk", "reviewer")))
    assert (
        desk.post(f"/api/v1/staff/applications/{app_id}/accept", {}, format="json").json()["status"]
        == "accepted"
    )
    assert desk.post(f"/api/v1/staff/applications/{app_id}/claim").json()["status"] == "in_review"
    for code in ("SC", "GA", "CZ"):
        reviewer = desk if code == "SC" else client_for(make_clerk(code, roles=("reviewer",)))
        answer = reviewer.post(
            f"/api/v1/staff/applications/{app_id}/approve", {"department_code": code}, format="json"
        )
        assert answer.status_code == 200, answer.json()
    assert answer.json()["status"] == "approved"
    assert (
        desk.post(f"/api/v1/staff/applications/{app_id}/complete", {}, format="json").json()["status"]
        == "completed"
    )
    comment = desk.post(f"/api/v1/staff/applications/{app_id}/comments", {"text": "已归档"}, format="json")
    assert comment.status_code == 201
    detail = me.get(f"/api/v1/applications/{app_id}", HTTP_ACCEPT_LANGUAGE="en").json()
    assert [e["to_status"] for e in detail["timeline"] if e["from_status"] != e["to_status"]] == [
        "submitted",
        "accepted",
        "in_review",
        "approved",
        "completed",
    ]
    assert all("internal_note" not in e for e in detail["timeline"])
    assert "comment" not in [e["action"] for e in detail["timeline"]]  # internal only
    assert detail["timeline"][0]["message"] == "Submitted; waiting for pre-review and acceptance."


def _file(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)
