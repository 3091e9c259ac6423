"""Writes of applications. Every change of status goes through `application_transition`.

The action functions below (submit, accept, request correction, decide a task, …) check what
is particular to them inside the transition's lock (its `guard`), and let the one transition
function write the state, the timeline event, the audit row and the notification in one
transaction, and emit `application_status_changed` after commit.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.models import Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from backend.accounts.models import Department
from backend.accounts.roles import roles_of
from backend.applications import events
from backend.applications.constants import (
    EDITABLE,
    NOTIFY_EVENTS,
    PUBLIC_MESSAGES,
    STAFF_ROLES,
    TRANSITIONS,
    Actor,
    ConsentPurpose,
    Status,
    TaskStatus,
)
from backend.applications.media import (
    DEFAULT_MAX_APPLICATION_BYTES,
    MaterialRejected,
    material_clean,
    setting,
)
from backend.applications.models import (
    Application,
    ApplicationEvent,
    ApplicationMaterial,
    Consent,
    CorrectionNotice,
    ReviewTask,
)
from backend.applications.workdays import deadline_dates, workdays_between
from backend.core.audit import audit_record
from backend.core.errors import ApplicationError, Conflict, RateLimited
from backend.core.ratelimit import Limit, get_limiter
from backend.services.constants import FeeStage
from backend.services.models import ServiceItem

logger = logging.getLogger(__name__)

CONSENT_TEXT_VERSION = "2026-11"


# --- errors --------------------------------------------------------------------------------
class IllegalTransition(Conflict):
    code = "application_transition_illegal"
    title = _("This step is not possible in the application's current state.")


class NotEditable(Conflict):
    code = "application_not_editable"
    title = _("The application cannot be changed in its current state.")


class ActionForbidden(ApplicationError):
    status = 403
    code = "application_action_forbidden"
    title = _("You may not take this step on this application.")


class ConsentRequired(ApplicationError):
    status = 403
    code = "consent_required"
    title = _("Consent to process identity-document photos is required before this upload.")


class FormInvalid(ApplicationError):
    status = 400
    code = "form_invalid"
    title = _("The form data is invalid.")


class ApplicationIncomplete(ApplicationError):
    status = 422
    code = "application_incomplete"
    title = _("The application is incomplete; everything missing is listed in errors.")


class CorrectionNotOneTime(ApplicationError):
    status = 422
    code = "correction_not_one_time"
    title = _("A later correction may only name items flagged before or changed by the resident.")


class TaskAlreadyDecided(Conflict):
    code = "task_already_decided"
    title = _("This department has already decided.")


class ServiceUnknown(ApplicationError):
    status = 400
    code = "service_unknown"
    title = _("No published service item has this code.")


class LookupFailed(ApplicationError):
    status = 404
    code = "application_lookup_failed"
    title = _("No application matches this receipt number and check value.")


# --- helpers ---------------------------------------------------------------------------------
def today() -> date:
    """Today in Asia/Shanghai; the one clock of time limits (tests replace it)."""
    return timezone.localdate()


def actor_kind(actor: Any) -> str:
    return Actor.SYSTEM if actor is None else str(actor.kind)


def staff_department_ids(user: Any) -> set[int]:
    cached = getattr(user, "_zb_department_ids", None)
    if cached is None:
        cached = set(user.departments.values_list("id", flat=True))
        user._zb_department_ids = cached
    return cached


def staff_may_see(user: Any, application: Application) -> bool:
    """A staff member sees a case of their department, or one their department co-handles."""
    mine = staff_department_ids(user)
    if application.department_id in mine:
        return True
    return ReviewTask.objects.filter(application=application, department_id__in=mine).exists()


def _role_of(actor: Any) -> str:
    if actor is None:
        return Actor.SYSTEM
    if actor.kind == Actor.RESIDENT:
        return Actor.RESIDENT
    roles = roles_of(actor)
    return next((str(r) for r in STAFF_ROLES if str(r) in roles), "staff")


def _check_actor(application: Application, rule: Any, actor: Any) -> None:
    kind = actor_kind(actor)
    if kind == Actor.RESIDENT and application.applicant_id != actor.pk:
        raise Http404
    if kind == Actor.STAFF and not staff_may_see(actor, application):
        raise Http404
    if rule.actor != kind:
        raise ActionForbidden()
    if rule.roles and not (roles_of(actor) & set(rule.roles)):
        raise ActionForbidden()


def _clock_recompute(application: Application) -> None:
    application.warning_on, application.deadline_on = deadline_dates(
        start=application.clock_started_on,
        promised_days=application.service_version.guide["promised_days"],
        suspended_workdays=application.suspended_workdays,
    )


def _notify_params(application: Application) -> dict[str, Any]:
    return {
        "receipt_number": application.receipt_number or "",
        "service_name": application.service_version.guide["name"],
        "status": application.status,
    }


# --- the one transition function ----------------------------------------------------------------
@transaction.atomic
def application_transition(
    *,
    application_id: Any,
    to_status: str,
    actor: Any,
    action: str,
    note: str = "",
    department: Department | None = None,
    guard: Callable[[Application], list[str] | None] | None = None,
    public_message: tuple[str, str] | None = None,
    notify_params: dict[str, Any] | None = None,
) -> Application:
    """Move an application to `to_status`: the only writer of `Application.status`.

    Locks the row, checks `(status, to_status)` against `constants.TRANSITIONS` and the
    actor's right (resident: the applicant; staff: the rule's roles and a department of the
    case; system: payments or the task rule), runs `guard(application)` (which may raise or
    set more fields and return their names), then writes the status, its timestamps and the
    time-limit clock, an immutable timeline event (public message zh-Hans/en, internal note),
    an audit row and the resident's notification (interface 2) — all in this transaction —
    and emits `application_status_changed` after commit.

    Errors: 404 (not the applicant's / not the staff's department), 403
    `application_action_forbidden`, 409 `application_transition_illegal`.
    """
    qs = Application.objects.select_related("service_version", "department")
    if connection.features.has_select_for_update_of:
        qs = qs.select_for_update(of=("self",))
    else:
        qs = qs.select_for_update()
    application = qs.filter(pk=application_id).first()
    if application is None:
        raise Http404
    from_status = application.status
    rule = TRANSITIONS.get((from_status, to_status))
    if rule is None:
        # Do not reveal someone else's case through the 409 either.
        if actor is not None and actor.kind == Actor.RESIDENT and application.applicant_id != actor.pk:
            raise Http404
        if actor is not None and actor.kind == Actor.STAFF and not staff_may_see(actor, application):
            raise Http404
        raise IllegalTransition(
            _("Cannot go from %(from)s to %(to)s.") % {"from": from_status, "to": to_status}
        )
    _check_actor(application, rule, actor)
    extra_fields = (guard(application) if guard else None) or []

    now, day = timezone.now(), today()
    application.status = to_status
    fields = {"status", "updated_at", *extra_fields}
    if to_status == Status.SUBMITTED and application.submitted_at is None:
        application.submitted_at = now
        fields.add("submitted_at")
    if to_status == Status.ACCEPTED:
        application.accepted_at, application.clock_started_on = now, day
        application.suspended_workdays, application.suspended_on = 0, None
        _clock_recompute(application)
        fields |= {
            "accepted_at",
            "clock_started_on",
            "suspended_workdays",
            "suspended_on",
            "warning_on",
            "deadline_on",
        }
    if to_status == Status.CORRECTION_REQUIRED and application.clock_started_on:
        application.suspended_on = day  # the clock stops while the resident corrects
        fields.add("suspended_on")
    if from_status == Status.CORRECTION_REQUIRED and application.suspended_on:
        application.suspended_workdays += workdays_between(application.suspended_on, day)
        application.suspended_on = None
        _clock_recompute(application)
        fields |= {"suspended_workdays", "suspended_on", "warning_on", "deadline_on"}
    if from_status == Status.IN_REVIEW and to_status in {Status.APPROVED, Status.REJECTED, Status.FEE_DUE}:
        application.decided_at = now
        fields.add("decided_at")
    if to_status in {Status.COMPLETED, Status.WITHDRAWN}:
        application.completed_at = now
        fields.add("completed_at")
    application.save(update_fields=sorted(fields))

    zh, en = public_message or PUBLIC_MESSAGES[to_status]
    event = ApplicationEvent.objects.create(
        application=application,
        action=action,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        actor_role=_role_of(actor),
        department=department,
        public_message_zh=zh,
        public_message_en=en,
        internal_note=note,
    )
    audit_record(
        action=f"application.{action}",
        actor=actor,
        obj=application,
        detail={"from": from_status, "to": to_status, "event": event.pk},
    )
    if to_status in NOTIFY_EVENTS:
        from notifications.services import notify

        notify(
            event=NOTIFY_EVENTS[to_status],
            recipient=application.applicant,
            params={**_notify_params(application), **(notify_params or {})},
            dedupe_key=f"application:{application.pk}:event:{event.pk}",
            subject_type="application",
            subject_id=str(application.pk),
        )
    progress_refresh(application)
    payload = {
        "application_id": str(application.pk),
        "applicant_id": str(application.applicant_id),
        "from_status": from_status,
        "to_status": to_status,
        "event_id": event.pk,
    }
    transaction.on_commit(lambda: events.status_changed_emit(payload))
    return application


def progress_refresh(application: Application) -> None:
    """Rewrite the case's progress read model from its rows (same transaction as the change).

    The resident's progress page is read from this one column, so it costs one query however
    long the timeline; what it shows is exactly the public events, materials, notices and tasks.
    """
    events = ApplicationEvent.objects.filter(application=application, is_public=True).select_related(
        "department"
    )
    tasks = ReviewTask.objects.filter(application=application).select_related("department")
    guide = application.service_version.guide
    names = {"zh-hans": guide["name"]}
    names.update({lang: t["name"] for lang, t in (guide.get("translations") or {}).items() if t.get("name")})
    progress = {
        "service": {"code": guide["code"], "version": application.service_version.number, "name": names},
        "timeline": [
            {
                "at": timezone.localtime(e.created_at).isoformat(),
                "action": e.action,
                "from_status": e.from_status,
                "to_status": e.to_status,
                "actor_role": e.actor_role,
                "department_code": e.department.code if e.department else None,
                "message": {"zh-hans": e.public_message_zh, "en": e.public_message_en},
            }
            for e in events.order_by("created_at", "id")
        ],
        "materials": [
            {
                "id": str(m.pk),
                "slot": m.slot,
                "content_type": m.content_type,
                "size_bytes": m.size_bytes,
                "width": m.width,
                "height": m.height,
                "uploaded_at": timezone.localtime(m.uploaded_at).isoformat(),
            }
            for m in ApplicationMaterial.objects.filter(application=application).order_by(
                "slot", "uploaded_at"
            )
        ],
        "corrections": [
            {
                "round": c.round,
                "items": c.items,
                "created_at": timezone.localtime(c.created_at).isoformat(),
                "resolved_at": timezone.localtime(c.resolved_at).isoformat() if c.resolved_at else None,
            }
            for c in CorrectionNotice.objects.filter(application=application).order_by("round")
        ],
        "tasks": [
            {
                "department_code": t.department.code,
                "department_name": {"zh-hans": t.department.name, "en": t.department.name_en},
                "status": t.status,
                "reason": t.reason,
                "legal_basis": t.legal_basis,
            }
            for t in tasks.order_by("department__code")
        ],
    }
    application.progress = progress
    Application.objects.filter(pk=application.pk).update(progress=progress)


def _event_write(
    application: Application,
    *,
    action: str,
    actor: Any,
    note: str = "",
    public: tuple[str, str] | None = None,
    department: Department | None = None,
) -> ApplicationEvent:
    """A timeline line that is not a status change (claim, task decision, comment)."""
    zh, en = public or ("", "")
    event = ApplicationEvent.objects.create(
        application=application,
        action=action,
        from_status=application.status,
        to_status=application.status,
        actor=actor,
        actor_role=_role_of(actor),
        department=department,
        public_message_zh=zh,
        public_message_en=en,
        internal_note=note,
        is_public=bool(public),
    )
    if public:
        progress_refresh(application)
    return event


def _locked(application_id: Any) -> Application:
    application = (
        Application.objects.select_for_update()
        .select_related("service_version")
        .filter(pk=application_id)
        .first()
    )
    if application is None:
        raise Http404
    return application


def _own_locked(application_id: Any, applicant: Any) -> Application:
    application = _locked(application_id)
    if application.applicant_id != applicant.pk:
        raise Http404
    return application


def _staff_locked(application_id: Any, staff: Any) -> Application:
    application = _locked(application_id)
    if not staff_may_see(staff, application):
        raise Http404
    return application


# --- form data ---------------------------------------------------------------------------------
def form_errors(schema: dict[str, Any], data: dict[str, Any], *, partial: bool) -> list[dict[str, str]]:
    """Per-field errors of `data` against the service's JSON Schema (all at once).

    `partial` (drafts) ignores missing required fields; submission checks everything.
    """
    if not schema:
        return []
    try:
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    except SchemaError:  # a broken schema in the catalog must not stop residents
        logger.error("invalid form schema")
        return []
    errors: list[dict[str, str]] = []
    for error in validator.iter_errors(data):
        base = ".".join(str(p) for p in error.absolute_path)
        if error.validator == "required":
            if partial:
                continue
            for name in error.validator_value:
                if isinstance(error.instance, dict) and name not in error.instance:
                    field = f"{base}.{name}" if base else name
                    errors.append(
                        {
                            "field": f"form_data.{field}",
                            "code": "required",
                            "detail": str(_("This field is required.")),
                        }
                    )
            continue
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = set((error.schema or {}).get("properties", {}))
            for name in sorted(set(error.instance) - known):
                field = f"{base}.{name}" if base else name
                errors.append(
                    {
                        "field": f"form_data.{field}",
                        "code": "unknown_field",
                        "detail": str(_("This field is not part of the form.")),
                    }
                )
            continue
        errors.append(
            {
                "field": f"form_data.{base}" if base else "form_data",
                "code": str(error.validator),
                "detail": error.message,
            }
        )
    return errors


# --- resident actions ---------------------------------------------------------------------------
@transaction.atomic
def application_create(*, applicant: Any, service_code: str) -> Application:
    """Open a draft for a published service item, filed under its current guide version."""
    service = (
        ServiceItem.objects.select_related("current_version")
        .filter(code=service_code, is_active=True, current_version__isnull=False)
        .first()
    )
    if service is None:
        raise ServiceUnknown()
    application = Application.objects.create(
        applicant=applicant,
        service=service,
        service_version=service.current_version,
        department_id=service.department_id,
    )
    progress_refresh(application)
    audit_record(
        action="application.create", actor=applicant, obj=application, detail={"service": service.code}
    )
    return application


def _mark_changed(application: Application, targets: list[str]) -> None:
    if application.status == Status.CORRECTION_REQUIRED:
        application.changed_targets = sorted(set(application.changed_targets) | set(targets))


@transaction.atomic
def application_form_update(*, application_id: Any, applicant: Any, form_data: dict[str, Any]) -> Application:
    """Replace the form data of a draft (or of a case in correction); checked per field.

    Errors: 409 `application_not_editable`; 400 `form_invalid` with per-field errors.
    """
    application = _own_locked(application_id, applicant)
    if application.status not in EDITABLE:
        raise NotEditable()
    errors = form_errors(application.service_version.guide.get("form_schema") or {}, form_data, partial=True)
    if errors:
        raise FormInvalid(errors=errors)
    before = application.form_data
    changed = sorted(k for k in set(before) | set(form_data) if before.get(k) != form_data.get(k))
    _mark_changed(application, [f"field:{name}" for name in changed])
    application.form_data = form_data
    application.save(update_fields=["form_data_encrypted", "changed_targets", "updated_at"])
    return application


def _slot_spec(application: Application, slot: str) -> dict[str, Any]:
    for spec in application.service_version.guide.get("materials", []):
        if spec["code"] == slot:
            return spec
    raise ApplicationError(_("This service has no such material slot."), code="material_slot_unknown")


def consent_has(*, user: Any, purpose: str) -> bool:
    return Consent.objects.filter(user=user, purpose=purpose).exists()


@transaction.atomic
def consent_grant(*, user: Any, purpose: str) -> Consent:
    """Record the resident's separate consent to `purpose` (idempotent); audit `consent.grant`."""
    consent, created = Consent.objects.get_or_create(
        user=user, purpose=purpose, defaults={"text_version": CONSENT_TEXT_VERSION}
    )
    if created:
        audit_record(action="consent.grant", actor=user, obj=consent, detail={"purpose": purpose})
    return consent


