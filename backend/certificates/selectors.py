"""Reads of electronic certificates."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from backend.certificates.constants import CertificateStatus
from backend.certificates.models import Certificate, CertificateUse
from backend.certificates.services import certificate_status


def certificate_list_for_holder(*, holder: Any) -> QuerySet[Certificate]:
    return Certificate.objects.filter(holder=holder).select_related("certificate_type", "department")


def certificate_get_for_holder(*, holder: Any, certificate_id: Any) -> Certificate | None:
    return certificate_list_for_holder(holder=holder).filter(pk=certificate_id).first()


def certificate_get_by_number(*, number: str) -> Certificate | None:
    return Certificate.objects.select_related("certificate_type", "department").filter(number=number).first()


def certificate_uses_for_application(*, application: Any) -> list[dict[str, Any]]:
    """Slots of a case satisfied by certificates, with whether each verifies now (for staff)."""
    uses = CertificateUse.objects.filter(application=application).select_related(
        "certificate__certificate_type", "certificate__department"
    )
    return [
        {
            "slot": use.slot,
            "certificate": use.certificate,
            "status": (status := certificate_status(use.certificate)),
            "verified": status == CertificateStatus.VALID,
            "attached_at": use.attached_at,
        }
        for use in uses
    ]


def certificate_satisfied_slots(*, application: Any) -> set[str]:
    """Material slots of `application` that a valid certificate stands in for (no upload needed)."""
    return {
        row["slot"] for row in certificate_uses_for_application(application=application) if row["verified"]
    }
