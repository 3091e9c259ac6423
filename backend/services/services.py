"""Writes of the service catalog: derived search keys and publishing a guide version."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from backend.core.audit import audit_record
from backend.services.models import ServiceItem, ServiceVersion
from backend.services.search import search_keys


def service_search_keys_refresh(*, service: ServiceItem) -> None:
    """Recompute the item's search keys from its name, English name and aliases.

    Called whenever the name or aliases change (admin save, loader). The name keys are kept
    apart so that name matches can be ranked before alias matches.
    """
    name_en = (service.translations or {}).get("en", {}).get("name", "")
    service.name_keys = search_keys([service.name, name_en])
    service.search_keys = "|".join(filter(None, [service.name_keys, search_keys(service.aliases or [])]))
    ServiceItem.objects.filter(pk=service.pk).update(
        name_keys=service.name_keys, search_keys=service.search_keys
    )


def _department(dep: Any) -> dict[str, Any]:
    return {
        "code": dep.code,
        "name": dep.name,
        "translations": {"en": {"name": dep.name_en}} if dep.name_en else {},
    }


def guide_build(*, service: ServiceItem) -> dict[str, Any]:
    """The whole guide of `service` as one JSON document, with every translation."""
    return {
        "code": service.code,
        "name": service.name,
        "aliases": list(service.aliases or []),
        "item_type": service.item_type,
        "audience": service.audience,
        "themes": service.theme_list,
        "region": {
            "code": service.region.code,
            "name": service.region.name,
            "level": service.region.level,
            "translations": service.region.translations,
        },
        "region_level": service.region_level,
        "online_depth": service.online_depth,
        "conditions": service.conditions,
        "legal_basis": service.legal_basis,
        "statutory_days": service.statutory_days,
        "promised_days": service.promised_days,
        "fee_stage": service.fee_stage,
        "department": _department(service.department),
        "co_departments": [_department(d) for d in service.co_departments.order_by("code")],
        "fees": [
            {
                "code": f.code,
                "name": f.name,
                "amount_fen": f.amount_fen,
                "legal_basis": f.legal_basis,
                "translations": f.translations,
            }
            for f in service.fee_items.all()
        ],
        "steps": [
            {"order": s.order, "name": s.name, "description": s.description, "translations": s.translations}
            for s in service.steps.all()
        ],
        "windows": [
            {
                "hall": w.hall,
                "place": w.place,
                "window": w.window,
                "hours": w.hours,
                "hotline": w.hotline,
                "translations": w.translations,
            }
            for w in service.windows.all()
        ],
        "faqs": [
            {"question": q.question, "answer": q.answer, "translations": q.translations}
            for q in service.faqs.all()
        ],
        "materials": [
            {
                "code": m.code,
                "name": m.name,
                "required": m.required,
                "accepted_formats": list(m.accepted_formats or []),
                "copies": m.copies,
                "notes": m.notes,
                "sample_image": m.sample_image,
                "certificate_type": m.certificate_type,
                "is_identity_document": m.is_identity_document,
                "translations": m.translations,
            }
            for m in service.materials.all()
        ],
        "form_schema": service.form_schema or {},
        "translations": service.translations or {},
    }


@transaction.atomic
def service_publish(*, service: ServiceItem, actor: Any = None) -> ServiceVersion:
    """Publish the item's current rows as a new immutable version and make it current.

    Applications created afterwards are filed under the new version; existing ones keep theirs.
    Side effects: a `ServiceVersion` row, `current_version` updated, audit row `service.publish`.
    """
    service = (
        ServiceItem.objects.select_for_update().select_related("department", "region").get(pk=service.pk)
    )
    number = (service.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = ServiceVersion.objects.create(
        service=service, number=number, guide=guide_build(service=service)
    )
    service.current_version = version
    service.save(update_fields=["current_version"])
    audit_record(action="service.publish", actor=actor, obj=service, detail={"version": number})
    return version