def material_upload(*, application_id: Any, applicant: Any, slot: str, data: bytes) -> ApplicationMaterial:
    """Check, clean and store one file in a material slot of the resident's editable application.

    Identity-document slots need the `identity_document_upload` consent first (403
    `consent_required`). File checks: see `media.material_clean`. The application's files
    together may not exceed MATERIAL_MAX_APPLICATION_BYTES (422 `material_application_size_exceeded`).
    The image work runs before the case's row is locked; the state is checked again under the lock.
    """
    application = (
        Application.objects.select_related("service_version")
        .filter(pk=application_id, applicant=applicant)
        .first()
    )
    if application is None:
        raise Http404
    if application.status not in EDITABLE:
        raise NotEditable()
    spec = _slot_spec(application, slot)
    if spec.get("is_identity_document") and not consent_has(
        user=applicant, purpose=ConsentPurpose.IDENTITY_DOCUMENT_UPLOAD
    ):
        raise ConsentRequired()
    clean = material_clean(data, accepted_formats=spec.get("accepted_formats") or [])
    with transaction.atomic():
        application = _own_locked(application_id, applicant)
        if application.status not in EDITABLE:
            raise NotEditable()
        used = application.materials.aggregate(total=Sum("size_bytes"))["total"] or 0
        limit = setting("MATERIAL_MAX_APPLICATION_BYTES", DEFAULT_MAX_APPLICATION_BYTES)
        if used + len(clean.content) > limit:
            raise MaterialRejected(
                _("The application's files together are larger than allowed."),
                code="material_application_size_exceeded",
            )
        material = ApplicationMaterial(
            application=application,
            slot=slot,
            content_type=clean.content_type,
            size_bytes=len(clean.content),
            sha256=clean.sha256,
            width=clean.width,
            height=clean.height,
        )
        base = f"materials/{application.pk}/{material.pk}"
        material.storage_name = default_storage.save(f"{base}.{clean.extension}", ContentFile(clean.content))
        if clean.thumbnail:
            material.thumbnail_name = default_storage.save(f"{base}.thumb.jpg", ContentFile(clean.thumbnail))
        material.save(force_insert=True)
        # Every check ran before the files were written; what is left (a few inserts) rarely
        # fails, and an orphan file under an unguessable name is never served (no row names it).
        _mark_changed(application, [f"material:{slot}"])
        application.save(update_fields=["changed_targets", "updated_at"])
        progress_refresh(application)
        audit_record(
            action="application.material_upload",
            actor=applicant,
            obj=application,
            detail={"slot": slot, "material": str(material.pk), "bytes": material.size_bytes},
        )
    return material


