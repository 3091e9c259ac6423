"""HTTP endpoints of applications (办 and 查) and of the staff workbench.

Views parse, call one service or selector, and shape the answer. Another resident's case,
timeline or material answers 404, and so does a case outside a clerk's departments.
"""

from __future__ import annotations

from typing import Any

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.constants import Role
from backend.accounts.permissions import IsResident, role_permission
from backend.applications import media, selectors, services
from backend.applications.authentication import ResidentCaseAuthentication
from backend.applications.constants import NEXT_STEPS
from backend.applications.models import Application, ApplicationMaterial
from backend.applications.serializers import (
    ApplicationCreateInputSerializer,
    ApplicationDetailOutputSerializer,
    ApplicationFormInputSerializer,
    ApplicationListInputSerializer,
    ApplicationSummaryOutputSerializer,
    CommentInputSerializer,
    CommentOutputSerializer,
    ConsentInputSerializer,
    ConsentOutputSerializer,
    CorrectionRequestInputSerializer,
    LookupInputSerializer,
    LookupOutputSerializer,
    MaterialOutputSerializer,
    MaterialUploadInputSerializer,
    StaffApplicationDetailOutputSerializer,
    StaffApplicationSummaryOutputSerializer,
    StaffNoteInputSerializer,
    StaffQueueInputSerializer,
    SupervisionInputSerializer,
    TaskApproveInputSerializer,
    TaskRejectInputSerializer,
)
from backend.core.audit import audit_record
from backend.core.masking import mask_name, mask_phone
from backend.core.net import client_ip
from backend.core.openapi import problem_responses
from backend.core.pagination import PageNumberPagination
from backend.services.i18n import guide_language, tr

STAFF_PERMISSION = role_permission(Role.CLERK, Role.REVIEWER, Role.SUPERVISOR)
_ID = "6f1c3c1e-8d4e-4b8a-9a51-2f0d8d1f3a77"

_CASE = OpenApiParameter("application_id", OpenApiTypes.UUID, OpenApiParameter.PATH)
_MATERIAL = OpenApiParameter("material_id", OpenApiTypes.UUID, OpenApiParameter.PATH)

_LANGUAGE = OpenApiParameter(
    "Accept-Language",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description="`zh-Hans` (default) or `en` for messages; guide names also in `ug`, `mn`.",
)


def _filters(params: Any) -> dict[str, Any]:
    """The validated query parameters without the paginator's own."""
    return {k: v for k, v in params.validated_data.items() if k not in {"page", "page_size"}}


# --- presenters --------------------------------------------------------------------------------
def _language(request: Request) -> str:
    return guide_language(request.headers.get("Accept-Language"))


def _message(zh: str, en: str, language: str) -> str:
    return en if language == "en" and en else zh


def _read_model_service(application: Application) -> dict[str, Any] | None:
    if "progress" in application.get_deferred_fields():
        return None
    return (application.progress or {}).get("service")


def _service_name(application: Application, language: str) -> str:
    if hasattr(application, "guide_name"):  # annotated by the resident list selector
        return getattr(application, "guide_name_tr", None) or application.guide_name
    service = _read_model_service(application)
    if service:
        return service["name"].get(language) or service["name"]["zh-hans"]
    guide = application.service_version.guide
    return tr(guide.get("translations"), "name", guide["name"], language)


def _iso(value: Any) -> str | None:
    """A datetime as the serializers would write it: ISO 8601 in Asia/Shanghai."""
    return timezone.localtime(value).isoformat() if value else None


def _summary(application: Application, language: str) -> dict[str, Any]:
    clock = selectors.clock_of(application)
    service = _read_model_service(application)
    code = getattr(application, "guide_code", None) or (
        service["code"] if service else application.service_version.guide["code"]
    )
    return {
        "id": str(application.pk),
        "service_code": code,
        "service_name": _service_name(application, language),
        "status": application.status,
        "receipt_number": application.receipt_number,
        "created_at": _iso(application.created_at),
        "submitted_at": _iso(application.submitted_at),
        "deadline_on": clock.deadline_on.isoformat() if clock.deadline_on else None,
        "clock_status": clock.status,
    }


