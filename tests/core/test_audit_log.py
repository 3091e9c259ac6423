"""The audit log is append-only in the database, and records what it should."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from backend.core.audit import audit_record
from backend.core.models import AuditLog


@pytest.mark.postgres
@pytest.mark.django_db
def test_update_and_delete_of_an_audit_row_fail_on_postgresql():
    row = audit_record(action="test.event", object_type="thing", object_id="1")
    for statement in (
        "UPDATE core_auditlog SET action = 'forged' WHERE id = %s",
        "DELETE FROM core_auditlog WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, [row.pk])
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditLog.objects.filter(pk=row.pk).update(action="forged")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditLog.objects.filter(pk=row.pk).delete()
    row.refresh_from_db()
    assert row.action == "test.event"


@pytest.mark.django_db
def test_audit_rows_carry_request_id_and_address(api, request_code, make_resident):
    from tests.factories import make_phone

    phone = make_phone()
    _, code = request_code(phone)
    api.post(
        "/api/v1/auth/sms/login",
        {"phone": phone, "code": code},
        format="json",
        HTTP_X_REQUEST_ID="audit-test-0001",
        REMOTE_ADDR="198.51.100.4",
    )
    row = AuditLog.objects.get(action="auth.login", result="success")
    assert row.request_id == "audit-test-0001"
    assert row.ip == "198.51.100.4"
    assert row.detail == {"method": "sms"}
    assert phone not in str(row.detail)
