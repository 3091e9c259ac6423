"""查 progress: list and detail with a fixed query count; receipt numbers unique under concurrency."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from backend.applications import services
from backend.applications.models import Application
from tests.factories.cases import GOOD_FORM, jpeg_bytes, make_service


@pytest.mark.django_db
def test_progress_list_filters_by_status(submitted, draft, resident, client_for):
    done = submitted()
    draft()
    client = client_for(resident)
    assert client.get("/api/v1/applications").json()["count"] == 2
    page = client.get("/api/v1/applications", {"status": "submitted"}).json()
    assert [r["id"] for r in page["results"]] == [str(done.pk)]
    assert page["results"][0]["receipt_number"] == done.receipt_number


@pytest.mark.django_db
def test_progress_detail_has_timeline_due_date_and_next_step(in_review, resident, client_for):
    application = in_review()
    body = client_for(resident).get(f"/api/v1/applications/{application.pk}").json()
    assert body["deadline_on"] == "2025-10-10"
    assert body["clock_status"] in {"on_time", "warning", "overdue"}
    assert [e["to_status"] for e in body["timeline"]] == ["submitted", "accepted", "in_review"]
    assert body["next_step"] == "等待审查结果。"
    assert body["tasks"][0]["status"] == "pending"


@pytest.mark.django_db
def test_progress_detail_query_count_does_not_grow(
    in_review, make_clerk, resident, client_for, django_assert_num_queries
):
    small = in_review()
    big = in_review(make_service("T0500", co=("RS", "CZ", "JT")))
    clerk = make_clerk(big.department.code)
    for n in range(5):
        services.application_comment(application_id=big.pk, staff=clerk, text=f"note {n}")
    services.application_request_correction(
        application_id=big.pk, staff=clerk, items=[{"target": "material:photo", "problem": "模糊"}]
    )
    for _ in range(3):
        services.material_upload(application_id=big.pk, applicant=resident, slot="proof", data=jpeg_bytes())
    client = client_for(resident)
    counts = []
    for application in (small, big):
        # one join: the case with its progress read model, and the user behind the token
        with django_assert_num_queries(1) as captured:
            assert client.get(f"/api/v1/applications/{application.pk}").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_submissions_get_fifty_distinct_receipt_numbers(make_resident, settings, tmp_path):
    service = make_service("T0600")
    applicants = [make_resident() for _ in range(50)]
    drafts = []
    for person in applicants:
        application = services.application_create(applicant=person, service_code=service.code)
        services.application_form_update(application_id=application.pk, applicant=person, form_data=GOOD_FORM)
        services.material_upload(
            application_id=application.pk, applicant=person, slot="photo", data=jpeg_bytes()
        )
        drafts.append((application.pk, person))
    barrier = threading.Barrier(50)
    errors: list[BaseException] = []

    def submit(application_id, person):
        try:
            barrier.wait()
            services.application_submit(application_id=application_id, applicant=person)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=d) for d in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = list(Application.objects.filter(service=service).values_list("receipt_number", flat=True))
    assert len(numbers) == 50 and None not in numbers
    assert len(set(numbers)) == 50
