"""Reads on accounts."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from backend.accounts.constants import UserKind
from backend.accounts.models import User
from backend.core.models import AuditLog


def user_with_identities(user_id: object) -> User:
    return User.objects.prefetch_related("identities").get(pk=user_id)


def resident_get_for_staff(*, resident_id: object) -> User:
    """A resident by id for staff; 404 for anything that is not a resident."""
    return get_object_or_404(User.objects.filter(kind=UserKind.RESIDENT), pk=resident_id)


def audit_log_list(
    *,
    action: str | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    since: object = None,
    until: object = None,
) -> QuerySet[AuditLog]:
    qs = AuditLog.objects.all().order_by("-at", "-id")
    if action:
        qs = qs.filter(action=action)
    if object_type:
        qs = qs.filter(object_type=object_type)
    if object_id:
        qs = qs.filter(object_id=object_id)
    if since:
        qs = qs.filter(at__gte=since)
    if until:
        qs = qs.filter(at__lt=until)
    return qs