@transaction.atomic
def material_delete(*, application_id: Any, applicant: Any, material_id: Any) -> None:
    application = _own_locked(application_id, applicant)
    if application.status not in EDITABLE:
        raise NotEditable()
    material = application.materials.filter(pk=material_id).first()
    if material is None:
        raise Http404
    names = [material.storage_name, material.thumbnail_name]
    material.delete()
    _mark_changed(application, [f"material:{material.slot}"])
    application.save(update_fields=["changed_targets", "updated_at"])
    progress_refresh(application)
    audit_record(
        action="application.material_delete", actor=applicant, obj=application, detail={"slot": material.slot}
    )
    transaction.on_commit(lambda: [default_storage.delete(n) for n in names if n])


def receipt_next() -> str:
    """The next receipt number `ZB{yyyymmdd}{000001}`: one atomic upsert, safe under concurrency."""
    day = timezone.localdate().strftime("%Y%m%d")
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO applications_receiptcounter (day, last) VALUES (%s, 1) "
            "ON CONFLICT (day) DO UPDATE SET last = applications_receiptcounter.last + 1 RETURNING last",
            [day],
        )
        (number,) = cursor.fetchone()
    return f"ZB{day}{number:06d}"


def _completeness_errors(application: Application) -> list[dict[str, str]]:
    guide = application.service_version.guide
    errors = form_errors(guide.get("form_schema") or {}, application.form_data, partial=False)
    # A valid certificate attached by reference stands in for an upload ("一号申请").
    from backend.certificates.selectors import certificate_satisfied_slots

    have = set(application.materials.values_list("slot", flat=True)) | certificate_satisfied_slots(
        application=application
    )
    for spec in guide.get("materials", []):
        if spec["required"] and spec["code"] not in have:
            errors.append(
                {
                    "field": f"materials.{spec['code']}",
                    "code": "material_missing",
                    "detail": str(_("This material is required.")),
                }
            )
    return errors


