"""Who sees what: residents only their own cases, staff only their departments' (audited);
residents write only their form; the public lookup reveals nothing and is rate limited."""

from __future__ import annotations

import pytest

from backend.applications.constants import Status
from backend.applications.models import Application, ApplicationMaterial
from backend.core.models import AuditLog
from tests.factories import make_citizen_id

pytestmark = pytest.mark.django_db


def test_resident_b_gets_404_for_a_case_timeline_and_material(submitted, make_resident, client_for):
    application = submitted()
    material = ApplicationMaterial.objects.get(application=application)
    b = client_for(make_resident())
    for url in (
        f"/api/v1/applications/{application.pk}",
        f"/api/v1/applications/{application.pk}/materials/{material.pk}/file",
    ):
        response = b.get(url)
        assert response.status_code == 404, url
        assert response.json()["code"] == "not_found"
    for url in (
        f"/api/v1/applications/{application.pk}/submit",
        f"/api/v1/applications/{application.pk}/withdraw",
    ):
        assert b.post(url).status_code == 404
    assert (
        b.patch(f"/api/v1/applications/{application.pk}", {"form_data": {}}, format="json").status_code == 404
    )
    assert b.delete(f"/api/v1/applications/{application.pk}/materials/{material.pk}").status_code == 404
    assert b.get("/api/v1/applications").json()["count"] == 0
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert ApplicationMaterial.objects.filter(pk=material.pk).exists()


def test_clerk_of_another_department_gets_404_and_changes_nothing(submitted, make_clerk, client_for):
    application = submitted()
    outsider = client_for(make_clerk("RS", roles=("clerk", "reviewer", "supervisor")))
    material = ApplicationMaterial.objects.get(application=application)
    assert outsider.get(f"/api/v1/staff/applications/{application.pk}").status_code == 404
    assert (
        outsider.get(f"/api/v1/staff/applications/{application.pk}/materials/{material.pk}/file").status_code
        == 404
    )
    assert (
        outsider.post(f"/api/v1/staff/applications/{application.pk}/accept", {}, format="json").status_code
        == 404
    )
    assert outsider.get("/api/v1/staff/applications").json()["count"] == 0
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    assert not AuditLog.objects.filter(action__startswith="application.staff_read").exists()


def test_each_staff_read_leaves_an_audit_row(submitted, make_clerk, client_for):
    application = submitted()
    clerk = make_clerk(application.department.code)
    client = client_for(clerk)
    material = ApplicationMaterial.objects.get(application=application)
    detail = client.get(f"/api/v1/staff/applications/{application.pk}")
    assert detail.status_code == 200
    assert detail.json()["applicant_phone"].count("*") >= 4  # masked
    assert (
        client.get(f"/api/v1/staff/applications/{application.pk}/materials/{material.pk}/file").status_code
        == 200
    )
    client.get(f"/api/v1/staff/applications/{application.pk}")
    rows = AuditLog.objects.filter(actor=clerk, object_id=str(application.pk))
    assert sorted(r.action for r in rows) == [
        "application.staff_read",
        "application.staff_read",
        "application.staff_read_material",
    ]


def test_each_staff_list_page_leaves_an_audit_row_naming_the_cases_shown(submitted, make_clerk, client_for):
    application = submitted()
    clerk = make_clerk(application.department.code)
    client = client_for(clerk)
    assert client.get("/api/v1/staff/applications", {"status": "submitted"}).status_code == 200
    assert client.get("/api/v1/staff/applications", {"status": "accepted"}).status_code == 200
    rows = AuditLog.objects.filter(actor=clerk, action="application.staff_list")
    shown = {r.detail["filters"]["status"]: r.detail["application_ids"] for r in rows}
    assert shown == {"submitted": [str(application.pk)], "accepted": []}


def test_staff_queue_by_department_and_state(submitted, make_clerk, client_for):
    application = submitted()
    client = client_for(make_clerk("GA"))
    page = client.get("/api/v1/staff/applications", {"status": "submitted", "department": "GA"}).json()
    assert [r["id"] for r in page["results"]] == [str(application.pk)]
    assert client.get("/api/v1/staff/applications", {"status": "accepted"}).json()["count"] == 0