def _correction(notice: Any) -> dict[str, Any]:
    return {
        "round": notice.round,
        "items": notice.items,
        "created_at": notice.created_at,
        "resolved_at": notice.resolved_at,
    }


def _staff_parts(application: Application, language: str) -> dict[str, Any]:
    """Timeline (with internal notes), materials, notices and tasks read from their rows."""
    corrections = [_correction(c) for c in application.corrections.all()]
    return {
        "corrections": corrections,
        "materials": [
            {
                "id": m.pk,
                "slot": m.slot,
                "content_type": m.content_type,
                "size_bytes": m.size_bytes,
                "width": m.width,
                "height": m.height,
                "uploaded_at": m.uploaded_at,
            }
            for m in application.materials.all()
        ],
        "tasks": [
            {
                "department_code": t.department.code,
                "department_name": _message(t.department.name, t.department.name_en, language),
                "status": t.status,
                "reason": t.reason,
                "legal_basis": t.legal_basis,
            }
            for t in application.tasks.all()
        ],
        "timeline": [
            {
                "at": e.created_at,
                "action": e.action,
                "from_status": e.from_status,
                "to_status": e.to_status,
                "actor_role": e.actor_role,
                "department_code": e.department.code if e.department else None,
                "message": _message(e.public_message_zh, e.public_message_en, language),
                "internal_note": e.internal_note,
                "actor_id": e.actor_id,
            }
            for e in application.all_events
        ],
    }


def _resident_parts(application: Application, language: str) -> dict[str, Any]:
    """The same parts from the progress read model (one column, no extra queries)."""
    progress = application.progress or {}
    return {
        "corrections": progress.get("corrections", []),
        "materials": progress.get("materials", []),
        "tasks": [
            {
                **t,
                "department_name": _message(
                    t["department_name"]["zh-hans"], t["department_name"]["en"], language
                ),
            }
            for t in progress.get("tasks", [])
        ],
        "timeline": [
            {**e, "message": _message(e["message"]["zh-hans"], e["message"]["en"], language)}
            for e in progress.get("timeline", [])
        ],
    }


def _detail(application: Application, language: str, *, staff: bool = False) -> dict[str, Any]:
    clock = selectors.clock_of(application)
    parts = _staff_parts(application, language) if staff else _resident_parts(application, language)
    open_notice = next((c for c in reversed(parts["corrections"]) if c["resolved_at"] is None), None)
    service = _read_model_service(application)
    version = getattr(application, "version_number", None) or (
        service["version"] if service else application.service_version.number
    )
    data = {
        **_summary(application, language),
        **parts,
        "service_version": version,
        "accepted_at": _iso(application.accepted_at),
        "decided_at": _iso(application.decided_at),
        "completed_at": _iso(application.completed_at),
        "clock_suspended": clock.suspended,
        "next_step": _message(*NEXT_STEPS[application.status], language),
        "form_data": application.form_data,
        "fee_bill_id": str(application.fee_bill_id) if application.fee_bill_id else None,
        "open_correction": open_notice,
    }
    if staff:
        data.update(
            {
                "department_code": application.department.code,
                "claimed_by": application.claimed_by_id,
                "applicant_id": application.applicant_id,
                "applicant_name": mask_name(application.applicant.real_name) or "",
                "applicant_phone": mask_phone(application.applicant.phone) or "",
            }
        )
    return data