def application_submit(*, application_id: Any, applicant: Any) -> Application:
    """Submit a draft, or resubmit after a correction notice.

    Everything missing is reported at once (422 `application_incomplete`, per field and
    material). A first submission gets a receipt number. A resubmission closes the open
    correction notice, records what was changed for it, and returns the case to `submitted`
    (before acceptance) or `in_review` (the clock resumes).
    """
    with transaction.atomic():
        application = _own_locked(application_id, applicant)
        if application.status == Status.CORRECTION_REQUIRED:
            to = Status.IN_REVIEW if application.accepted_at else Status.SUBMITTED
        else:
            to = Status.SUBMITTED

        def guard(app: Application) -> list[str]:
            errors = _completeness_errors(app)
            if errors:
                raise ApplicationIncomplete(errors=errors)
            if app.receipt_number is None:
                app.receipt_number = receipt_next()
                return ["receipt_number"]
            notice = app.corrections.filter(resolved_at__isnull=True).order_by("-round").first()
            if notice is not None:
                notice.resolved_at = timezone.now()
                notice.changed_targets = list(app.changed_targets)
                notice.save(update_fields=["resolved_at", "changed_targets"])
            return []

        return application_transition(
            application_id=application.pk,
            to_status=to,
            actor=applicant,
            action="resubmit" if application.status == Status.CORRECTION_REQUIRED else "submit",
            guard=guard,
        )


