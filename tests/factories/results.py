"""Builders for the results-and-service tests (certificates, appointments, feedback, supervision)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.utils import timezone


def make_department(code: str | None = None, name: str = "省民政厅") -> Any:
    from backend.accounts.models import Department

    return Department.objects.get_or_create(
        code=code or f"D{uuid.uuid4().hex[:6].upper()}", defaults={"name": name}
    )[0]


def make_service(
    *,
    department: Any = None,
    code: str | None = None,
    materials: list[dict[str, Any]] | None = None,
    promised_days: int = 5,
    publish: bool = True,
) -> Any:
    """A service item with its material slots, published (applications need a current version)."""
    from backend.services.models import MaterialSpec, Region, ServiceItem
    from backend.services.services import service_publish

    department = department or make_department()
    region = Region.objects.get_or_create(code="370000", defaults={"name": "山东省", "level": "province"})[0]
    item = ServiceItem.objects.create(
        code=code or f"S{uuid.uuid4().hex[:10].upper()}",
        name="婚姻登记",
        department=department,
        region=region,
        statutory_days=max(promised_days, 20),
        promised_days=promised_days,
    )
    for order, spec in enumerate(materials or []):
        MaterialSpec.objects.create(
            service=item,
            order=order,
            code=spec["code"],
            name=spec.get("name", spec["code"]),
            required=spec.get("required", True),
            accepted_formats=["jpeg", "png"],
            certificate_type=spec.get("certificate_type", ""),
        )
    if publish:
        service_publish(service=item)
        item.refresh_from_db()
    return item


def make_application(*, applicant: Any, service: Any, status: str = "draft", **fields: Any) -> Any:
    from backend.applications.models import Application

    return Application.objects.create(
        applicant=applicant,
        service=service,
        service_version=service.current_version,
        department_id=service.department_id,
        status=status,
        **fields,
    )


def add_event(application: Any, *, to_status: str, at: datetime | None = None, action: str = "test") -> Any:
    from backend.applications.models import ApplicationEvent

    event = ApplicationEvent.objects.create(
        application=application, action=action, to_status=to_status, actor_role="system"
    )
    if at is not None:
        ApplicationEvent.objects.filter(pk=event.pk).update(created_at=at)
    return event


def make_certificate_type(
    *, department: Any = None, code: str | None = None, services: list[Any] = (), **kw: Any
) -> Any:
    from backend.certificates.models import CertificateType

    ctype = CertificateType.objects.create(
        code=code or f"T{uuid.uuid4().hex[:8].upper()}",
        name=kw.pop("name", "结婚证"),
        department=department or make_department(),
        **kw,
    )
    ctype.issued_for_services.set(services)
    return ctype


def now() -> datetime:
    return timezone.now()
