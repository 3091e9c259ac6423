"""Writes of feedback: evaluate (好差评), rectify bad ratings, forward to the province, inquiries.

National rules followed (国务院办公厅《关于建立政务服务"好差评"制度的意见》): one rating
per service event and stage, five levels, the rating cannot be changed, the rater's identity
stays with the platform, every bad rating is followed up (整改) by the department within a
time limit and the answer goes back to the resident, and ratings are passed on to the
provincial rating system.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time
from datetime import datetime, timedelta
from typing import Any

import requests
from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.applications.constants import Status
from backend.applications.workdays import workday_add
from backend.core.audit import audit_record
from backend.core.errors import ApplicationError, Conflict
from backend.core.masking import mask_text
from backend.feedback.constants import (
    BAD_LEVELS,
    INQUIRY_TRANSITIONS,
    ForwardStatus,
    InquiryKind,
    InquiryStatus,
    RectificationStatus,
    Stage,
)
from backend.feedback.models import Evaluation, EvaluationForward, Inquiry, InquiryEvent, Rectification

logger = logging.getLogger(__name__)

FORWARD_MAX_ATTEMPTS = 10


class EvaluationNotOpen(ApplicationError):
    status = 409
    code = "evaluation_not_open"
    title = _("This stage of the case cannot be rated yet.")


class EvaluationExists(Conflict):
    code = "evaluation_exists"
    title = _("This stage of the case has already been rated; a rating cannot be changed.")


class InquiryTransitionIllegal(Conflict):
    code = "inquiry_transition_illegal"
    title = _("The consultation or complaint cannot be changed in its current state.")


def _stage_reached(application: Any, stage: str) -> bool:
    if stage == Stage.ACCEPTANCE:
        return application.accepted_at is not None and application.status != Status.WITHDRAWN
    return application.status == Status.COMPLETED and application.decided_at is not None


@transaction.atomic
def evaluation_create(
    *, rater: Any, application: Any, stage: str, level: int, tags: list[str], text: str
) -> Evaluation:
    """Rate one stage of one's own case, once.

    Preconditions: the rater is the applicant (else 404); the stage is reached (accepted for
    `acceptance`, completed after a decision for `completion`; else 409 `evaluation_not_open`).
    Errors: 409 `evaluation_exists` for a second rating of the stage.
    Side effects: a bad rating (dissatisfied, very dissatisfied) opens a `Rectification` for
    the case's department due in `EVALUATION_RECTIFICATION_WORKDAYS` working days; an outbox row
    for the provincial rating system; audit row `evaluation.create` (no text in it).
    """
    if application.applicant_id != rater.pk:
        raise Http404
    if not _stage_reached(application, stage):
        raise EvaluationNotOpen()
    try:
        with transaction.atomic():
            evaluation = Evaluation.objects.create(
                application=application,
                stage=stage,
                rater=rater,
                department_id=application.department_id,
                service_id=application.service_id,
                level=level,
                tags=sorted(set(tags)),
                text=text,
            )
    except IntegrityError as exc:
        raise EvaluationExists() from exc
    now = timezone.now()
    if level in BAD_LEVELS:
        Rectification.objects.create(
            evaluation=evaluation,
            department_id=application.department_id,
            due_on=workday_add(timezone.localdate(now), settings.EVALUATION_RECTIFICATION_WORKDAYS),
        )
    EvaluationForward.objects.create(evaluation=evaluation, next_attempt_at=now)
    audit_record(
        action="evaluation.create",
        actor=rater,
        obj=evaluation,
        detail={"application": str(application.pk), "stage": stage, "level": level},
    )
    transaction.on_commit(lambda: _enqueue_forward())
    return evaluation


def _enqueue_forward() -> None:
    from backend.feedback.tasks import forward_evaluations

    try:
        forward_evaluations.delay()
    except Exception:  # the beat sweep sends it later
        logger.warning("could not enqueue evaluation forwarding", exc_info=True)


@transaction.atomic
def rectification_reply(*, rectification_id: int, staff: Any, reply: str) -> Rectification:
    """The department's answer to a bad rating (整改反馈), shown to the resident.

    Staff of the rectification's department only (else 404); one answer (409 afterwards).
    """
    rectification = Rectification.objects.select_for_update().filter(pk=rectification_id).first()
    if rectification is None or not staff.departments.filter(pk=rectification.department_id).exists():
        raise Http404
    if rectification.status != RectificationStatus.OPEN:
        raise Conflict(_("This rating has already been answered."), code="rectification_replied")
    rectification.status = RectificationStatus.REPLIED
    rectification.reply = reply
    rectification.replied_at = timezone.now()
    rectification.replied_by = staff
    rectification.save(update_fields=["status", "reply", "replied_at", "replied_by"])
    audit_record(action="rectification.reply", actor=staff, obj=rectification, detail={})
    return rectification


def forward_payload(evaluation: Evaluation) -> dict[str, Any]:
    """What the provincial system receives: no rater identity; free text masked."""
    application = evaluation.application
    return {
        "evaluation_id": str(evaluation.pk),
        "case_number": application.receipt_number or "",
        "service_code": evaluation.service.code,
        "department_code": evaluation.department.code,
        "stage": evaluation.stage,
        "level": evaluation.level,
        "tags": evaluation.tags,
        "text": mask_text(evaluation.text),
        "rated_at": evaluation.created_at.isoformat(),
    }


def _signature(secret: str, timestamp: str, nonce: str, body: bytes) -> str:
    message = timestamp.encode() + b"\n" + nonce.encode() + b"\n" + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def _post(payload: dict[str, Any]) -> None:
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    timestamp, nonce = str(int(time.time())), secrets.token_hex(8)
    response = requests.post(
        settings.EVALUATION_FORWARD_URL,
        data=body,
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "X-App-Id": settings.EVALUATION_FORWARD_APP_ID,
            "X-Timestamp": timestamp,
            "X-Nonce": nonce,
            "X-Signature": _signature(settings.EVALUATION_FORWARD_SECRET, timestamp, nonce, body),
        },
        timeout=settings.EVALUATION_FORWARD_TIMEOUT,
    )
    if response.status_code != 200 or response.json().get("code") != 0:
        raise RuntimeError(f"HTTP {response.status_code}: {response.text[:200]}")


def evaluations_forward(*, now: datetime | None = None, limit: int = 100) -> int:
    """Send due outbox rows to the provincial rating system; returns how many were sent.

    Each row is claimed under a row lock (SKIP LOCKED where supported) so two workers never
    send the same one; failures back off exponentially and give up after FORWARD_MAX_ATTEMPTS.
    The receiver is idempotent per `evaluation_id`.
    """
    if not settings.EVALUATION_FORWARD_URL or not settings.EVALUATION_FORWARD_SECRET:
        return 0
    now = now or timezone.now()
    sent = 0
    due = EvaluationForward.objects.filter(status=ForwardStatus.PENDING, next_attempt_at__lte=now)
    for row_id in list(due.values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            row = (
                EvaluationForward.objects.select_for_update(skip_locked=True)
                .select_related("evaluation__application", "evaluation__service", "evaluation__department")
                .filter(pk=row_id, status=ForwardStatus.PENDING)
                .first()
            )
            if row is None:
                continue
            row.attempts += 1
            try:
                _post(forward_payload(row.evaluation))
            except Exception as exc:
                row.last_error = str(exc)[:300]
                if row.attempts >= FORWARD_MAX_ATTEMPTS:
                    row.status = ForwardStatus.FAILED
                row.next_attempt_at = now + timedelta(seconds=min(30 * 2 ** (row.attempts - 1), 3600))
            else:
                row.status, row.sent_at, row.last_error = ForwardStatus.SENT, timezone.now(), ""
                sent += 1
            row.save(update_fields=["attempts", "status", "sent_at", "last_error", "next_attempt_at"])
    return sent


# --- consultations and complaints ----------------------------------------------------------------
def _reply_days(kind: str) -> int:
    if kind == InquiryKind.COMPLAINT:
        return settings.COMPLAINT_REPLY_WORKDAYS
    return settings.CONSULTATION_REPLY_WORKDAYS


@transaction.atomic
def inquiry_create(
    *, resident: Any, kind: str, title: str, content: str, service: Any = None, application: Any = None
) -> Inquiry:
    """Ask (咨询) or complain (投诉) about a service item or one's own case.

    The department is the case's, else the service item's. The reply is due within
    `CONSULTATION_REPLY_WORKDAYS` / `COMPLAINT_REPLY_WORKDAYS` working days.
    """
    if application is not None:
        if application.applicant_id != resident.pk:
            raise Http404
        department_id, service = application.department_id, application.service
    elif service is not None:
        department_id = service.department_id
    else:
        raise ApplicationError(_("Name the service or the application."), code="inquiry_target_missing")
    inquiry = Inquiry.objects.create(
        kind=kind,
        resident=resident,
        department_id=department_id,
        service=service,
        application=application,
        title=title,
        content=content,
        reply_due_on=workday_add(timezone.localdate(), _reply_days(kind)),
    )
    InquiryEvent.objects.create(
        inquiry=inquiry, action="submit", to_status=InquiryStatus.SUBMITTED, actor=resident, text=""
    )
    audit_record(action=f"{kind}.create", actor=resident, obj=inquiry, detail={"department": department_id})
    return inquiry


def _inquiry_move(inquiry: Inquiry, to: str, *, actor: Any, action: str, text: str, by_staff: bool) -> None:
    if (inquiry.status, to) not in INQUIRY_TRANSITIONS:
        raise InquiryTransitionIllegal()
    from_status = inquiry.status
    inquiry.status = to
    fields = ["status", "updated_at"]
    if action == "reply" and inquiry.first_replied_at is None:
        inquiry.first_replied_at = timezone.now()
        fields.append("first_replied_at")
    inquiry.save(update_fields=fields)
    InquiryEvent.objects.create(
        inquiry=inquiry,
        action=action,
        from_status=from_status,
        to_status=to,
        actor=actor,
        text=text,
        by_staff=by_staff,
    )
    audit_record(
        action=f"{inquiry.kind}.{action}", actor=actor, obj=inquiry, detail={"from": from_status, "to": to}
    )


@transaction.atomic
def inquiry_reply(*, inquiry_id: Any, staff: Any, text: str) -> Inquiry:
    """The department answers (again, if needed). Staff of the inquiry's department only (else 404)."""
    inquiry = Inquiry.objects.select_for_update().filter(pk=inquiry_id).first()
    if inquiry is None or not staff.departments.filter(pk=inquiry.department_id).exists():
        raise Http404
    _inquiry_move(inquiry, InquiryStatus.REPLIED, actor=staff, action="reply", text=text, by_staff=True)
    return inquiry


@transaction.atomic
def inquiry_close(*, inquiry_id: Any, resident: Any) -> Inquiry:
    """The resident closes their inquiry (answered, or no longer needed)."""
    inquiry = Inquiry.objects.select_for_update().filter(pk=inquiry_id, resident=resident).first()
    if inquiry is None:
        raise Http404
    _inquiry_move(inquiry, InquiryStatus.CLOSED, actor=resident, action="close", text="", by_staff=False)
    return inquiry


def feedback_resident_merge(*, keep: Any, absorb: Any) -> None:
    """Account merge handler (interface 1): ratings and inquiries move to the kept account."""
    Evaluation.objects.filter(rater=absorb).update(rater=keep)
    Inquiry.objects.filter(resident=absorb).update(resident=keep)
    InquiryEvent.objects.filter(actor=absorb).update(actor=keep)