def application_withdraw(*, application_id: Any, applicant: Any) -> Application:
    """Withdraw before acceptance (409 `application_transition_illegal` after it)."""

    def guard(app: Application) -> None:
        if app.accepted_at is not None:
            raise IllegalTransition(_("An accepted application can no longer be withdrawn."))

    return application_transition(
        application_id=application_id,
        to_status=Status.WITHDRAWN,
        actor=applicant,
        action="withdraw",
        guard=guard,
    )


# --- staff actions ---------------------------------------------------------------------------------
def _create_tasks(app: Application) -> None:
    codes = [app.service_version.guide["department"]["code"]] + [
        d["code"] for d in app.service_version.guide.get("co_departments", [])
    ]
    for department in Department.objects.filter(code__in=codes):
        ReviewTask.objects.get_or_create(application=app, department=department)


def _fee_items(app: Application) -> list[Any]:
    from payments.services import BillItemSpec

    return [
        BillItemSpec(code=f["code"], name=f["name"], amount_fen=f["amount_fen"])
        for f in app.service_version.guide.get("fees", [])
        if f["amount_fen"] > 0
    ]


def _bill_for(app: Application) -> dict[str, Any]:
    """Ask payments for the fee bill (interface 3); returns notification params."""
    from payments.services import bill_create

    items = _fee_items(app)
    bill = bill_create(
        payer=app.applicant,
        items=items,
        source_type="application",
        source_id=str(app.pk),
        department_code=app.service_version.guide["department"]["code"],
        description=app.service_version.guide["name"],
    )
    app.fee_bill_id = bill.id
    return {
        "amount_fen": bill.total_fen,
        "amount_yuan": f"{bill.total_fen / 100:.2f}",
        "bill_id": str(bill.id),
    }


