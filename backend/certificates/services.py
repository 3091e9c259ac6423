"""Writes of electronic certificates: issue, revoke, reuse as a material, account merge.

Hooks for the applications app (the lead wires them; see the team report):
- `certificate_issue_for_case(application=...)` when a case becomes `completed` after approval;
- `selectors.certificate_satisfied_slots(application=...)` where submission checks materials.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.accounts.roles import has_role
from backend.certificates import signing
from backend.certificates.constants import CertificateStatus
from backend.certificates.models import Certificate, CertificateType, CertificateUse
from backend.core.audit import audit_record
from backend.core.errors import ApplicationError, Conflict

_NUMBER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class CertificateNotUsable(ApplicationError):
    status = 422
    code = "certificate_not_usable"
    title = _("This certificate cannot be used here.")


class CertificateAlreadyRevoked(Conflict):
    code = "certificate_already_revoked"
    title = _("The certificate is already revoked.")


def certificate_payload(certificate: Certificate) -> dict[str, Any]:
    """The signed content of a certificate, as canonicalised by `signing.canonical_bytes`.

    The holder's account id is left out on purpose: an account merge moves certificates to
    the surviving account without changing what was signed.
    """
    return {
        "v": 1,
        "type": certificate.certificate_type.code,
        "number": certificate.number,
        "holder_name": certificate.holder_name,
        "fields": certificate.fields,
        "department": certificate.department.code,
        "valid_from": certificate.valid_from.isoformat(),
        "valid_until": certificate.valid_until.isoformat() if certificate.valid_until else None,
        "issued_at": certificate.issued_at.isoformat(),
    }


def certificate_signature_ok(certificate: Certificate) -> bool:
    return signing.verify_payload(
        certificate_payload(certificate),
        algorithm=certificate.algorithm,
        key_id=certificate.key_id,
        signature_hex=certificate.signature,
    )


def certificate_status(certificate: Certificate, *, today: date | None = None) -> str:
    """Signature first (a tampered certificate is never "valid"), then revocation, then dates."""
    today = today or timezone.localdate()
    if not certificate_signature_ok(certificate):
        return CertificateStatus.SIGNATURE_INVALID
    if certificate.revoked_at is not None:
        return CertificateStatus.REVOKED
    if certificate.valid_from > today:
        return CertificateStatus.NOT_YET_VALID
    if certificate.valid_until is not None and certificate.valid_until < today:
        return CertificateStatus.EXPIRED
    return CertificateStatus.VALID


def _new_number(certificate_type: CertificateType, today: date) -> str:
    token = "".join(secrets.choice(_NUMBER_ALPHABET) for _ in range(10))
    return f"{certificate_type.code[:20]}-{today:%Y%m%d}-{token}"


@transaction.atomic
def certificate_issue(
    *,
    certificate_type: CertificateType,
    holder: Any,
    holder_name: str,
    fields: dict[str, Any],
    source_type: str = "",
    source_id: str = "",
    issued_by: Any = None,
) -> Certificate:
    """Issue and sign one certificate of `certificate_type` to `holder`.

    Idempotent per (source_type, source_id, type): a second call returns the first certificate.
    Side effects: audit row `certificate.issue`; `certificate.issued` notification to the holder
    (outbox row in this transaction, delivery after commit).
    """
    if source_type:
        existing = Certificate.objects.filter(
            source_type=source_type, source_id=source_id, certificate_type=certificate_type
        ).first()
        if existing is not None:
            return existing
    now = timezone.now()
    today = timezone.localdate(now)
    certificate = Certificate(
        certificate_type=certificate_type,
        holder=holder,
        holder_name=holder_name,
        number=_new_number(certificate_type, today),
        department=certificate_type.department,
        valid_from=today,
        valid_until=today + timedelta(days=certificate_type.validity_days)
        if certificate_type.validity_days
        else None,
        # Whole seconds: the signed ISO form must read back identically from every database.
        issued_at=now.replace(microsecond=0),
        source_type=source_type,
        source_id=source_id,
        verify_code=secrets.token_urlsafe(12),
    )
    certificate.fields = fields
    certificate.algorithm, certificate.key_id, certificate.signature = signing.sign_payload(
        certificate_payload(certificate)
    )
    try:
        with transaction.atomic():
            certificate.save()
    except IntegrityError:
        if source_type:  # a concurrent issue for the same case won
            return Certificate.objects.get(
                source_type=source_type, source_id=source_id, certificate_type=certificate_type
            )
        raise
    audit_record(
        action="certificate.issue",
        actor=issued_by,
        obj=certificate,
        detail={
            "type": certificate_type.code,
            "number": certificate.number,
            "source": f"{source_type}:{source_id}",
        },
    )
    from notifications.services import notify

    notify(
        event="certificate.issued",
        recipient=holder,
        params={
            "certificate_name": certificate_type.name,
            "certificate_id": str(certificate.pk),
            "issued_at": f"{timezone.localtime(certificate.issued_at):%Y-%m-%d %H:%M}",
        },
        dedupe_key=f"certificate.issued:{certificate.pk}",
        subject_type="certificate",
        subject_id=str(certificate.pk),
    )
    return certificate


@transaction.atomic
def certificate_issue_for_case(*, application: Any, issued_by: Any = None) -> list[Certificate]:
    """Issue the result certificates of a completed, approved case (办结出证).

    For every active certificate type that lists the case's service item as issuing it, one
    certificate to the applicant, with the type's `result_fields` copied from the form.
    Preconditions: the case is `completed` and was approved (a refused case issues nothing).
    Idempotent: calling it again for the same case issues nothing new.
    """
    from backend.applications.constants import Status

    if application.status != Status.COMPLETED:
        return []
    if not application.events.filter(to_status=Status.APPROVED).exists():
        return []
    applicant = application.applicant
    form = application.form_data
    issued = []
    for certificate_type in CertificateType.objects.filter(
        is_active=True, issued_for_services=application.service_id
    ).select_related("department"):
        fields = {name: form[name] for name in certificate_type.result_fields if name in form}
        issued.append(
            certificate_issue(
                certificate_type=certificate_type,
                holder=applicant,
                holder_name=applicant.real_name or applicant.display_name,
                fields=fields,
                source_type="application",
                source_id=str(application.pk),
                issued_by=issued_by,
            )
        )
    return issued


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, actor: Any, reason: str) -> Certificate:
    """Revoke a certificate (吊销/注销). Only a department administrator of the issuing department.

    Errors: 404 `not_found` for staff outside the department (they may not learn it exists),
    409 `certificate_already_revoked`. Side effects: audit row `certificate.revoke`.
    """
    from rest_framework.exceptions import NotFound

    locked = Certificate.objects.select_for_update().select_related("department").get(pk=certificate.pk)
    if not has_role(actor, "admin") or not actor.departments.filter(pk=locked.department_id).exists():
        raise NotFound()
    if locked.revoked_at is not None:
        raise CertificateAlreadyRevoked()
    locked.revoked_at = timezone.now()
    locked.revoked_reason = reason
    locked.revoked_by = actor
    locked.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    audit_record(
        action="certificate.revoke",
        actor=actor,
        obj=locked,
        detail={"number": locked.number, "reason": reason},
    )
    return locked


@dataclass(frozen=True)
class MaterialOffer:
    slot: str
    material_name: str
    certificate: Certificate


def _certificate_slots(application: Any) -> list[dict[str, Any]]:
    """Material slots of the guide version the case is filed under that a certificate can replace."""
    materials = (application.service_version.guide or {}).get("materials", [])
    return [m for m in materials if m.get("certificate_type")]


def certificate_offers_for_application(*, application: Any) -> list[MaterialOffer]:
    """For each material slot a certificate type can stand in for, the applicant's valid one.

    The newest valid certificate of the type is offered; slots without one are left out.
    """
    specs = _certificate_slots(application)
    if not specs:
        return []
    today = timezone.localdate()
    candidates = (
        Certificate.objects.filter(
            holder=application.applicant,
            certificate_type__code__in={spec["certificate_type"] for spec in specs},
            revoked_at__isnull=True,
            valid_from__lte=today,
        )
        .exclude(valid_until__lt=today)
        .select_related("certificate_type", "department")
        .order_by("-issued_at")
    )
    newest: dict[str, Certificate] = {}
    for certificate in candidates:
        code = certificate.certificate_type.code
        if code not in newest and certificate_status(certificate, today=today) == CertificateStatus.VALID:
            newest[code] = certificate
    return [
        MaterialOffer(
            slot=spec["code"], material_name=spec["name"], certificate=newest[spec["certificate_type"]]
        )
        for spec in specs
        if spec["certificate_type"] in newest
    ]


@transaction.atomic
def certificate_attach_to_material(
    *, application: Any, slot: str, certificate: Certificate, actor: Any
) -> CertificateUse:
    """Let a held certificate stand in for a material slot of a draft (一号申请: nothing uploaded).

    Preconditions: `actor` is the applicant and the holder; the case is editable (draft or
    correction required); the slot's certificate type is the certificate's; the certificate is
    valid now (signature, revocation, dates). Choosing again for the slot replaces the choice.
    Errors: 422 `certificate_not_usable`, 409 `application_not_editable`.
    Side effects: audit row `certificate.attach`.
    """
    from backend.applications.constants import EDITABLE
    from backend.applications.models import Application

    locked = Application.objects.select_for_update().select_related("service_version").get(pk=application.pk)
    if locked.applicant_id != actor.pk or certificate.holder_id != actor.pk:
        raise CertificateNotUsable(_("Only the holder can use a certificate, for their own application."))
    if locked.status not in EDITABLE:
        raise Conflict(
            _("The application cannot be changed in its current state."), code="application_not_editable"
        )
    spec = next((m for m in _certificate_slots(locked) if m["code"] == slot), None)
    if spec is None or spec["certificate_type"] != certificate.certificate_type.code:
        raise CertificateNotUsable(_("This material cannot be replaced by this certificate."))
    status = certificate_status(certificate)
    if status != CertificateStatus.VALID:
        raise CertificateNotUsable(
            _("The certificate is not valid (%(status)s).") % {"status": CertificateStatus(status).label}
        )
    use, _created = CertificateUse.objects.update_or_create(
        application=locked, slot=slot, defaults={"certificate": certificate}
    )
    audit_record(
        action="certificate.attach",
        actor=actor,
        obj=locked,
        detail={"slot": slot, "certificate": str(certificate.pk)},
    )
    return use


def certificate_holder_merge(*, keep: Any, absorb: Any) -> None:
    """Account merge handler (interface 1): the absorbed account's certificates move to `keep`."""
    Certificate.objects.filter(holder=absorb).update(holder=keep)


