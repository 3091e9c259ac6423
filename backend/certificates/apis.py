"""HTTP endpoints of electronic certificates: mine, image, public verification, revocation, reuse."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.permissions import IsResident, IsStaff
from backend.accounts.roles import has_role
from backend.certificates import selectors, services
from backend.certificates.constants import CertificateStatus
from backend.certificates.models import Certificate
from backend.certificates.render import certificate_png, verification_url
from backend.certificates.serializers import (
    CertificateDetailOutputSerializer,
    CertificateOfferOutputSerializer,
    CertificateOffersInputSerializer,
    CertificateRevokeInputSerializer,
    CertificateSummaryOutputSerializer,
    CertificateUseInputSerializer,
    CertificateUseOutputSerializer,
    CertificateVerifyInputSerializer,
    CertificateVerifyOutputSerializer,
)
from backend.core.api_helpers import (
    PageQuerySerializer,
    page_query_validate,
    paginated,
    path_uuid,
    uuid_or_404,
)
from backend.core.audit import audit_record
from backend.core.errors import RateLimited
from backend.core.masking import mask_name
from backend.core.net import client_ip
from backend.core.openapi import problem_responses
from backend.core.pagination import PageNumberPagination
from backend.core.ratelimit import Limit, get_limiter

VERIFY_IP_HOURLY_LIMIT = 120

_TYPE = {"code": "MARRIAGE", "name": "结婚证", "name_en": "Marriage certificate"}
_DEPT = {"code": "MZ", "name": "省民政厅"}
_SUMMARY = {
    "id": "6f1c1c9e-2a57-4b59-9a38-1b2d3c4d5e6f",
    "number": "MARRIAGE-20261121-K7M2Q9XH3T",
    "type": _TYPE,
    "department": _DEPT,
    "holder_name_masked": "张**",
    "valid_from": "2026-11-21",
    "valid_until": None,
    "issued_at": "2026-11-21T10:00:00+08:00",
    "status": "valid",
}
_DETAIL = {
    **_SUMMARY,
    "fields": {"spouse_name": "李四", "registered_on": "2026-11-21"},
    "algorithm": "SM2-SM3",
    "key_id": "sandbox",
    "signature": "f5a03b06…b1b6aa29…",
    "verification_url": "https://zhangban.example/api/v1/certificates/verify/MARRIAGE-20261121-K7M2Q9XH3T?code=Qm9…",
    "revoked_at": None,
    "revoked_reason": "",
}


def certificate_summary(certificate: Certificate, *, status: str | None = None) -> dict[str, Any]:
    ctype, dept = certificate.certificate_type, certificate.department
    return {
        "id": certificate.pk,
        "number": certificate.number,
        "type": {"code": ctype.code, "name": ctype.name, "name_en": ctype.name_en},
        "department": {"code": dept.code, "name": dept.name},
        "holder_name_masked": mask_name(certificate.holder_name),
        "valid_from": certificate.valid_from,
        "valid_until": certificate.valid_until,
        "issued_at": certificate.issued_at,
        "status": status or services.certificate_status(certificate),
    }


class CertificateListApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["certificates"],
        operation_id="certificates_list",
        summary="My electronic certificates",
        description="The resident's certificates, newest first, each with its current status "
        "(the signature is checked on every read).",
        parameters=[PageQuerySerializer],
        responses={200: paginated(CertificateSummaryOutputSerializer), **problem_responses(403, 404)},
        examples=[
            OpenApiExample(
                "Page",
                value={"count": 1, "next": None, "previous": None, "results": [_SUMMARY]},
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        page_query_validate(request)
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(
            selectors.certificate_list_for_holder(holder=request.user), request, view=self
        )
        rows = [certificate_summary(c) for c in page]
        return paginator.get_paginated_response(CertificateSummaryOutputSerializer(rows, many=True).data)


def _mine(request: Request, certificate_id: Any) -> Certificate:
    certificate = selectors.certificate_get_for_holder(holder=request.user, certificate_id=certificate_id)
    if certificate is None:
        raise NotFound()
    return certificate


class CertificateDetailApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        parameters=[path_uuid("certificate_id")],
        tags=["certificates"],
        operation_id="certificates_retrieve",
        summary="One of my certificates, with its fields and signature",
        responses={200: CertificateDetailOutputSerializer, **problem_responses(403, 404)},
        examples=[OpenApiExample("Certificate", value=_DETAIL, response_only=True)],
    )
    def get(self, request: Request, certificate_id: Any) -> Response:
        certificate_id = uuid_or_404(certificate_id)
        certificate = _mine(request, certificate_id)
        data = {
            **certificate_summary(certificate),
            "fields": certificate.fields,
            "algorithm": certificate.algorithm,
            "key_id": certificate.key_id,
            "signature": certificate.signature,
            "verification_url": verification_url(certificate),
            "revoked_at": certificate.revoked_at,
            "revoked_reason": certificate.revoked_reason,
        }
        return Response(CertificateDetailOutputSerializer(data).data)


class PngRenderer(JSONRenderer):
    """Lets `Accept: image/png` through content negotiation; errors still render as JSON."""

    media_type = "image/png"
    format = "png"


class CertificateImageApi(APIView):
    permission_classes = [IsResident]
    renderer_classes = [JSONRenderer, PngRenderer]

    @extend_schema(
        parameters=[path_uuid("certificate_id")],
        tags=["certificates"],
        operation_id="certificates_image",
        summary="My certificate as a PNG image with a verification QR code",
        responses={
            (200, "image/png"): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="The rendered certificate (900×600 PNG).",
                examples=[
                    OpenApiExample("PNG", value="(binary PNG)", response_only=True, media_type="image/png")
                ],
            ),
            **problem_responses(403, 404, 406),
        },
    )
    def get(self, request: Request, certificate_id: Any) -> HttpResponse:
        certificate_id = uuid_or_404(certificate_id)
        certificate = _mine(request, certificate_id)
        status = services.certificate_status(certificate)
        png = certificate_png(certificate, status_label=str(CertificateStatus(status).label))
        response = HttpResponse(png, content_type="image/png")
        response["Cache-Control"] = "private, no-store"
        return response


class CertificateVerifyApi(APIView):
    """Public: what a QR code scan shows. Only what is needed to trust the paper in hand."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["certificates"],
        operation_id="certificates_verify",
        summary="Verify a certificate (public, the QR code's target)",
        description="Checks the issuing authority's signature, revocation and validity dates. Shows the "
        "type, number, status, issuing department, validity and the masked holder name — never an ID "
        "number or the certificate's fields. The number and the code from the QR code must both match "
        f"(otherwise 404). Limited to {VERIFY_IP_HOURLY_LIMIT} checks per client address per hour.",
        parameters=[CertificateVerifyInputSerializer],
        responses={200: CertificateVerifyOutputSerializer, **problem_responses(404, 429, 503)},
        examples=[
            OpenApiExample(
                "Valid",
                value={
                    "number": _SUMMARY["number"],
                    "type": _TYPE,
                    "department": _DEPT,
                    "holder_name_masked": "张**",
                    "valid_from": "2026-11-21",
                    "valid_until": None,
                    "status": "valid",
                    "revoked_at": None,
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, number: str) -> Response:
        params = CertificateVerifyInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        decision = get_limiter().acquire(
            [Limit(f"certverify:ip:{client_ip(request)}", VERIFY_IP_HOURLY_LIMIT, 3600)]
        )
        if not decision.allowed:
            raise RateLimited(decision.retry_after, code="certificate_verify_rate_limited")
        certificate = selectors.certificate_get_by_number(number=number)
        if certificate is None or not _same(certificate.verify_code, params.validated_data["code"]):
            raise NotFound(_("No certificate with this number and code."))
        summary = certificate_summary(certificate)
        data = {key: summary[key] for key in ("number", "type", "department", "holder_name_masked", "status")}
        data.update(
            valid_from=certificate.valid_from,
            valid_until=certificate.valid_until,
            revoked_at=certificate.revoked_at,
        )
        return Response(CertificateVerifyOutputSerializer(data).data)


def _same(a: str, b: str) -> bool:
    import hmac

    return hmac.compare_digest(a.encode(), b.encode())


class CertificateRevokeApi(APIView):
    permission_classes = [IsStaff]

    @extend_schema(
        parameters=[path_uuid("certificate_id")],
        tags=["certificates"],
        operation_id="certificates_revoke",
        summary="Revoke a certificate (administrator of the issuing department)",
        description="Audited (`certificate.revoke`). Staff outside the issuing department get 404.",
        request=CertificateRevokeInputSerializer,
        responses={200: CertificateSummaryOutputSerializer, **problem_responses(403, 404, 409)},
        examples=[
            OpenApiExample("Revoke", value={"reason": "证件信息有误，依申请注销。"}, request_only=True),
            OpenApiExample("Revoked", value={**_SUMMARY, "status": "revoked"}, response_only=True),
        ],
    )
    def post(self, request: Request, certificate_id: Any) -> Response:
        certificate_id = uuid_or_404(certificate_id)
        body = CertificateRevokeInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        certificate = Certificate.objects.filter(pk=certificate_id).first()
        if certificate is None:
            raise NotFound()
        certificate = services.certificate_revoke(
            certificate=certificate, actor=request.user, reason=body.validated_data["reason"]
        )
        return Response(CertificateSummaryOutputSerializer(certificate_summary(certificate)).data)


def _my_application(request: Request, application_id: Any) -> Any:
    from backend.applications.models import Application

    application = Application.objects.filter(pk=application_id, applicant=request.user).first()
    if application is None:
        raise NotFound()
    return application


class CertificateOffersApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["certificates"],
        operation_id="certificates_offers",
        summary="Certificates I hold that can stand in for materials of my draft",
        description="For each material slot of the application's service that a certificate type can "
        "replace, the resident's newest valid certificate of that type (一号申请: no upload needed).",
        parameters=[CertificateOffersInputSerializer],
        responses={200: CertificateOfferOutputSerializer(many=True), **problem_responses(403, 404)},
        examples=[
            OpenApiExample(
                "Offers",
                value=[{"slot": "marriage_certificate", "material_name": "结婚证", "certificate": _SUMMARY}],
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        params = CertificateOffersInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        application = _my_application(request, params.validated_data["application"])
        offers = services.certificate_offers_for_application(application=application)
        rows = [
            {
                "slot": o.slot,
                "material_name": o.material_name,
                "certificate": certificate_summary(o.certificate, status=CertificateStatus.VALID),
            }
            for o in offers
        ]
        return Response(CertificateOfferOutputSerializer(rows, many=True).data)


class CertificateUseCreateApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["certificates"],
        operation_id="certificates_use_create",
        summary="Use a held certificate for a material slot of my draft (no upload)",
        description="Attaches the certificate by reference; choosing again for the slot replaces the "
        "choice. 422 `certificate_not_usable` when the slot does not take this certificate type or the "
        "certificate is not valid; 409 `application_not_editable` after submission.",
        request=CertificateUseInputSerializer,
        responses={201: CertificateUseOutputSerializer, **problem_responses(403, 404, 409, 422)},
        examples=[
            OpenApiExample(
                "Use",
                value={
                    "application": "0b7a3c1e-5d7f-4a8e-9c2b-3f4e5d6c7b8a",
                    "slot": "marriage_certificate",
                    "certificate": _SUMMARY["id"],
                },
                request_only=True,
            ),
            OpenApiExample(
                "Attached",
                value={
                    "application": "0b7a3c1e-5d7f-4a8e-9c2b-3f4e5d6c7b8a",
                    "slot": "marriage_certificate",
                    "certificate": _SUMMARY,
                    "verified": True,
                    "attached_at": "2026-11-21T10:05:00+08:00",
                },
                response_only=True,
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        body = CertificateUseInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        application = _my_application(request, body.validated_data["application"])
        certificate = selectors.certificate_get_for_holder(
            holder=request.user, certificate_id=body.validated_data["certificate"]
        )
        if certificate is None:
            raise NotFound()
        use = services.certificate_attach_to_material(
            application=application,
            slot=body.validated_data["slot"],
            certificate=certificate,
            actor=request.user,
        )
        data = {
            "application": application.pk,
            "slot": use.slot,
            "certificate": certificate_summary(certificate, status=CertificateStatus.VALID),
            "verified": True,
            "attached_at": use.attached_at,
        }
        return Response(CertificateUseOutputSerializer(data).data, status=201)


class StaffCertificateUseListApi(APIView):
    permission_classes = [IsStaff]

    @extend_schema(
        parameters=[path_uuid("application_id")],
        tags=["staff-workbench"],
        operation_id="staff_application_certificate_uses",
        summary="Materials of a case satisfied by electronic certificates (verified now)",
        description="Staff of the case's department (clerk, reviewer, supervisor). The read is audited.",
        responses={200: CertificateUseOutputSerializer(many=True), **problem_responses(403, 404)},
        examples=[
            OpenApiExample(
                "Uses",
                value=[
                    {
                        "application": "0b7a3c1e-5d7f-4a8e-9c2b-3f4e5d6c7b8a",
                        "slot": "marriage_certificate",
                        "certificate": _SUMMARY,
                        "verified": True,
                        "attached_at": "2026-11-21T10:05:00+08:00",
                    }
                ],
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, application_id: Any) -> Response:
        application_id = uuid_or_404(application_id)
        from backend.applications.models import Application

        application = Application.objects.filter(pk=application_id).first()
        if (
            application is None
            or not has_role(request.user, "clerk", "reviewer", "supervisor")
            or not request.user.departments.filter(pk=application.department_id).exists()
        ):
            raise NotFound()
        rows = selectors.certificate_uses_for_application(application=application)
        audit_record(
            action="certificate.uses_read", actor=request.user, obj=application, detail={"count": len(rows)}
        )
        data = [
            {
                "application": application.pk,
                "slot": row["slot"],
                "certificate": certificate_summary(row["certificate"], status=row["status"]),
                "verified": row["verified"],
                "attached_at": row["attached_at"],
            }
            for row in rows
        ]
        return Response(CertificateUseOutputSerializer(data, many=True).data)