def _fee_stage(app: Application) -> str:
    guide = app.service_version.guide
    if not any(f["amount_fen"] > 0 for f in guide.get("fees", [])):
        return FeeStage.NONE
    return guide.get("fee_stage", FeeStage.NONE)


def application_accept(*, application_id: Any, staff: Any, note: str = "") -> Application:
    """Accept a submitted case (受理): tasks for every handling department, the clock starts.

    When the service charges before acceptance the case goes to `fee_due` with a bill instead;
    payment moves it on (`application_fee_paid`).
    """
    with transaction.atomic():
        application = _staff_locked(application_id, staff)
        before_acceptance = _fee_stage(application) == FeeStage.BEFORE_ACCEPTANCE
        if before_acceptance:
            params: dict[str, Any] = {}
            return application_transition(
                application_id=application.pk,
                to_status=Status.FEE_DUE,
                actor=staff,
                action="accept",
                note=note,
                department=application.department,
                guard=lambda app: _fee_guard(app, params),
                notify_params=params,
            )
        return application_transition(
            application_id=application.pk,
            to_status=Status.ACCEPTED,
            actor=staff,
            action="accept",
            note=note,
            department=application.department,
            guard=lambda app: _create_tasks(app),
        )


def _fee_guard(app: Application, params: dict[str, Any]) -> list[str]:
    """Create the fee bill inside the transition; its amount goes into the notification."""
    params.update(_bill_for(app))
    return ["fee_bill_id"]


@transaction.atomic
def application_claim(*, application_id: Any, staff: Any) -> Application:
    """Take a case into one's own work: an accepted case goes into review."""
    application = _staff_locked(application_id, staff)
    application.claimed_by = staff
    application.save(update_fields=["claimed_by", "updated_at"])
    if application.status == Status.ACCEPTED:
        return application_transition(
            application_id=application.pk, to_status=Status.IN_REVIEW, actor=staff, action="claim"
        )
    if application.status != Status.IN_REVIEW:
        raise IllegalTransition()
    _event_write(application, action="claim", actor=staff)
    audit_record(action="application.claim", actor=staff, obj=application)
    return application