def certificate_on_status_changed(payload: dict[str, Any]) -> None:
    """`application_status_changed` listener: a completed case issues its certificates.

    Runs after the transition committed, in its own transaction; if it fails, the beat task
    `certificates.issue_missing` issues what is missing later (issuing is idempotent per case).
    """
    from backend.applications.constants import Status
    from backend.applications.models import Application

    if payload.get("to_status") != Status.COMPLETED:
        return
    application = Application.objects.select_related("applicant").filter(pk=payload["application_id"]).first()
    if application is not None:
        certificate_issue_for_case(application=application)


def certificate_issue_missing(*, since_days: int = 7) -> int:
    """Issue certificates for recently completed, approved cases that have none yet; returns the count."""
    from backend.applications.constants import Status
    from backend.applications.models import Application

    since = timezone.now() - timedelta(days=since_days)
    cases = list(
        Application.objects.filter(
            status=Status.COMPLETED,
            completed_at__gte=since,
            service__result_certificate_types__is_active=True,
            events__to_status=Status.APPROVED,
        )
        .select_related("applicant")
        .distinct()
    )
    # Compared in Python: source_id is text, and UUIDs are stored differently per database.
    done = set(
        Certificate.objects.filter(
            source_type="application", source_id__in=[str(a.pk) for a in cases]
        ).values_list("source_id", flat=True)
    )
    cases = [a for a in cases if str(a.pk) not in done]
    issued = 0
    for application in cases:
        issued += len(certificate_issue_for_case(application=application))
    return issued
