"""Writes on accounts: real-name verification, staff accounts, staff reads (audited)."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.accounts.constants import Role, UserKind
from backend.accounts.models import Department, User
from backend.accounts.realname import Verdict, VerifierUnavailable, get_verifier
from backend.accounts.roles import conflicting_roles
from backend.core import pii
from backend.core.audit import audit_record
from backend.core.errors import ApplicationError, Conflict, RateLimited, ServiceUnavailable
from backend.core.masking import mask_citizen_id
from backend.core.models import AuditResult
from backend.core.ratelimit import Limit, get_limiter


def citizen_id_index(citizen_id: str) -> str:
    return pii.blind_index(citizen_id, purpose="citizen_id")


def real_name_verify(*, user: User, name: str, citizen_id: str) -> User:
    """Check `name` + `citizen_id` with the identity service and store them on a match.

    Preconditions: `citizen_id` already normalised. Limited per user per day (each check
    costs the province money). Side effects: audit row `real_name.verify` either way; on a
    match the encrypted name and number and the verification time.
    Errors: `real_name_mismatch` (422), `citizen_id_taken` (409), `real_name_unavailable` (503).
    """
    decision = get_limiter().acquire(
        [
            Limit(
                f"realname:user:{timezone.localdate().isoformat()}:{user.pk}",
                settings.REAL_NAME_DAILY_LIMIT,
                24 * 3600,
            )
        ]
    )
    if not decision.allowed:
        raise RateLimited(decision.retry_after, code="real_name_rate_limited")
    index = citizen_id_index(citizen_id)
    owner = User.objects.filter(citizen_id_index=index).exclude(pk=user.pk).exists()
    detail = {"citizen_id": mask_citizen_id(citizen_id)}
    if owner:
        _audit_failure(user, {**detail, "reason": "taken"})
        raise Conflict(_("This ID number is already verified on another account."), code="citizen_id_taken")
    try:
        verdict = get_verifier().verify(name=name, citizen_id=citizen_id)
    except VerifierUnavailable as exc:
        _audit_failure(user, {**detail, "reason": "unavailable"})
        raise ServiceUnavailable(
            _("The identity service is unavailable. Please try again later."), code="real_name_unavailable"
        ) from exc
    if verdict != Verdict.MATCH:
        _audit_failure(user, {**detail, "reason": "mismatch"})
        raise ApplicationError(
            _("The name does not match the ID number."), code="real_name_mismatch", status=422
        )
    try:
        with transaction.atomic():
            locked = User.objects.select_for_update().get(pk=user.pk)
            locked.real_name = name
            locked.citizen_id = citizen_id
            locked.citizen_id_index = index
            locked.real_name_verified_at = timezone.now()
            locked.save(
                update_fields=["real_name", "citizen_id", "citizen_id_index", "real_name_verified_at"]
            )
            audit_record(action="real_name.verify", actor=locked, obj=locked, detail=detail)
    except IntegrityError as exc:  # another account verified the same number meanwhile
        raise Conflict(
            _("This ID number is already verified on another account."), code="citizen_id_taken"
        ) from exc
    return locked


def _audit_failure(user: User, detail: dict[str, str]) -> None:
    with transaction.atomic():
        audit_record(
            action="real_name.verify", actor=user, obj=user, result=AuditResult.FAILURE, detail=detail
        )


def staff_create(
    *, username: str, password: str, roles: set[str], departments: list[Department], actor: User | None = None
) -> User:
    """Create a staff account with roles; the three separated powers never share one account."""
    unknown = roles - {str(r) for r in Role}
    if unknown:
        raise ApplicationError(f"unknown roles: {sorted(unknown)}", code="unknown_role")
    clash = conflicting_roles(roles)
    if clash:
        raise ApplicationError(
            _("These roles must be held by different people: %(roles)s")
            % {"roles": ", ".join(sorted(clash))},
            code="separated_roles",
        )
    from django.contrib.auth.models import Group
    from django.contrib.auth.password_validation import validate_password

    with transaction.atomic():
        user = User(kind=UserKind.STAFF, username=username, is_staff=True)
        validate_password(password, user)
        user.set_password(password)
        user.save()
        user.groups.set(Group.objects.filter(name__in=roles))
        user.departments.set(departments)
        audit_record(
            action="staff.create",
            actor=actor,
            obj=user,
            detail={"roles": sorted(roles), "username": username},
        )
    return user


def staff_read_resident(*, staff: User, resident: User) -> User:
    """Record that `staff` read `resident`'s personal data (the read itself is a selector)."""
    with transaction.atomic():
        audit_record(action="resident.read", actor=staff, obj=resident)
    return resident