def _targets_valid(app: Application, items: list[dict[str, str]]) -> list[str]:
    fields = set((app.service_version.guide.get("form_schema") or {}).get("properties", {}))
    slots = {m["code"] for m in app.service_version.guide.get("materials", [])}
    bad = []
    for item in items:
        kind, _sep, name = item["target"].partition(":")
        if not ((kind == "field" and name in fields) or (kind == "material" and name in slots)):
            bad.append(item["target"])
    return bad


def application_request_correction(
    *, application_id: Any, staff: Any, items: list[dict[str, str]], note: str = ""
) -> CorrectionNotice:
    """Send a one-time correction notice (一次性告知) listing every problem at once.

    A later notice may only name items flagged in an earlier notice or changed by the
    resident since (422 `correction_not_one_time`, naming the refused targets).
    """
    created: list[CorrectionNotice] = []

    def guard(app: Application) -> list[str]:
        unknown = _targets_valid(app, items)
        if unknown:
            raise ApplicationError(
                _("Unknown correction targets."),
                code="correction_target_unknown",
                errors=[
                    {"field": "items", "code": "correction_target_unknown", "detail": t} for t in unknown
                ],
            )
        targets = [i["target"] for i in items]
        if app.correction_round > 0:
            allowed = set(app.flagged_targets) | set(app.changed_targets)
            refused = sorted({t for t in targets if t not in allowed})
            if refused:
                raise CorrectionNotOneTime(
                    errors=[
                        {"field": "items", "code": "correction_not_one_time", "detail": t} for t in refused
                    ]
                )
        app.correction_round += 1
        app.flagged_targets = sorted(set(app.flagged_targets) | set(targets))
        created.append(
            CorrectionNotice.objects.create(
                application=app, round=app.correction_round, items=items, created_by=staff
            )
        )
        return ["correction_round", "flagged_targets"]

    with transaction.atomic():
        application_transition(
            application_id=application_id,
            to_status=Status.CORRECTION_REQUIRED,
            actor=staff,
            action="request_correction",
            note=note,
            guard=guard,
        )
    return created[0]


def task_decide(
    *,
    application_id: Any,
    staff: Any,
    department_code: str,
    approve: bool,
    reason: str = "",
    legal_basis: str = "",
) -> Application:
    """Record one department's decision on a case in review (并联办理).

    Approval by the last pending department approves the case (or asks for the fee after
    approval); any rejection, which must give its legal basis, rejects it at once.
    """
    with transaction.atomic():
        application = _staff_locked(application_id, staff)
        if application.status != Status.IN_REVIEW:
            raise IllegalTransition()
        task = (
            ReviewTask.objects.select_for_update()
            .select_related("department")
            .filter(application=application, department__code=department_code)
            .first()
        )
        if task is None or task.department_id not in staff_department_ids(staff):
            raise Http404
        if not roles_of(staff) & {"clerk", "reviewer"}:
            raise ActionForbidden()
        if task.status != TaskStatus.PENDING:
            raise TaskAlreadyDecided()
        if not approve and not (reason.strip() and legal_basis.strip()):
            raise ApplicationError(
                _("A rejection needs its reason and legal basis."), code="rejection_reason_required"
            )
        task.status = TaskStatus.APPROVED if approve else TaskStatus.REJECTED
        task.decided_by, task.decided_at = staff, timezone.now()
        task.reason, task.legal_basis = reason, legal_basis
        task.save(update_fields=["status", "decided_by", "decided_at", "reason", "legal_basis"])
        audit_record(
            action="application.task_decide",
            actor=staff,
            obj=application,
            detail={"department": department_code, "approve": approve},
        )
        if not approve:
            return application_transition(
                application_id=application.pk,
                to_status=Status.REJECTED,
                actor=staff,
                action="reject",
                department=task.department,
                note=reason,
                public_message=(
                    f"不予许可。理由：{reason}；依据：{legal_basis}",
                    f"Refused. Reason: {reason}; legal basis: {legal_basis}",
                ),
            )
        if ReviewTask.objects.filter(application=application).exclude(status=TaskStatus.APPROVED).exists():
            _event_write(
                application,
                action="task_approve",
                actor=staff,
                department=task.department,
                public=("部门审查通过。", "Approved by one department."),
            )
            return application
        if _fee_stage(application) == FeeStage.AFTER_APPROVAL:
            params: dict[str, Any] = {}
            return application_transition(
                application_id=application.pk,
                to_status=Status.FEE_DUE,
                actor=staff,
                action="approve",
                department=task.department,
                guard=lambda app: _fee_guard(app, params),
                notify_params=params,
            )
        return application_transition(
            application_id=application.pk,
            to_status=Status.APPROVED,
            actor=staff,
            action="approve",
            department=task.department,
        )


