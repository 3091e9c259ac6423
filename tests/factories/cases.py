"""Builders for the catalog and applications tests: departments, a published service, staff."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from backend.accounts.models import Department
from backend.services.models import FeeItem, MaterialSpec, Region, ServiceItem
from backend.services.services import service_publish, service_search_keys_refresh

FORM_SCHEMA = {
    "type": "object",
    "properties": {
        "applicant_name": {"type": "string", "minLength": 2, "maxLength": 30},
        "contact_phone": {"type": "string", "pattern": "^1[3-9][0-9]{9}$"},
        "reason": {"type": "string", "minLength": 2},
    },
    "required": ["applicant_name", "contact_phone", "reason"],
    "additionalProperties": False,
}
GOOD_FORM = {"applicant_name": "张三", "contact_phone": "13812345678", "reason": "有效期满"}


def department(code: str, name: str = "", name_en: str = "") -> Department:
    dep, _ = Department.objects.get_or_create(
        code=code, defaults={"name": name or f"{code}厅", "name_en": name_en or f"{code} Dept"}
    )
    return dep


def region() -> Region:
    reg, _ = Region.objects.get_or_create(code="370000", defaults={"name": "山东省", "level": "province"})
    return reg


def make_service(
    code: str = "T0001",
    *,
    name: str = "居民身份证换领",
    dept: str = "GA",
    co: tuple[str, ...] = (),
    fee_stage: str = "none",
    fee_fen: int = 2000,
    promised_days: int = 5,
    identity_slot: bool = False,
    aliases: list[str] | None = None,
    translations: dict[str, Any] | None = None,
    publish: bool = True,
) -> ServiceItem:
    item = ServiceItem.objects.create(
        code=code,
        name=name,
        aliases=aliases or [],
        department=department(dept),
        region=region(),
        statutory_days=max(promised_days, 20),
        promised_days=promised_days,
        fee_stage=fee_stage,
        form_schema=FORM_SCHEMA,
        themes=",identity,",
        translations=translations or {},
    )
    item.co_departments.set([department(c) for c in co])
    MaterialSpec.objects.create(
        service=item,
        code="photo",
        name="照片",
        required=True,
        accepted_formats=["jpeg", "png", "webp"],
        order=0,
    )
    MaterialSpec.objects.create(
        service=item, code="proof", name="证明", required=False, accepted_formats=["pdf", "jpeg"], order=1
    )
    if identity_slot:
        MaterialSpec.objects.create(
            service=item,
            code="id_card",
            name="身份证",
            required=False,
            accepted_formats=["jpeg", "png"],
            is_identity_document=True,
            order=2,
        )
    if fee_stage != "none":
        FeeItem.objects.create(service=item, code="gb", name="工本费", amount_fen=fee_fen)
    service_search_keys_refresh(service=item)
    if publish:
        service_publish(service=item)
        item.refresh_from_db()
    return item


def jpeg_bytes(size: tuple[int, int] = (64, 48), exif: Any = None, color: str = "red") -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, color)
    if exif is not None:
        image.save(out, format="JPEG", exif=exif)
    else:
        image.save(out, format="JPEG")
    return out.getvalue()


def png_bytes(size: tuple[int, int] = (32, 32)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "blue").save(out, format="PNG")
    return out.getvalue()
