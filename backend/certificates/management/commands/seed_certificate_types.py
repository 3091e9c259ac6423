"""Load the demo certificate types (after `seed_demo` and `seed_catalog`; idempotent).

Links each type to the demo service items whose completed, approved cases issue it, so the
sandbox journey (`make demo`) ends with a signed certificate. Items or departments that are
missing are skipped.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from backend.accounts.models import Department
from backend.certificates.models import CertificateType
from backend.services.models import ServiceItem

# code: (zh name, en name, department, validity days or None, result fields, issuing service items)
TYPES: dict[str, tuple[str, str, str, int | None, list[str], list[str]]] = {
    "CN.DRIVING_LICENCE": (
        "机动车驾驶证",
        "Driving licence",
        "JT",
        6 * 365,
        ["applicant_name"],
        ["11370000JT0001"],
    ),
    "CN.ID_CARD": (
        "居民身份证",
        "Resident identity card",
        "GA",
        20 * 365,
        ["applicant_name"],
        ["11370000GA0001"],
    ),
    "CN.PASSPORT": ("普通护照", "Passport", "CRJ", 10 * 365, ["applicant_name"], ["11370000CRJ001"]),
    "CN.SOCIAL_SECURITY_CARD": ("社会保障卡", "Social security card", "RS", None, [], ["11370000RS0001"]),
}


class Command(BaseCommand):
    help = "Load the demo certificate types and the service items that issue them (safe to run repeatedly)."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        for code, (name, name_en, dep, days, fields, services) in TYPES.items():
            department = Department.objects.filter(code=dep).first()
            if department is None:
                continue
            certificate_type, _created = CertificateType.objects.update_or_create(
                code=code,
                defaults={
                    "name": name,
                    "name_en": name_en,
                    "department": department,
                    "validity_days": days,
                    "result_fields": fields,
                    "is_active": True,
                },
            )
            certificate_type.issued_for_services.set(ServiceItem.objects.filter(code__in=services))
            count += 1
        self.stdout.write(f"demo data: {count} certificate types")