def application_complete(*, application_id: Any, staff: Any, note: str = "") -> Application:
    """Close a decided case (办结)."""
    return application_transition(
        application_id=application_id, to_status=Status.COMPLETED, actor=staff, action="complete", note=note
    )


@transaction.atomic
def application_comment(*, application_id: Any, staff: Any, text: str) -> ApplicationEvent:
    """An internal staff comment on the timeline (never shown to the resident)."""
    application = _staff_locked(application_id, staff)
    event = _event_write(application, action="comment", actor=staff, note=text)
    audit_record(action="application.comment", actor=staff, obj=application, detail={"event": event.pk})
    return event


def application_fee_paid(bill: Any) -> None:
    """`on_paid` for bills of source type `application` (interface 3); idempotent.

    Called by payments after the payment committed: a case waiting for its fee moves on — to
    `accepted` (fee before acceptance; tasks are created and the clock starts) or to `approved`.
    """
    with transaction.atomic():
        application = Application.objects.select_for_update().filter(pk=bill.source_id).first()
        if application is None or application.status != Status.FEE_DUE:
            return
        if application.accepted_at is None:
            application_transition(
                application_id=application.pk,
                to_status=Status.ACCEPTED,
                actor=None,
                action="fee_paid",
                guard=lambda app: _create_tasks(app),
            )
        else:
            application_transition(
                application_id=application.pk, to_status=Status.APPROVED, actor=None, action="fee_paid"
            )


# --- public lookup ----------------------------------------------------------------------------------
LOOKUP_IP_LIMIT = Limit("", 20, 3600)
LOOKUP_RECEIPT_LIMIT = Limit("", 5, 3600)


def application_lookup(*, receipt_number: str, factor: str, ip: str) -> Application:
    """Find a case by receipt number plus a second factor, for the public progress lookup.

    The factor is the last 6 characters of the applicant's citizen ID number or their phone
    number. Every attempt counts against per-address and per-receipt limits (429
    `lookup_rate_limited`); a wrong factor and an unknown number give the same 404.
    """
    receipt_number = receipt_number.strip().upper()
    decision = get_limiter().acquire(
        [
            Limit(f"lookup:ip:{ip}", LOOKUP_IP_LIMIT.limit, LOOKUP_IP_LIMIT.window_seconds),
            Limit(
                f"lookup:rn:{receipt_number}", LOOKUP_RECEIPT_LIMIT.limit, LOOKUP_RECEIPT_LIMIT.window_seconds
            ),
        ]
    )
    if not decision.allowed:
        raise RateLimited(decision.retry_after, code="lookup_rate_limited")
    application = (
        Application.objects.select_related("applicant", "service_version")
        .filter(receipt_number=receipt_number)
        .first()
    )
    factor = "".join(factor.split()).upper()
    ok = False
    if application is not None and factor:
        citizen_id = (application.applicant.citizen_id or "").upper()
        phone_digits = "".join(ch for ch in application.applicant.phone or "" if ch.isdigit())
        factor_digits = "".join(ch for ch in factor if ch.isdigit())
        ok = (
            len(factor) == 6 and len(citizen_id) == 18 and hmac.compare_digest(citizen_id[-6:], factor)
        ) or (
            len(factor_digits) >= 11
            and bool(phone_digits)
            and hmac.compare_digest(phone_digits[-11:], factor_digits[-11:])
        )
    if not ok:
        raise LookupFailed()
    return application


# --- account merge (interface 1) -----------------------------------------------------------------------
def applications_merge(*, keep: Any, absorb: Any) -> None:
    """Move the absorbed account's applications and consents to the kept account."""
    Application.objects.filter(applicant=absorb).update(applicant=keep)
    kept_purposes = set(Consent.objects.filter(user=keep).values_list("purpose", flat=True))
    Consent.objects.filter(user=absorb, purpose__in=kept_purposes).delete()
    Consent.objects.filter(user=absorb).update(user=keep)