def _file_response(material: ApplicationMaterial) -> FileResponse:
    try:
        handle = default_storage.open(material.storage_name, "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=material.content_type)
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = (
        f'inline; filename="{material.slot}.{material.storage_name.rsplit(".", 1)[-1]}"'
    )
    return response


_SUMMARY_EXAMPLE = {
    "id": _ID,
    "service_code": "11370000GA0001",
    "service_name": "居民身份证换领",
    "status": "in_review",
    "receipt_number": "ZB20261121000042",
    "created_at": "2026-11-21T09:00:00+08:00",
    "submitted_at": "2026-11-21T09:30:00+08:00",
    "deadline_on": "2026-12-12",
    "clock_status": "on_time",
}
_DETAIL_EXAMPLE = {
    **_SUMMARY_EXAMPLE,
    "service_version": 1,
    "accepted_at": "2026-11-21T10:00:00+08:00",
    "decided_at": None,
    "completed_at": None,
    "clock_suspended": False,
    "next_step": "等待审查结果。",
    "form_data": {"applicant_name": "张三", "contact_phone": "13812345678", "reason": "有效期满"},
    "fee_bill_id": None,
    "open_correction": None,
    "corrections": [],
    "materials": [
        {
            "id": "0b7f7c2e-3a51-4c55-9f1e-6c2a0d3b9e10",
            "slot": "photo",
            "content_type": "image/jpeg",
            "size_bytes": 183211,
            "width": 1200,
            "height": 1600,
            "uploaded_at": "2026-11-21T09:20:00+08:00",
        }
    ],
    "tasks": [
        {
            "department_code": "GA",
            "department_name": "省公安厅",
            "status": "pending",
            "reason": "",
            "legal_basis": "",
        }
    ],
    "timeline": [
        {
            "at": "2026-11-21T09:30:00+08:00",
            "action": "submit",
            "from_status": "draft",
            "to_status": "submitted",
            "actor_role": "resident",
            "department_code": None,
            "message": "申请已提交，等待预审受理。",
        }
    ],
}
_PAGE = {"count": 1, "next": None, "previous": None}
_BINARY = {(200, "image/jpeg"): OpenApiTypes.BINARY, (200, "application/pdf"): OpenApiTypes.BINARY}
_BINARY_EXAMPLE = OpenApiExample(
    "File", value="<the stored, metadata-free file>", response_only=True, media_type="image/jpeg"
)


# --- resident ------------------------------------------------------------------------------------
class ApplicationCollectionApi(APIView):
    permission_classes = [IsResident]
    pagination_class = PageNumberPagination  # documents the paged answer

    @extend_schema(
        tags=["applications"],
        operation_id="applications_list",
        summary="My applications (查 progress)",
        parameters=[ApplicationListInputSerializer, _LANGUAGE],
        responses={
            200: ApplicationSummaryOutputSerializer(many=True),
            **problem_responses(400, 401, 403, 404),
        },
        examples=[OpenApiExample("Page", value={**_PAGE, "results": [_SUMMARY_EXAMPLE]}, response_only=True)],
    )
    def get(self, request: Request) -> Response:
        params = ApplicationListInputSerializer(data=request.query_params.dict())
        params.is_valid(raise_exception=True)
        language = _language(request)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(
            selectors.application_list_for_resident(
                applicant=request.user, language=language, **_filters(params)
            ),
            request,
            view=self,
        )
        rows = [_summary(a, language) for a in page]
        return paginator.get_paginated_response(ApplicationSummaryOutputSerializer(rows, many=True).data)

    @extend_schema(
        tags=["applications"],
        operation_id="applications_create",
        summary="Start a draft application for a service",
        description="The draft is filed under the service's current guide version and keeps it.",
        request=ApplicationCreateInputSerializer,
        responses={201: ApplicationDetailOutputSerializer, **problem_responses(400, 401, 403)},
        examples=[
            OpenApiExample("Request", value={"service_code": "11370000GA0001"}, request_only=True),
            OpenApiExample("Draft", value={**_DETAIL_EXAMPLE, "status": "draft"}, response_only=True),
        ],
    )
    def post(self, request: Request) -> Response:
        data = ApplicationCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        application = services.application_create(applicant=request.user, **data.validated_data)
        detail = selectors.application_get_for_resident(
            applicant=request.user, application_id=application.pk, language=_language(request)
        )
        return Response(
            ApplicationDetailOutputSerializer(_detail(detail, _language(request))).data,
            status=status.HTTP_201_CREATED,
        )


class ApplicationDetailApi(APIView):
    # The case is read with the user row behind the token: one query for the progress page.
    authentication_classes = [ResidentCaseAuthentication]
    permission_classes = [IsResident]

    @extend_schema(
        tags=["applications"],
        operation_id="applications_retrieve",
        summary="One of my applications: status, timeline, due date, next step",
        parameters=[_CASE, _LANGUAGE],
        responses={200: ApplicationDetailOutputSerializer, **problem_responses(401, 403, 404)},
        examples=[OpenApiExample("Case", value=_DETAIL_EXAMPLE, response_only=True)],
    )
    def get(self, request: Request, application_id: str) -> Response:
        authenticator = request.successful_authenticator
        if isinstance(authenticator, ResidentCaseAuthentication):
            application = authenticator.case  # None: not this resident's case
            if application is None:
                raise Http404
        else:
            application = selectors.application_get_for_resident(
                applicant=request.user, application_id=application_id
            )
        # The dict already has the documented shape with JSON-ready values; running the nested
        # output serializer over it cost a third of this hot read (bench/RESULTS.md).
        return Response(_detail(application, _language(request)))

    @extend_schema(
        parameters=[_CASE],
        tags=["applications"],
        operation_id="applications_form_update",
        summary="Save my form answers (draft or during correction)",
        description="Checked against the service's JSON Schema; every problem is listed per field "
        "(400 `form_invalid`). Only `form_data` can be written (`field_not_writable` otherwise).",
        request=ApplicationFormInputSerializer,
        responses={200: ApplicationDetailOutputSerializer, **problem_responses(400, 401, 403, 404, 409)},
        examples=[
            OpenApiExample(
                "Request",
                value={
                    "form_data": {
                        "applicant_name": "张三",
                        "contact_phone": "13812345678",
                        "reason": "有效期满",
                    }
                },
                request_only=True,
            ),
            OpenApiExample("Saved", value={**_DETAIL_EXAMPLE, "status": "draft"}, response_only=True),
        ],
    )
    def patch(self, request: Request, application_id: str) -> Response:
        data = ApplicationFormInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.application_form_update(
            application_id=application_id, applicant=request.user, form_data=data.validated_data["form_data"]
        )
        application = selectors.application_get_for_resident(
            applicant=request.user, application_id=application_id, language=_language(request)
        )
        return Response(ApplicationDetailOutputSerializer(_detail(application, _language(request))).data)


class _ResidentStepApi(APIView):
    permission_classes = [IsResident]

    def _answer(self, request: Request, application_id: str) -> Response:
        application = selectors.application_get_for_resident(
            applicant=request.user, application_id=application_id, language=_language(request)
        )
        return Response(ApplicationDetailOutputSerializer(_detail(application, _language(request))).data)


class ApplicationSubmitApi(_ResidentStepApi):
    @extend_schema(
        parameters=[_CASE],
        tags=["applications"],
        operation_id="applications_submit",
        summary="Submit (or resubmit after a correction notice)",
        description="Everything missing is reported at once: 422 `application_incomplete` with one "
        "entry per field and material. A first submission assigns the receipt number. Not possible "
        "in the current state: 409 `application_transition_illegal`.",
        request=None,
        responses={200: ApplicationDetailOutputSerializer, **problem_responses(401, 403, 404, 409, 422)},
        examples=[
            OpenApiExample("Submitted", value={**_DETAIL_EXAMPLE, "status": "submitted"}, response_only=True)
        ],
    )
    def post(self, request: Request, application_id: str) -> Response:
        services.application_submit(application_id=application_id, applicant=request.user)
        return self._answer(request, application_id)


class ApplicationWithdrawApi(_ResidentStepApi):
    @extend_schema(
        parameters=[_CASE],
        tags=["applications"],
        operation_id="applications_withdraw",
        summary="Withdraw my application (before acceptance)",
        request=None,
        responses={200: ApplicationDetailOutputSerializer, **problem_responses(401, 403, 404, 409)},
        examples=[
            OpenApiExample("Withdrawn", value={**_DETAIL_EXAMPLE, "status": "withdrawn"}, response_only=True)
        ],
    )
    def post(self, request: Request, application_id: str) -> Response:
        services.application_withdraw(application_id=application_id, applicant=request.user)
        return self._answer(request, application_id)


class MaterialUploadApi(APIView):
    permission_classes = [IsResident]
    parser_classes = [MultiPartParser]

    @extend_schema(
        parameters=[_CASE],
        tags=["applications"],
        operation_id="applications_material_upload",
        summary="Upload one file into a material slot",
        description=(
            "JPEG, PNG, WebP or PDF, recognised by content. Images are re-encoded as JPEG without any "
            "metadata (EXIF/GPS stripped, orientation applied) with a bounded long edge. Codes: "
            "`material_empty` (400), `material_type_unsupported`, `material_format_not_accepted`, "
            "`material_too_large`, `material_application_size_exceeded`, `material_decompression_bomb`, "
            "`material_corrupt`, `material_pdf_active_content` (422), `material_slot_unknown` (400); "
            "identity documents need the consent first: 403 `consent_required`."
        ),
        request={"multipart/form-data": MaterialUploadInputSerializer},
        responses={201: MaterialOutputSerializer, **problem_responses(400, 401, 403, 404, 409, 422)},
        examples=[
            OpenApiExample(
                "Stored",
                value=_DETAIL_EXAMPLE["materials"][0],
                response_only=True,
            )
        ],
    )
    def post(self, request: Request, application_id: str) -> Response:
        data = MaterialUploadInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        # Refuse an oversized upload before reading it into memory.
        if upload.size > media.setting("MATERIAL_MAX_FILE_BYTES", media.DEFAULT_MAX_FILE_BYTES):
            raise media.MaterialRejected(
                code="material_too_large", detail=_("The file is larger than allowed.")
            )
        material = services.material_upload(
            application_id=application_id,
            applicant=request.user,
            slot=data.validated_data["slot"],
            data=upload.read(),
        )
        return Response(
            MaterialOutputSerializer(
                {
                    "id": material.pk,
                    "slot": material.slot,
                    "content_type": material.content_type,
                    "size_bytes": material.size_bytes,
                    "width": material.width,
                    "height": material.height,
                    "uploaded_at": material.uploaded_at,
                }
            ).data,
            status=status.HTTP_201_CREATED,
        )


class MaterialDeleteApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        parameters=[_CASE, _MATERIAL],
        tags=["applications"],
        operation_id="applications_material_delete",
        summary="Remove one uploaded file (draft or during correction)",
        responses={204: OpenApiResponse(description="Removed."), **problem_responses(401, 403, 404, 409)},
    )
    def delete(self, request: Request, application_id: str, material_id: str) -> Response:
        services.material_delete(
            application_id=application_id, applicant=request.user, material_id=material_id
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class MaterialFileApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        parameters=[_CASE, _MATERIAL],
        tags=["applications"],
        operation_id="applications_material_file",
        summary="Download one of my uploaded files",
        description="Served only to the applicant (and audited staff); never from a public media path.",
        responses={**_BINARY, **problem_responses(401, 403, 404)},
        examples=[_BINARY_EXAMPLE],
    )
    def get(self, request: Request, application_id: str, material_id: str) -> FileResponse:
        material = ApplicationMaterial.objects.filter(
            pk=material_id, application_id=application_id, application__applicant=request.user
        ).first()
        if material is None:
            raise Http404
        return _file_response(material)


class ConsentGrantApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["applications"],
        operation_id="consents_grant",
        summary="Give my separate consent (e.g. to upload photos of identity documents)",
        request=ConsentInputSerializer,
        responses={201: ConsentOutputSerializer, **problem_responses(400, 401, 403)},
        examples=[
            OpenApiExample(
                "Request", value={"purpose": "identity_document_upload", "agree": True}, request_only=True
            ),
            OpenApiExample(
                "Recorded",
                value={
                    "purpose": "identity_document_upload",
                    "text_version": "2026-11",
                    "granted_at": "2026-11-21T09:10:00+08:00",
                },
                response_only=True,
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        data = ConsentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        consent = services.consent_grant(user=request.user, purpose=data.validated_data["purpose"])
        return Response(
            ConsentOutputSerializer(
                {
                    "purpose": consent.purpose,
                    "text_version": consent.text_version,
                    "granted_at": consent.granted_at,
                }
            ).data,
            status=status.HTTP_201_CREATED,
        )


class ProgressLookupApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["applications"],
        operation_id="progress_lookup",
        summary="Public progress lookup by receipt number and a second factor",
        description="The second factor is the last 6 characters of the applicant's ID number or "
        "their phone number. The answer holds no personal data; a wrong factor and an unknown "
        "number both give 404 `application_lookup_failed`; attempts are limited per address and "
        "per receipt number (429 `lookup_rate_limited`).",
        request=LookupInputSerializer,
        responses={200: LookupOutputSerializer, **problem_responses(400, 404, 429, 503)},
        examples=[
            OpenApiExample(
                "Request", value={"receipt_number": "ZB20261121000042", "factor": "00123X"}, request_only=True
            ),
            OpenApiExample(
                "Found",
                value={
                    "receipt_number": "ZB20261121000042",
                    "service_name": "居民身份证换领",
                    "status": "in_review",
                    "submitted_on": "2026-11-21",
                    "deadline_on": "2026-12-12",
                    "last_update_on": "2026-11-22",
                    "next_step": "等待审查结果。",
                },
                response_only=True,
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        data = LookupInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        application = services.application_lookup(ip=client_ip(request), **data.validated_data)
        language = _language(request)
        return Response(
            LookupOutputSerializer(
                {
                    "receipt_number": application.receipt_number,
                    "service_name": _service_name(application, language),
                    "status": application.status,
                    "submitted_on": application.submitted_at.date() if application.submitted_at else None,
                    "deadline_on": application.deadline_on,
                    "last_update_on": application.updated_at.date(),
                    "next_step": _message(*NEXT_STEPS[application.status], language),
                }
            ).data
        )


# --- staff workbench ---------------------------------------------------------------------------------
_STAFF_SUMMARY_EXAMPLE = {**_SUMMARY_EXAMPLE, "department_code": "GA", "claimed_by": None}
_STAFF_DETAIL_EXAMPLE = {
    **_DETAIL_EXAMPLE,
    "department_code": "GA",
    "claimed_by": None,
    "applicant_id": _ID,
    "applicant_name": "张*",
    "applicant_phone": "138****5678",
    "timeline": [{**_DETAIL_EXAMPLE["timeline"][0], "internal_note": "", "actor_id": _ID}],
}


class StaffQueueApi(APIView):
    permission_classes = [STAFF_PERMISSION]
    pagination_class = PageNumberPagination  # documents the paged answer

    @extend_schema(
        tags=["staff-workbench"],
        operation_id="staff_applications_queue",
        summary="Work queue: cases of my departments by department, state and clock",
        parameters=[StaffQueueInputSerializer, _LANGUAGE],
        responses={
            200: StaffApplicationSummaryOutputSerializer(many=True),
            **problem_responses(400, 401, 403),
        },
        examples=[
            OpenApiExample("Page", value={**_PAGE, "results": [_STAFF_SUMMARY_EXAMPLE]}, response_only=True)
        ],
    )
    def get(self, request: Request) -> Response:
        params = StaffQueueInputSerializer(data=request.query_params.dict())
        params.is_valid(raise_exception=True)
        return _staff_page(self, request, selectors.staff_queue(staff=request.user, **_filters(params)))


def _staff_page(view: APIView, request: Request, queryset: Any) -> Response:
    """One page of a staff list; the page itself is a staff read of residents' cases, so audited."""
    language = _language(request)
    paginator = PageNumberPagination()
    page = paginator.paginate_queryset(queryset, request, view=view)
    audit_record(
        action="application.staff_list",
        actor=request.user,
        object_type="applications.application",
        detail={
            "view": type(view).__name__,
            "filters": request.query_params.dict(),
            "application_ids": [str(a.pk) for a in page],
        },
    )
    rows = [
        {**_summary(a, language), "department_code": a.department.code, "claimed_by": a.claimed_by_id}
        for a in page
    ]
    return paginator.get_paginated_response(StaffApplicationSummaryOutputSerializer(rows, many=True).data)


class SupervisionListApi(APIView):
    permission_classes = [role_permission(Role.SUPERVISOR)]
    pagination_class = PageNumberPagination  # documents the paged answer

    @extend_schema(
        tags=["staff-workbench"],
        operation_id="staff_supervision_list",
        summary="Supervision: cases of my departments by time-limit status (warning, overdue)",
        parameters=[SupervisionInputSerializer, _LANGUAGE],
        responses={
            200: StaffApplicationSummaryOutputSerializer(many=True),
            **problem_responses(400, 401, 403),
        },
        examples=[
            OpenApiExample(
                "Page",
                value={**_PAGE, "results": [{**_STAFF_SUMMARY_EXAMPLE, "clock_status": "overdue"}]},
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        params = SupervisionInputSerializer(data=request.query_params.dict())
        params.is_valid(raise_exception=True)
        clock = params.validated_data.get("clock", "")
        queryset = selectors.staff_queue(
            staff=request.user, department=params.validated_data.get("department", ""), clock=clock
        )
        if not clock:
            queryset = queryset.filter(deadline_on__isnull=False)
        return _staff_page(self, request, queryset)


class StaffApplicationDetailApi(APIView):
    permission_classes = [STAFF_PERMISSION]

    @extend_schema(
        tags=["staff-workbench"],
        operation_id="staff_applications_retrieve",
        summary="One case with applicant (masked), form, materials and full timeline (audited)",
        parameters=[_CASE, _LANGUAGE],
        responses={200: StaffApplicationDetailOutputSerializer, **problem_responses(401, 403, 404)},
        examples=[OpenApiExample("Case", value=_STAFF_DETAIL_EXAMPLE, response_only=True)],
    )
    def get(self, request: Request, application_id: str) -> Response:
        application = selectors.application_get_for_staff(staff=request.user, application_id=application_id)
        audit_record(action="application.staff_read", actor=request.user, obj=application)
        return Response(
            StaffApplicationDetailOutputSerializer(_detail(application, _language(request), staff=True)).data
        )


class StaffMaterialFileApi(APIView):
    permission_classes = [STAFF_PERMISSION]

    @extend_schema(
        parameters=[_CASE, _MATERIAL],
        tags=["staff-workbench"],
        operation_id="staff_applications_material_file",
        summary="Read one uploaded file of a case (audited)",
        responses={**_BINARY, **problem_responses(401, 403, 404)},
        examples=[_BINARY_EXAMPLE],
    )
    def get(self, request: Request, application_id: str, material_id: str) -> FileResponse:
        visible = selectors.staff_visible(request.user).filter(pk=application_id)
        material = ApplicationMaterial.objects.filter(pk=material_id, application__in=visible).first()
        if material is None:
            raise Http404
        audit_record(
            action="application.staff_read_material",
            actor=request.user,
            object_type="applications.application",
            object_id=str(application_id),
            detail={"material": str(material.pk), "slot": material.slot},
        )
        return _file_response(material)


class _StaffStepApi(APIView):
    permission_classes = [STAFF_PERMISSION]

    def _answer(self, request: Request, application_id: str) -> Response:
        application = selectors.application_get_for_staff(staff=request.user, application_id=application_id)
        return Response(
            StaffApplicationDetailOutputSerializer(_detail(application, _language(request), staff=True)).data
        )


def _step_schema(
    operation_id: str, summary: str, request: Any, status_after: str, description: str = ""
) -> Any:
    examples = [
        OpenApiExample("Case", value={**_STAFF_DETAIL_EXAMPLE, "status": status_after}, response_only=True)
    ]
    return extend_schema(
        tags=["staff-workbench"],
        parameters=[_CASE],
        operation_id=operation_id,
        summary=summary,
        description=description or "Illegal in the current state: 409 `application_transition_illegal`.",
        request=request,
        responses={200: StaffApplicationDetailOutputSerializer, **problem_responses(400, 401, 403, 404, 409)},
        examples=examples,
    )


class StaffClaimApi(_StaffStepApi):
    @_step_schema(
        "staff_applications_claim", "Claim a case (an accepted case goes into review)", None, "in_review"
    )
    def post(self, request: Request, application_id: str) -> Response:
        services.application_claim(application_id=application_id, staff=request.user)
        return self._answer(request, application_id)


class StaffAcceptApi(_StaffStepApi):
    @_step_schema(
        "staff_applications_accept",
        "Accept a submitted case (受理): tasks per department, the clock starts",
        StaffNoteInputSerializer,
        "accepted",
        "When the service charges before acceptance the case goes to `fee_due` with a bill. Illegal "
        "in the current state: 409 `application_transition_illegal`.",
    )
    def post(self, request: Request, application_id: str) -> Response:
        data = StaffNoteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.application_accept(application_id=application_id, staff=request.user, **data.validated_data)
        return self._answer(request, application_id)


class StaffCorrectionApi(_StaffStepApi):
    @extend_schema(
        parameters=[_CASE],
        tags=["staff-workbench"],
        operation_id="staff_applications_request_correction",
        summary="One-time correction notice (一次性告知): every problem at once",
        description="Targets are `field:<name>` or `material:<slot>`. A later notice may only name "
        "items flagged before or changed by the resident (422 `correction_not_one_time`).",
        request=CorrectionRequestInputSerializer,
        responses={
            200: StaffApplicationDetailOutputSerializer,
            **problem_responses(400, 401, 403, 404, 409, 422),
        },
        examples=[
            OpenApiExample(
                "Request",
                value={
                    "items": [
                        {"target": "material:photo", "problem": "照片背景须为白色。"},
                        {"target": "field:contact_phone", "problem": "电话号码无法接通。"},
                    ],
                    "note": "",
                },
                request_only=True,
            ),
            OpenApiExample(
                "Case", value={**_STAFF_DETAIL_EXAMPLE, "status": "correction_required"}, response_only=True
            ),
        ],
    )
    def post(self, request: Request, application_id: str) -> Response:
        data = CorrectionRequestInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.application_request_correction(
            application_id=application_id,
            staff=request.user,
            items=[dict(i) for i in data.validated_data["items"]],
            note=data.validated_data["note"],
        )
        return self._answer(request, application_id)


class StaffApproveApi(_StaffStepApi):
    @_step_schema(
        "staff_applications_approve",
        "Approve for my department (并联办理); the last approval approves the case",
        TaskApproveInputSerializer,
        "approved",
    )
    def post(self, request: Request, application_id: str) -> Response:
        data = TaskApproveInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.task_decide(
            application_id=application_id,
            staff=request.user,
            department_code=data.validated_data["department_code"],
            approve=True,
            reason=data.validated_data["note"],
        )
        return self._answer(request, application_id)


class StaffRejectApi(_StaffStepApi):
    @_step_schema(
        "staff_applications_reject",
        "Reject for my department with the reason and legal basis; this rejects the case",
        TaskRejectInputSerializer,
        "rejected",
    )
    def post(self, request: Request, application_id: str) -> Response:
        data = TaskRejectInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.task_decide(
            application_id=application_id, staff=request.user, approve=False, **data.validated_data
        )
        return self._answer(request, application_id)


class StaffCompleteApi(_StaffStepApi):
    @_step_schema(
        "staff_applications_complete", "Close a decided case (办结)", StaffNoteInputSerializer, "completed"
    )
    def post(self, request: Request, application_id: str) -> Response:
        data = StaffNoteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.application_complete(
            application_id=application_id, staff=request.user, **data.validated_data
        )
        return self._answer(request, application_id)


class StaffCommentApi(APIView):
    permission_classes = [STAFF_PERMISSION]

    @extend_schema(
        parameters=[_CASE],
        tags=["staff-workbench"],
        operation_id="staff_applications_comment",
        summary="Add an internal comment to the timeline (never shown to the resident)",
        request=CommentInputSerializer,
        responses={201: CommentOutputSerializer, **problem_responses(400, 401, 403, 404)},
        examples=[
            OpenApiExample("Request", value={"text": "已电话联系申请人核实地址。"}, request_only=True),
            OpenApiExample("Added", value={"id": 42, "at": "2026-11-21T10:00:00+08:00"}, response_only=True),
        ],
    )
    def post(self, request: Request, application_id: str) -> Response:
        data = CommentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        event = services.application_comment(
            application_id=application_id, staff=request.user, **data.validated_data
        )
        return Response(CommentOutputSerializer({"id": event.pk, "at": event.created_at}).data, status=201)
