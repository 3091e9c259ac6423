"""Issuing, verifying, revoking and reusing electronic certificates."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone
from PIL import Image

from backend.applications.models import ApplicationMaterial
from backend.certificates import services
from backend.certificates.models import Certificate, CertificateUse
from backend.certificates.render import verification_url
from backend.certificates.selectors import certificate_satisfied_slots
from backend.core.models import AuditLog
from notifications.models import Message
from tests.factories.results import (
    add_event,
    make_application,
    make_certificate_type,
    make_department,
    make_service,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(make_resident):
    dept = make_department("MZ", "省民政厅")
    service = make_service(department=dept)
    ctype = make_certificate_type(
        department=dept, services=[service], result_fields=["spouse_name"], code="MARRIAGE"
    )
    resident = make_resident()
    resident.real_name = "张三丰"
    resident.save(update_fields=["real_name"])
    return dept, service, ctype, resident


def completed_case(resident, service, *, approved=True):
    application = make_application(
        applicant=resident, service=service, status="completed", completed_at=timezone.now()
    )
    application.form_data = {"spouse_name": "李四", "phone": "13800000000"}
    application.save(update_fields=["form_data_encrypted"])
    add_event(application, to_status="approved" if approved else "rejected")
    add_event(application, to_status="completed")
    return application


def test_completed_case_issues_a_signed_certificate_once(setting):
    _, service, _, resident = setting
    application = completed_case(resident, service)

    [certificate] = services.certificate_issue_for_case(application=application)
    again = services.certificate_issue_for_case(application=application)

    assert again == [certificate]
    assert Certificate.objects.count() == 1
    certificate.refresh_from_db()
    assert certificate.holder == resident
    assert certificate.fields == {"spouse_name": "李四"}  # only the type's result fields
    assert certificate.algorithm == "SM2-SM3"
    assert services.certificate_status(certificate) == "valid"
    assert Message.objects.filter(event="certificate.issued", recipient=resident).exists()
    assert AuditLog.objects.filter(action="certificate.issue", object_id=str(certificate.pk)).exists()


def test_the_status_listener_issues_on_completion(setting, django_capture_on_commit_callbacks):
    from backend.applications.events import status_changed_emit

    _, service, _, resident = setting
    application = completed_case(resident, service)
    status_changed_emit({"application_id": str(application.pk), "to_status": "completed"})
    assert Certificate.objects.filter(source_id=str(application.pk)).count() == 1


def test_a_refused_or_unfinished_case_issues_nothing(setting):
    _, service, _, resident = setting
    refused = completed_case(resident, service, approved=False)
    draft = make_application(applicant=resident, service=service)
    assert services.certificate_issue_for_case(application=refused) == []
    assert services.certificate_issue_for_case(application=draft) == []
    assert not Certificate.objects.exists()
    assert not Message.objects.filter(event="certificate.issued").exists()


def test_sweep_issues_what_the_listener_missed(setting):
    _, service, _, resident = setting
    completed_case(resident, service)
    assert services.certificate_issue_missing() == 1
    assert services.certificate_issue_missing() == 0


def test_a_tampered_field_fails_verification(setting):
    _, service, _, resident = setting
    [certificate] = services.certificate_issue_for_case(application=completed_case(resident, service))
    stored = Certificate.objects.get(pk=certificate.pk)
    stored.fields = {"spouse_name": "王五"}
    stored.save(update_fields=["fields_encrypted"])
    assert services.certificate_status(Certificate.objects.get(pk=certificate.pk)) == "signature_invalid"
    Certificate.objects.filter(pk=certificate.pk).update(valid_until=timezone.localdate().replace(year=2099))
    assert services.certificate_status(Certificate.objects.get(pk=certificate.pk)) == "signature_invalid"


def test_public_verification_shows_only_what_is_needed(setting, api):
    _, service, _, resident = setting
    resident.citizen_id = "110105199003071234"
    resident.save(update_fields=["citizen_id"])
    [certificate] = services.certificate_issue_for_case(application=completed_case(resident, service))
    url = verification_url(certificate)
    path = url.split("8000", 1)[1]

    response = api.get(path)

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "valid"
    assert body["holder_name_masked"] == "张**"
    assert set(body) == {
        "number",
        "type",
        "department",
        "holder_name_masked",
        "valid_from",
        "valid_until",
        "status",
        "revoked_at",
    }
    text = response.content.decode()
    for secret in ("张三丰", "李四", "110105", "spouse", str(resident.pk)):
        assert secret not in text
    # The number alone is not enough.
    assert api.get(f"/api/v1/certificates/verify/{certificate.number}?code=wrong").status_code == 404


def test_public_verification_is_rate_limited(setting, api, settings, monkeypatch):
    from backend.certificates import apis

    _, service, _, resident = setting
    [certificate] = services.certificate_issue_for_case(application=completed_case(resident, service))
    monkeypatch.setattr(apis, "VERIFY_IP_HOURLY_LIMIT", 2)
    path = f"/api/v1/certificates/verify/{certificate.number}?code={certificate.verify_code}"
    assert [api.get(path).status_code for _ in range(3)] == [200, 200, 429]


def test_revocation_by_the_issuing_department_admin(setting, api, make_staff, client_for):
    dept, service, _, resident = setting
    [certificate] = services.certificate_issue_for_case(application=completed_case(resident, service))
    outsider = make_staff("admin")
    outsider.departments.add(make_department("GA", "省公安厅"))
    clerk = make_staff("clerk")
    clerk.departments.add(dept)
    admin = make_staff("admin")
    admin.departments.add(dept)
    url = f"/api/v1/certificates/{certificate.pk}/revoke"

    assert client_for(outsider).post(url, {"reason": "x"}, format="json").status_code == 404
    assert client_for(clerk).post(url, {"reason": "x"}, format="json").status_code == 404
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is None
    response = client_for(admin).post(url, {"reason": "登记有误"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "revoked"
    assert client_for(admin).post(url, {"reason": "again"}, format="json").status_code == 409
    assert AuditLog.objects.filter(action="certificate.revoke", actor=admin).count() == 1

    public = api.get(f"/api/v1/certificates/verify/{certificate.number}?code={certificate.verify_code}")
    assert public.json()["status"] == "revoked"


def test_mine_list_detail_image_and_others_get_404(setting, make_resident, client_for):
    _, service, _, resident = setting
    [certificate] = services.certificate_issue_for_case(application=completed_case(resident, service))
    mine, other = client_for(resident), client_for(make_resident())

    listing = mine.get("/api/v1/certificates").json()
    assert [row["id"] for row in listing["results"]] == [str(certificate.pk)]
    detail = mine.get(f"/api/v1/certificates/{certificate.pk}").json()
    assert detail["fields"] == {"spouse_name": "李四"}
    image = mine.get(f"/api/v1/certificates/{certificate.pk}/image")
    assert image["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(image.content)).size == (900, 600)

    assert other.get("/api/v1/certificates").json()["count"] == 0
    assert other.get(f"/api/v1/certificates/{certificate.pk}").status_code == 404
    assert other.get(f"/api/v1/certificates/{certificate.pk}/image").status_code == 404


def test_the_qr_code_holds_the_verification_url(setting):
    _, service, _, resident = setting
    [certificate] = services.certificate_issue_for_case(application=completed_case(resident, service))
    url = verification_url(certificate)
    assert url.endswith(f"/api/v1/certificates/verify/{certificate.number}?code={certificate.verify_code}")


def test_material_reuse_second_application_uploads_nothing(setting, client_for, make_staff):
    dept, service, ctype, resident = setting
    [certificate] = services.certificate_issue_for_case(application=completed_case(resident, service))
    needing = make_service(
        department=dept, materials=[{"code": "marriage", "name": "结婚证", "certificate_type": ctype.code}]
    )
    client = client_for(resident)
    staff = make_staff("clerk")
    staff.departments.add(dept)

    for _ in range(2):
        draft = make_application(applicant=resident, service=needing)
        offers = client.get(f"/api/v1/certificates/offers?application={draft.pk}").json()
        assert [(o["slot"], o["certificate"]["id"]) for o in offers] == [("marriage", str(certificate.pk))]
        response = client.post(
            "/api/v1/certificates/uses",
            {"application": str(draft.pk), "slot": "marriage", "certificate": str(certificate.pk)},
            format="json",
        )
        assert response.status_code == 201, response.content
        assert certificate_satisfied_slots(application=draft) == {"marriage"}
        assert not ApplicationMaterial.objects.filter(application=draft).exists()
        seen = client_for(staff).get(f"/api/v1/staff/applications/{draft.pk}/certificate-uses").json()
        assert [(row["slot"], row["verified"]) for row in seen] == [("marriage", True)]
        # The required material is satisfied by reference: the draft submits without an upload.
        submitted = client.post(f"/api/v1/applications/{draft.pk}/submit", {}, format="json")
        assert submitted.status_code == 200, submitted.content
        assert submitted.json()["status"] == "submitted"
    assert CertificateUse.objects.filter(certificate=certificate).count() == 2


def test_reuse_refused_for_revoked_or_foreign_certificates(setting, make_resident, client_for, make_staff):
    dept, service, ctype, resident = setting
    [certificate] = services.certificate_issue_for_case(application=completed_case(resident, service))
    needing = make_service(department=dept, materials=[{"code": "marriage", "certificate_type": ctype.code}])
    draft = make_application(applicant=resident, service=needing)
    other = make_resident()
    other_draft = make_application(applicant=other, service=needing)

    # Someone else's certificate is not found for them; a slot without the type is refused.
    body = {"application": str(other_draft.pk), "slot": "marriage", "certificate": str(certificate.pk)}
    assert client_for(other).post("/api/v1/certificates/uses", body, format="json").status_code == 404
    body = {"application": str(draft.pk), "slot": "nope", "certificate": str(certificate.pk)}
    assert client_for(resident).post("/api/v1/certificates/uses", body, format="json").status_code == 422

    admin = make_staff("admin")
    admin.departments.add(dept)
    services.certificate_revoke(certificate=certificate, actor=admin, reason="x")
    assert client_for(resident).get(f"/api/v1/certificates/offers?application={draft.pk}").json() == []
    body = {"application": str(draft.pk), "slot": "marriage", "certificate": str(certificate.pk)}
    response = client_for(resident).post("/api/v1/certificates/uses", body, format="json")
    assert response.status_code == 422
    assert response.json()["code"] == "certificate_not_usable"
    assert not CertificateUse.objects.exists()


def test_account_merge_moves_certificates(setting, make_resident):
    from backend.accounts.merge import account_merge, merge_survivor

    _, service, _, resident = setting
    [certificate] = services.certificate_issue_for_case(application=completed_case(resident, service))
    other = make_resident()
    keep, absorb = merge_survivor(other, resident)
    account_merge(keep=keep, absorb=absorb, reason="test")
    certificate.refresh_from_db()
    assert certificate.holder == keep
    assert services.certificate_status(certificate) == "valid"  # the signature does not bind the account


def test_invalid_page_parameters_are_a_400(setting, client_for):
    _, _, _, resident = setting
    client = client_for(resident)
    assert client.get("/api/v1/certificates?page_size=abc").status_code == 400
    assert client.get("/api/v1/certificates?page=0").status_code == 400
    assert client.get("/api/v1/certificates?page=1&page_size=5").status_code == 200
    assert client.get("/api/v1/certificates/not-a-uuid").status_code == 404
    assert (
        client.post("/api/v1/certificates/not-a-uuid/revoke", {"reason": "x"}, format="json").status_code
        == 403
    )


def test_completing_through_the_applications_workflow_issues_the_certificate(
    setting, make_staff, django_capture_on_commit_callbacks
):
    from backend.applications.services import application_complete

    dept, service, _, resident = setting
    application = make_application(applicant=resident, service=service, status="approved")
    add_event(application, to_status="approved")
    clerk = make_staff("clerk")
    clerk.departments.add(dept)

    with django_capture_on_commit_callbacks(execute=True):
        application_complete(application_id=application.pk, staff=clerk)

    certificate = Certificate.objects.get(source_type="application", source_id=str(application.pk))
    assert certificate.holder == resident
    assert services.certificate_status(certificate) == "valid"
