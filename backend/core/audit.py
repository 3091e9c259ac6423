"""Write to the append-only audit log."""

from __future__ import annotations

from typing import Any

from django.db import models

from backend.core.compiled_write import row_insert
from backend.core.models import AuditLog, AuditResult
from backend.core.request_context import client_ip_var, request_id_var


def audit_record(
    *,
    action: str,
    actor: Any = None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    result: str = AuditResult.SUCCESS,
    detail: dict[str, Any] | None = None,
) -> AuditLog:
    """Append one audit row in the caller's transaction (it commits or rolls back with it).

    `detail` must not carry plaintext personal data; pass ids and masked values.
    """
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    actor_obj = actor if getattr(actor, "pk", None) else None
    return row_insert(
        AuditLog,
        action=action,
        actor=actor_obj,
        actor_kind=getattr(actor_obj, "kind", "") if actor_obj else "anonymous",
        object_type=object_type,
        object_id=object_id,
        result=result,
        ip=client_ip_var.get(),
        request_id=request_id_var.get() if request_id_var.get() != "-" else "",
        detail=detail or {},
    )