def test_drafts_are_not_in_staff_queues(draft, make_clerk, client_for):
    application = draft()
    client = client_for(make_clerk("GA"))
    assert client.get("/api/v1/staff/applications").json()["count"] == 0
    assert client.get(f"/api/v1/staff/applications/{application.pk}").status_code == 404


def test_resident_cannot_write_status_fees_or_owner(draft, resident, make_resident, client_for):
    application = draft()
    other = make_resident()
    response = client_for(resident).patch(
        f"/api/v1/applications/{application.pk}",
        {
            "form_data": application.form_data,
            "status": "approved",
            "fee_bill_id": None,
            "applicant": str(other.pk),
        },
        format="json",
    )
    assert response.status_code == 400
    assert {e["code"] for e in response.json()["errors"]} == {"field_not_writable"}
    application.refresh_from_db()
    assert application.status == Status.DRAFT and application.applicant_id == resident.pk


def test_staff_cannot_use_resident_endpoints(submitted, make_clerk, client_for):
    application = submitted()
    clerk = client_for(make_clerk("GA"))
    assert clerk.get(f"/api/v1/applications/{application.pk}").status_code == 403


# --- public lookup ----------------------------------------------------------------------------------
@pytest.fixture
def verified(resident):
    from backend.accounts.models import User

    citizen_id = make_citizen_id()
    User.objects.filter(pk=resident.pk).update(citizen_id=citizen_id)
    resident.refresh_from_db()
    return citizen_id


def test_lookup_with_the_right_factor_reveals_progress_only(submitted, verified, resident, api):
    application = submitted()
    response = api.post(
        "/api/v1/progress/lookup",
        {"receipt_number": application.receipt_number, "factor": verified[-6:]},
        format="json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "submitted"
    assert set(body) == {
        "receipt_number",
        "service_name",
        "status",
        "submitted_on",
        "deadline_on",
        "last_update_on",
        "next_step",
    }
    text = str(body)
    assert verified not in text and "张三" not in text and resident.phone[-8:] not in text
    by_phone = api.post(
        "/api/v1/progress/lookup",
        {"receipt_number": application.receipt_number, "factor": resident.phone},
        format="json",
    )
    assert by_phone.status_code == 200


def test_lookup_with_a_wrong_factor_reveals_nothing_and_is_rate_limited(submitted, verified, api):
    application = submitted()
    wrong = "000000" if not verified.endswith("000000") else "111111"
    unknown = api.post(
        "/api/v1/progress/lookup", {"receipt_number": "ZB20990101000001", "factor": wrong}, format="json"
    )
    answers = [
        api.post(
            "/api/v1/progress/lookup",
            {"receipt_number": application.receipt_number, "factor": wrong},
            format="json",
        )
        for _ in range(4)
    ]
    for response in answers:
        assert response.status_code == 404
        assert response.json() == {**unknown.json(), "instance": response.json()["instance"]}
        assert "status" not in response.json() or response.json()["status"] == 404
    # the fifth try on this receipt number is the last; then even the right factor waits
    api.post(
        "/api/v1/progress/lookup",
        {"receipt_number": application.receipt_number, "factor": wrong},
        format="json",
    )
    limited = api.post(
        "/api/v1/progress/lookup",
        {"receipt_number": application.receipt_number, "factor": verified[-6:]},
        format="json",
    )
    assert limited.status_code == 429
    assert limited.json()["code"] == "lookup_rate_limited"
    assert int(limited["Retry-After"]) > 0


def test_lookup_is_limited_per_address_across_receipt_numbers(api):
    codes = [
        api.post(
            "/api/v1/progress/lookup",
            {"receipt_number": f"ZB20250926{n:06d}", "factor": "123456"},
            format="json",
        ).status_code
        for n in range(21)
    ]
    assert codes[:20] == [404] * 20
    assert codes[20] == 429


def test_merge_moves_applications_and_consents(draft, resident, make_resident):
    from backend.accounts.merge import account_merge
    from backend.applications.services import consent_grant

    absorbed = make_resident()
    application = draft(by=absorbed)
    consent_grant(user=absorbed, purpose="identity_document_upload")
    account_merge(keep=resident, absorb=absorbed, reason="test")
    assert Application.objects.get(pk=application.pk).applicant_id == resident.pk
    assert resident.consents.filter(purpose="identity_document_upload").exists()
