"""HTTP endpoints: evaluations (好差评), rectifications, consultations and complaints."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.permissions import IsResident, role_permission
from backend.core.api_helpers import (
    PageQuerySerializer,
    int_or_404,
    page_query_validate,
    paginated,
    path_int,
    path_uuid,
    uuid_or_404,
)
from backend.core.openapi import problem_responses
from backend.core.pagination import PageNumberPagination
from backend.feedback import services
from backend.feedback.constants import InquiryStatus, RectificationStatus
from backend.feedback.models import Evaluation, Inquiry, Rectification
from backend.feedback.serializers import (
    EvaluationCreateInputSerializer,
    EvaluationOutputSerializer,
    InquiryCreateInputSerializer,
    InquiryOutputSerializer,
    InquiryReplyInputSerializer,
    RectificationReplyInputSerializer,
    StaffInquiryListInputSerializer,
    StaffRectificationListInputSerializer,
    StaffRectificationOutputSerializer,
)

StaffOfDepartment = role_permission("clerk", "reviewer", "supervisor", "admin")

_EVALUATION = {
    "id": "9b2f6c1d-3e4a-4b5c-8d9e-0f1a2b3c4d5e",
    "application": "0b7a3c1e-5d7f-4a8e-9c2b-3f4e5d6c7b8a",
    "stage": "completion",
    "level": 2,
    "tags": ["slow"],
    "text": "等了很久才办结。",
    "created_at": "2026-11-21T10:00:00+08:00",
    "rectification": {"status": "open", "due_on": "2026-12-12", "reply": "", "replied_at": None},
}
_RECTIFICATION = {
    "id": 7,
    "status": "open",
    "department": "MZ",
    "service": "11370000MZ0001",
    "stage": "completion",
    "level": 2,
    "tags": ["slow"],
    "text": "等了很久才办结。",
    "rated_at": "2026-11-21T10:00:00+08:00",
    "due_on": "2026-12-12",
    "overdue": False,
    "reply": "",
    "replied_at": None,
}
_INQUIRY = {
    "id": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
    "kind": "consultation",
    "status": "replied",
    "department": "MZ",
    "service": "11370000MZ0001",
    "application": None,
    "title": "需要带户口本吗？",
    "content": "办理结婚登记是否需要携带户口本原件？",
    "reply_due_on": "2026-11-28",
    "overdue": False,
    "created_at": "2026-11-21T10:00:00+08:00",
    "timeline": [
        {
            "at": "2026-11-21T10:00:00+08:00",
            "action": "submit",
            "status": "submitted",
            "by_staff": False,
            "text": "",
        },
        {
            "at": "2026-11-22T09:00:00+08:00",
            "action": "reply",
            "status": "replied",
            "by_staff": True,
            "text": "需要携带户口本原件。",
        },
    ],
}


def evaluation_data(evaluation: Evaluation) -> dict[str, Any]:
    rect = getattr(evaluation, "rectification", None)
    return {
        "id": evaluation.pk,
        "application": evaluation.application_id,
        "stage": evaluation.stage,
        "level": evaluation.level,
        "tags": evaluation.tags,
        "text": evaluation.text,
        "created_at": evaluation.created_at,
        "rectification": None
        if rect is None
        else {
            "status": rect.status,
            "due_on": rect.due_on,
            "reply": rect.reply,
            "replied_at": rect.replied_at,
        },
    }


def rectification_data(rect: Rectification) -> dict[str, Any]:
    evaluation = rect.evaluation
    return {
        "id": rect.pk,
        "status": rect.status,
        "department": rect.department.code,
        "service": evaluation.service.code,
        "stage": evaluation.stage,
        "level": evaluation.level,
        "tags": evaluation.tags,
        "text": evaluation.text,
        "rated_at": evaluation.created_at,
        "due_on": rect.due_on,
        "overdue": rect.status == RectificationStatus.OPEN and rect.due_on < timezone.localdate(),
        "reply": rect.reply,
        "replied_at": rect.replied_at,
    }


def inquiry_data(inquiry: Inquiry) -> dict[str, Any]:
    return {
        "id": inquiry.pk,
        "kind": inquiry.kind,
        "status": inquiry.status,
        "department": inquiry.department.code,
        "service": inquiry.service.code if inquiry.service_id else None,
        "application": inquiry.application_id,
        "title": inquiry.title,
        "content": inquiry.content,
        "reply_due_on": inquiry.reply_due_on,
        "overdue": inquiry.first_replied_at is None
        and inquiry.status == InquiryStatus.SUBMITTED
        and inquiry.reply_due_on < timezone.localdate(),
        "created_at": inquiry.created_at,
        "timeline": [
            {
                "at": e.created_at,
                "action": e.action,
                "status": e.to_status,
                "by_staff": e.by_staff,
                "text": e.text,
            }
            for e in inquiry.events.all()
        ],
    }


def _my_application(request: Request, application_id: Any) -> Any:
    from backend.applications.models import Application

    application = Application.objects.filter(pk=application_id, applicant=request.user).first()
    if application is None:
        raise NotFound()
    return application


class EvaluationListCreateApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["evaluations"],
        operation_id="evaluations_list",
        summary="My ratings, with the department's answer to bad ones",
        parameters=[PageQuerySerializer],
        responses={200: paginated(EvaluationOutputSerializer), **problem_responses(403, 404)},
        examples=[
            OpenApiExample(
                "Page",
                value={"count": 1, "next": None, "previous": None, "results": [_EVALUATION]},
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        page_query_validate(request)
        paginator = PageNumberPagination()
        rows = Evaluation.objects.filter(rater=request.user).select_related("rectification")
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response(
            EvaluationOutputSerializer([evaluation_data(e) for e in page], many=True).data
        )

    @extend_schema(
        tags=["evaluations"],
        operation_id="evaluations_create",
        summary="Rate a stage of my case (好差评), once",
        description="Five levels (1 very dissatisfied … 5 very satisfied), reason tags and text. A rating "
        "cannot be changed (409 `evaluation_exists`). `acceptance` opens once the case is accepted, "
        "`completion` once it is completed (409 `evaluation_not_open` before). A rating of 1 or 2 opens a "
        "rectification for the department, due in working days; its answer appears here.",
        request=EvaluationCreateInputSerializer,
        responses={201: EvaluationOutputSerializer, **problem_responses(403, 404, 409)},
        examples=[
            OpenApiExample(
                "Rate",
                value={
                    "application": _EVALUATION["application"],
                    "stage": "completion",
                    "level": 2,
                    "tags": ["slow"],
                    "text": "等了很久才办结。",
                },
                request_only=True,
            ),
            OpenApiExample("Rated", value=_EVALUATION, response_only=True),
        ],
    )
    def post(self, request: Request) -> Response:
        body = EvaluationCreateInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        evaluation = services.evaluation_create(
            rater=request.user,
            application=_my_application(request, data["application"]),
            stage=data["stage"],
            level=int(data["level"]),
            tags=data["tags"],
            text=data["text"],
        )
        evaluation = Evaluation.objects.select_related("rectification").get(pk=evaluation.pk)
        return Response(EvaluationOutputSerializer(evaluation_data(evaluation)).data, status=201)


class EvaluationDetailApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        parameters=[path_uuid("evaluation_id")],
        tags=["evaluations"],
        operation_id="evaluations_retrieve",
        summary="One of my ratings",
        responses={200: EvaluationOutputSerializer, **problem_responses(403, 404)},
        examples=[OpenApiExample("Rating", value=_EVALUATION, response_only=True)],
    )
    def get(self, request: Request, evaluation_id: Any) -> Response:
        evaluation_id = uuid_or_404(evaluation_id)
        evaluation = (
            Evaluation.objects.select_related("rectification")
            .filter(pk=evaluation_id, rater=request.user)
            .first()
        )
        if evaluation is None:
            raise NotFound()
        return Response(EvaluationOutputSerializer(evaluation_data(evaluation)).data)


class StaffRectificationListApi(APIView):
    permission_classes = [StaffOfDepartment]

    @extend_schema(
        tags=["evaluations"],
        operation_id="staff_rectifications_list",
        summary="Bad ratings of my departments to follow up (差评整改); never who rated",
        parameters=[StaffRectificationListInputSerializer, PageQuerySerializer],
        responses={200: paginated(StaffRectificationOutputSerializer), **problem_responses(403, 404)},
        examples=[
            OpenApiExample(
                "Page",
                value={"count": 1, "next": None, "previous": None, "results": [_RECTIFICATION]},
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        params = StaffRectificationListInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        rows = Rectification.objects.filter(department__in=request.user.departments.all()).select_related(
            "department", "evaluation__service"
        )
        if params.validated_data.get("status"):
            rows = rows.filter(status=params.validated_data["status"])
        page_query_validate(request)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response(
            StaffRectificationOutputSerializer([rectification_data(r) for r in page], many=True).data
        )


class StaffRectificationReplyApi(APIView):
    permission_classes = [StaffOfDepartment]

    @extend_schema(
        parameters=[path_int("rectification_id")],
        tags=["evaluations"],
        operation_id="staff_rectifications_reply",
        summary="Answer a bad rating (shown to the resident)",
        request=RectificationReplyInputSerializer,
        responses={200: StaffRectificationOutputSerializer, **problem_responses(403, 404, 409)},
        examples=[
            OpenApiExample("Reply", value={"reply": "已优化审批流程，缩短办理时间。"}, request_only=True),
            OpenApiExample(
                "Replied",
                value={**_RECTIFICATION, "status": "replied", "reply": "已优化审批流程，缩短办理时间。"},
                response_only=True,
            ),
        ],
    )
    def post(self, request: Request, rectification_id: int) -> Response:
        rectification_id = int_or_404(rectification_id)
        body = RectificationReplyInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        rect = services.rectification_reply(
            rectification_id=rectification_id, staff=request.user, reply=body.validated_data["reply"]
        )
        return Response(StaffRectificationOutputSerializer(rectification_data(rect)).data)


def _inquiries() -> Any:
    return Inquiry.objects.select_related("department", "service").prefetch_related("events")


class InquiryListCreateApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["consultations"],
        operation_id="consultations_list",
        summary="My consultations and complaints",
        parameters=[PageQuerySerializer],
        responses={200: paginated(InquiryOutputSerializer), **problem_responses(403, 404)},
        examples=[
            OpenApiExample(
                "Page",
                value={"count": 1, "next": None, "previous": None, "results": [_INQUIRY]},
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        page_query_validate(request)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(_inquiries().filter(resident=request.user), request, view=self)
        return paginator.get_paginated_response(
            InquiryOutputSerializer([inquiry_data(i) for i in page], many=True).data
        )

    @extend_schema(
        tags=["consultations"],
        operation_id="consultations_create",
        summary="Ask about, or complain about, a service or my case",
        description="`kind` is `consultation` (咨询) or `complaint` (投诉), about a service item and, "
        "optionally, one of my applications of it (404 if it is not mine or of another service). The "
        "department must reply within the time limit in working days shown as `reply_due_on`.",
        request=InquiryCreateInputSerializer,
        responses={201: InquiryOutputSerializer, **problem_responses(403, 404)},
        examples=[
            OpenApiExample(
                "Ask",
                value={
                    "kind": "consultation",
                    "service": "11370000MZ0001",
                    "title": "需要带户口本吗？",
                    "content": "办理结婚登记是否需要携带户口本原件？",
                },
                request_only=True,
            ),
            OpenApiExample(
                "Asked",
                value={**_INQUIRY, "status": "submitted", "timeline": _INQUIRY["timeline"][:1]},
                response_only=True,
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        from backend.services.models import ServiceItem

        body = InquiryCreateInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        service = ServiceItem.objects.filter(code=data["service"]).first()
        if service is None:
            raise NotFound()
        application = _my_application(request, data["application"]) if data.get("application") else None
        if application is not None and application.service_id != service.pk:
            raise NotFound()
        inquiry = services.inquiry_create(
            resident=request.user,
            kind=data["kind"],
            title=data["title"],
            content=data["content"],
            service=service,
            application=application,
        )
        return Response(
            InquiryOutputSerializer(inquiry_data(_inquiries().get(pk=inquiry.pk))).data, status=201
        )


class InquiryDetailApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        parameters=[path_uuid("inquiry_id")],
        tags=["consultations"],
        operation_id="consultations_retrieve",
        summary="One of my consultations or complaints, with its timeline",
        responses={200: InquiryOutputSerializer, **problem_responses(403, 404)},
        examples=[OpenApiExample("Inquiry", value=_INQUIRY, response_only=True)],
    )
    def get(self, request: Request, inquiry_id: Any) -> Response:
        inquiry_id = uuid_or_404(inquiry_id)
        inquiry = _inquiries().filter(pk=inquiry_id, resident=request.user).first()
        if inquiry is None:
            raise NotFound()
        return Response(InquiryOutputSerializer(inquiry_data(inquiry)).data)


class InquiryCloseApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        parameters=[path_uuid("inquiry_id")],
        tags=["consultations"],
        operation_id="consultations_close",
        summary="Close my consultation or complaint",
        request=None,
        responses={200: InquiryOutputSerializer, **problem_responses(403, 404, 409)},
        examples=[OpenApiExample("Closed", value={**_INQUIRY, "status": "closed"}, response_only=True)],
    )
    def post(self, request: Request, inquiry_id: Any) -> Response:
        inquiry_id = uuid_or_404(inquiry_id)
        inquiry = services.inquiry_close(inquiry_id=inquiry_id, resident=request.user)
        return Response(InquiryOutputSerializer(inquiry_data(_inquiries().get(pk=inquiry.pk))).data)


class StaffInquiryListApi(APIView):
    permission_classes = [StaffOfDepartment]

    @extend_schema(
        tags=["consultations"],
        operation_id="staff_consultations_list",
        summary="Consultations and complaints to my departments",
        parameters=[StaffInquiryListInputSerializer, PageQuerySerializer],
        responses={200: paginated(InquiryOutputSerializer), **problem_responses(403, 404)},
        examples=[
            OpenApiExample(
                "Page",
                value={"count": 1, "next": None, "previous": None, "results": [_INQUIRY]},
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        params = StaffInquiryListInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        rows = (
            _inquiries()
            .filter(department__in=request.user.departments.all())
            .order_by("reply_due_on", "created_at")
        )
        for key in ("status", "kind"):
            if params.validated_data.get(key):
                rows = rows.filter(**{key: params.validated_data[key]})
        page_query_validate(request)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response(
            InquiryOutputSerializer([inquiry_data(i) for i in page], many=True).data
        )


class StaffInquiryReplyApi(APIView):
    permission_classes = [StaffOfDepartment]

    @extend_schema(
        parameters=[path_uuid("inquiry_id")],
        tags=["consultations"],
        operation_id="staff_consultations_reply",
        summary="Reply to a consultation or complaint (staff of its department)",
        request=InquiryReplyInputSerializer,
        responses={200: InquiryOutputSerializer, **problem_responses(403, 404, 409)},
        examples=[
            OpenApiExample("Reply", value={"text": "需要携带户口本原件。"}, request_only=True),
            OpenApiExample("Replied", value=_INQUIRY, response_only=True),
        ],
    )
    def post(self, request: Request, inquiry_id: Any) -> Response:
        inquiry_id = uuid_or_404(inquiry_id)
        body = InquiryReplyInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        inquiry = services.inquiry_reply(
            inquiry_id=inquiry_id, staff=request.user, text=body.validated_data["text"]
        )
        return Response(InquiryOutputSerializer(inquiry_data(_inquiries().get(pk=inquiry.pk))).data)
