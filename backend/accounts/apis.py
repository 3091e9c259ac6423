"""HTTP endpoints of accounts: one view per operation; views parse and call one service."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts import otp, selectors, services, staff_auth, tokens
from backend.accounts.constants import Role
from backend.accounts.permissions import IsResident, role_permission
from backend.accounts.serializers import (
    AuditLogFilterSerializer,
    AuditLogOutputSerializer,
    MeOutputSerializer,
    RealNameInputSerializer,
    RefreshInputSerializer,
    ResidentOutputSerializer,
    SmsCodeRequestInputSerializer,
    SmsCodeRequestOutputSerializer,
    SmsLoginInputSerializer,
    StaffLoginInputSerializer,
    TokenPairSerializer,
)
from backend.core.models import AuditLog
from backend.core.net import client_ip
from backend.core.openapi import problem_responses
from backend.core.pagination import PageNumberPagination

_TOKEN_EXAMPLE = OpenApiExample(
    "Token pair",
    value={"token_type": "Bearer", "access": "eyJhbGciOi...", "refresh": "eyJhbGciOi...", "expires_in": 600},
    response_only=True,
)


class SmsCodeRequestApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["auth"],
        operation_id="auth_sms_code_request",
        summary="Send an SMS login code",
        description=(
            "Sends a 6-digit code valid for 5 minutes. At most one code per phone per 60 s and "
            "10 per day, and a per-IP limit (429 `otp_rate_limited` with `Retry-After`). The answer "
            "is the same whether or not the phone has an account. When the limiter cannot be "
            "reached no code is sent (503 `rate_limit_unavailable`)."
        ),
        request=SmsCodeRequestInputSerializer,
        responses={202: SmsCodeRequestOutputSerializer, **problem_responses(400, 429, 503)},
        examples=[
            OpenApiExample("Request", value={"phone": "+8613812345678"}, request_only=True),
            OpenApiExample("Sent", value={"expires_in": 300, "resend_after": 60}, response_only=True),
        ],
    )
    def post(self, request: Request) -> Response:
        data = SmsCodeRequestInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        sent = otp.otp_request(phone=data.validated_data["phone"], ip=client_ip(request))
        return Response(
            SmsCodeRequestOutputSerializer(sent).data,
            status=status.HTTP_202_ACCEPTED,
        )


class SmsLoginApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["auth"],
        operation_id="auth_sms_login",
        summary="Log in (or register) with an SMS code",
        description=(
            "Checks the code; a new phone gets a new resident account. Wrong code: 400 "
            "`otp_invalid`; expired: `otp_expired`; the fifth wrong try burns the code: "
            "`otp_attempts_exceeded`."
        ),
        request=SmsLoginInputSerializer,
        responses={200: TokenPairSerializer, **problem_responses(400, 429, 503)},
        examples=[
            OpenApiExample("Request", value={"phone": "+8613812345678", "code": "123456"}, request_only=True),
            _TOKEN_EXAMPLE,
        ],
    )
    def post(self, request: Request) -> Response:
        data = SmsLoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = otp.otp_login(
            phone=data.validated_data["phone"], code=data.validated_data["code"], ip=client_ip(request)
        )
        return Response(tokens.tokens_issue(user, amr=["sms"]))


class TokenRefreshApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["auth"],
        operation_id="auth_token_refresh",
        summary="Rotate the refresh token",
        description="Spends the refresh token (it cannot be used again) and returns a new pair.",
        request=RefreshInputSerializer,
        responses={200: TokenPairSerializer, **problem_responses(400, 401)},
        examples=[
            OpenApiExample("Request", value={"refresh": "eyJhbGciOi..."}, request_only=True),
            _TOKEN_EXAMPLE,
        ],
    )
    def post(self, request: Request) -> Response:
        data = RefreshInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(tokens.tokens_refresh(refresh=data.validated_data["refresh"]))


class LogoutApi(APIView):
    @extend_schema(
        tags=["auth"],
        operation_id="auth_logout",
        summary="Log out: revoke the refresh token",
        request=RefreshInputSerializer,
        responses={204: OpenApiResponse(description="Revoked."), **problem_responses(400, 401)},
        examples=[OpenApiExample("Request", value={"refresh": "eyJhbGciOi..."}, request_only=True)],
    )
    def post(self, request: Request) -> Response:
        data = RefreshInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        tokens.tokens_revoke(user=request.user, refresh=data.validated_data["refresh"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class StaffLoginApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["auth"],
        operation_id="auth_staff_login",
        summary="Staff login: password and TOTP code",
        description=(
            "Both factors are required; any wrong part answers 401 `invalid_credentials`. After "
            "repeated failures the username is locked for a period (429 `account_locked`). Staff "
            "refresh tokens lapse after 30 minutes without use."
        ),
        request=StaffLoginInputSerializer,
        responses={200: TokenPairSerializer, **problem_responses(400, 401, 429, 503)},
        examples=[
            OpenApiExample(
                "Request",
                value={"username": "clerk.li", "password": "correct horse battery", "otp_code": "492039"},
                request_only=True,
            ),
            _TOKEN_EXAMPLE,
        ],
    )
    def post(self, request: Request) -> Response:
        data = StaffLoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = staff_auth.staff_login(**data.validated_data)
        return Response(tokens.tokens_issue(user, amr=["pwd", "otp"]))


_ME_EXAMPLE = OpenApiExample(
    "Resident",
    value={
        "id": "6f1c3c1e-8d4e-4b8a-9a51-2f0d8d1f3a77",
        "kind": "resident",
        "phone": "138****5678",
        "real_name": "张**",
        "citizen_id": "110105********1234",
        "real_name_verified": True,
        "real_name_verified_at": "2026-11-21T10:00:00+08:00",
        "preferred_language": "zh-hans",
        "identities": [{"provider": "phone", "created_at": "2026-11-20T09:00:00+08:00"}],
        "date_joined": "2026-11-20T09:00:00+08:00",
    },
    response_only=True,
)


class MeApi(APIView):
    @extend_schema(
        tags=["me"],
        operation_id="me_retrieve",
        summary="My account (personal data masked)",
        responses={200: MeOutputSerializer, **problem_responses(401)},
        examples=[_ME_EXAMPLE],
    )
    def get(self, request: Request) -> Response:
        return Response(MeOutputSerializer(selectors.user_with_identities(request.user.pk)).data)


class RealNameApi(APIView):
    permission_classes = [IsResident]

    @extend_schema(
        tags=["me"],
        operation_id="me_real_name_verify",
        summary="Verify my real name against my citizen ID number",
        description=(
            "Checked with the identity service. Mismatch: 422 `real_name_mismatch`; number "
            "already verified on another account: 409 `citizen_id_taken`; service down: 503 "
            "`real_name_unavailable`; at most 5 checks a day: 429 `real_name_rate_limited`. "
            "Invalid numbers answer 400 with field codes `id_number_legacy`, `id_number_length`, "
            "`id_number_format`, `id_number_region`, `id_number_birth_date`, "
            "`id_number_future_birth`, `id_number_checksum`."
        ),
        request=RealNameInputSerializer,
        responses={200: MeOutputSerializer, **problem_responses(400, 401, 403, 409, 422, 429, 503)},
        examples=[
            OpenApiExample(
                "Request", value={"name": "张三", "citizen_id": "11010519491231002X"}, request_only=True
            ),
            _ME_EXAMPLE,
        ],
    )
    def post(self, request: Request) -> Response:
        data = RealNameInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.real_name_verify(
            user=request.user, name=data.validated_data["name"], citizen_id=data.validated_data["citizen_id"]
        )
        return Response(MeOutputSerializer(selectors.user_with_identities(request.user.pk)).data)


class StaffResidentDetailApi(APIView):
    permission_classes = [role_permission(Role.CLERK, Role.REVIEWER, Role.SUPERVISOR)]

    @extend_schema(
        tags=["staff"],
        operation_id="staff_resident_retrieve",
        summary="Read a resident's data (masked; audited)",
        description="For clerks, reviewers and supervisors. Every read writes an audit row.",
        responses={200: ResidentOutputSerializer, **problem_responses(401, 403, 404)},
        examples=[
            OpenApiExample(
                "Resident (masked)",
                value={
                    "id": "6f1c3c1e-8d4e-4b8a-9a51-2f0d8d1f3a77",
                    "phone": "138****5678",
                    "real_name": "张**",
                    "citizen_id": "110105********1234",
                    "real_name_verified": True,
                    "date_joined": "2026-11-20T09:00:00+08:00",
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, resident_id: str) -> Response:
        resident = selectors.resident_get_for_staff(resident_id=resident_id)
        services.staff_read_resident(staff=request.user, resident=resident)
        return Response(ResidentOutputSerializer(resident).data)


class AuditLogListApi(ListAPIView):
    permission_classes = [role_permission(Role.AUDITOR)]
    serializer_class = AuditLogOutputSerializer
    pagination_class = PageNumberPagination

    def get_queryset(self) -> QuerySet[AuditLog]:
        filters = AuditLogFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return selectors.audit_log_list(**filters.validated_data)

    @extend_schema(
        tags=["audit"],
        operation_id="audit_log_list",
        summary="The audit log (auditor role only; read-only)",
        description="Newest first. Auditors read; nobody can change or delete an entry.",
        parameters=[AuditLogFilterSerializer],
        responses={200: AuditLogOutputSerializer(many=True), **problem_responses(400, 401, 403, 404)},
        examples=[
            OpenApiExample(
                "Entry",
                value={
                    "id": "0b6f2d7e-3c1a-4f55-9a0e-5d2c8f1b7a66",
                    "at": "2026-11-21T09:30:00+08:00",
                    "actor_id": "5a1d9c2e-7b3f-4e8a-a1c2-9f0e6d3b2a11",
                    "actor_kind": "staff",
                    "action": "resident.read",
                    "object_type": "accounts.user",
                    "object_id": "6f1c3c1e-8d4e-4b8a-9a51-2f0d8d1f3a77",
                    "result": "success",
                    "ip": "10.0.0.8",
                    "request_id": "3f2b9c0d1e4a4b6c8d7e6f5a4b3c2d1e",
                    "detail": {},
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)
