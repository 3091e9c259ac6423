"""HTTP endpoints of notifications: the inbox, websocket tickets, provider receipts."""

from __future__ import annotations

import hmac
import uuid
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.parsers import FormParser, JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from twilio.request_validator import RequestValidator

from backend.core.errors import ApplicationError
from backend.core.openapi import ProblemSerializer, problem_responses
from backend.core.pagination import PageNumberPagination
from notifications import delivery, selectors, services
from notifications.models import Message
from notifications.providers import tencent
from notifications.serializers import (
    InboxFilterSerializer,
    InboxMessageOutputSerializer,
    MarkAllReadOutputSerializer,
    TencentSmsReplyOutputSerializer,
    TencentSmsReportInputSerializer,
    TwilioStatusInputSerializer,
    UnreadCountOutputSerializer,
    WsTicketOutputSerializer,
)

_MESSAGE_EXAMPLE = {
    "id": "0b6f2d7e-3c1a-4f55-9a0e-5d2c8f1b7a66",
    "event": "application.approved",
    "title": "申请已通过",
    "body": "您的居住证申领申请已审核通过。",
    "subject_type": "application",
    "subject_id": "6f1c3c1e-8d4e-4b8a-9a51-2f0d8d1f3a77",
    "created_at": "2026-11-21T09:30:00+08:00",
    "read_at": None,
}


class InboxListApi(ListAPIView):
    serializer_class = InboxMessageOutputSerializer
    pagination_class = PageNumberPagination

    def get_queryset(self) -> QuerySet[Message]:
        filters = InboxFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return selectors.inbox_list(user=self.request.user, unread=filters.validated_data["unread"])

    @extend_schema(
        tags=["messages"],
        operation_id="messages_list",
        summary="The resident's inbox",
        description=(
            "Every notice about the resident's applications, bills and certificates, newest first. "
            "The same notices arrive live over the websocket `/ws/v1/events` (see the websocket "
            "section of this document and `openapi/asyncapi.yaml`)."
        ),
        parameters=[InboxFilterSerializer],
        responses={200: InboxMessageOutputSerializer(many=True), **problem_responses(400, 401, 404)},
        examples=[OpenApiExample("Message", value=_MESSAGE_EXAMPLE, response_only=True)],
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class InboxUnreadCountApi(APIView):
    @extend_schema(
        tags=["messages"],
        operation_id="messages_unread_count",
        summary="How many inbox messages are unread",
        responses={200: UnreadCountOutputSerializer, **problem_responses(401)},
        examples=[OpenApiExample("Count", value={"unread": 3}, response_only=True)],
    )
    def get(self, request: Request) -> Response:
        return Response({"unread": selectors.inbox_unread_count(user=request.user)})


class InboxMarkReadApi(APIView):
    @extend_schema(
        tags=["messages"],
        operation_id="messages_mark_read",
        summary="Mark one inbox message read",
        description="Idempotent. Another resident's message is 404.",
        request=None,
        parameters=[OpenApiParameter("message_id", OpenApiTypes.UUID, OpenApiParameter.PATH)],
        responses={200: InboxMessageOutputSerializer, **problem_responses(401, 404)},
        examples=[
            OpenApiExample(
                "Read", value={**_MESSAGE_EXAMPLE, "read_at": "2026-11-21T09:31:00+08:00"}, response_only=True
            )
        ],
    )
    def post(self, request: Request, message_id: str) -> Response:
        # A str route, not <uuid:>: a malformed id must be this API's 404, not the catch-all.
        try:
            parsed = uuid.UUID(message_id)
        except ValueError as exc:
            raise services.MessageNotFound() from exc
        message = services.message_mark_read(user=request.user, message_id=parsed)
        return Response(InboxMessageOutputSerializer(message).data)


class InboxMarkAllReadApi(APIView):
    @extend_schema(
        tags=["messages"],
        operation_id="messages_mark_all_read",
        summary="Mark every inbox message read",
        request=None,
        responses={200: MarkAllReadOutputSerializer, **problem_responses(401)},
        examples=[OpenApiExample("Updated", value={"updated": 3}, response_only=True)],
    )
    def post(self, request: Request) -> Response:
        return Response({"updated": services.message_mark_all_read(user=request.user)})


class WsTicketApi(APIView):
    @extend_schema(
        tags=["messages"],
        operation_id="ws_ticket_create",
        summary="A one-time ticket for opening the websocket from a browser",
        description=(
            "Browsers cannot set an `Authorization` header on a websocket. They ask for a ticket "
            "(valid 30 s, usable once) and open `/ws/v1/events?ticket=…`. Mini-programs and apps "
            "send `Authorization: Bearer <access token>` instead."
        ),
        request=None,
        responses={201: WsTicketOutputSerializer, **problem_responses(401)},
        examples=[
            OpenApiExample(
                "Ticket",
                value={"ticket": "q8W0…", "expires_in": 30, "url": "/ws/v1/events?ticket=q8W0…"},
                response_only=True,
            )
        ],
    )
    def post(self, request: Request) -> Response:
        ticket, _row = services.ws_ticket_issue(user=request.user)
        return Response(
            {
                "ticket": ticket,
                "expires_in": settings.NOTIFY_WS_TICKET_SECONDS,
                "url": f"/ws/v1/events?ticket={ticket}",
            },
            status=status.HTTP_201_CREATED,
        )


class SignatureInvalid(ApplicationError):
    status = 403
    code = "signature_invalid"
    title = _("The request signature is invalid.")


class TwilioStatusCallbackApi(APIView):
    """Twilio's delivery receipts: verify `X-Twilio-Signature`, apply, answer 204."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = [FormParser]

    @extend_schema(
        tags=["sms callbacks"],
        operation_id="twilio_status_callback",
        summary="Twilio SMS status callback",
        description=(
            "Called by Twilio, not by apps. The `X-Twilio-Signature` header must be Twilio's "
            "HMAC-SHA1 of the public URL and the form (403 `signature_invalid` otherwise, and "
            "nothing changes). `delivered` / `undelivered` / `failed` update the message."
        ),
        parameters=[
            OpenApiParameter("X-Twilio-Signature", str, OpenApiParameter.HEADER, required=True),
            OpenApiParameter("m", str, OpenApiParameter.QUERY, required=False, description="Our message id."),
        ],
        request={"application/x-www-form-urlencoded": TwilioStatusInputSerializer},
        responses={
            204: OpenApiResponse(description="Applied (or nothing to do)."),
            **problem_responses(400, 403),
        },
        examples=[
            OpenApiExample(
                "Delivered",
                value={
                    "MessageSid": "SM0123456789abcdef0123456789abcdef",
                    "MessageStatus": "delivered",
                    "AccountSid": "AC0123456789abcdef0123456789abcdef",
                },
                request_only=True,
                media_type="application/x-www-form-urlencoded",
            )
        ],
    )
    def post(self, request: Request) -> Response:
        url = settings.NOTIFY_PUBLIC_BASE_URL.rstrip("/") + request.get_full_path()
        signature = request.headers.get("X-Twilio-Signature", "")
        validator = RequestValidator(settings.TWILIO_AUTH_TOKEN)
        if not settings.TWILIO_AUTH_TOKEN or not validator.validate(url, request.POST, signature):
            raise SignatureInvalid()
        data = TwilioStatusInputSerializer(data=request.POST.dict())
        data.is_valid(raise_exception=True)
        delivery.receipt_apply(
            provider="twilio",
            provider_message_id=data.validated_data["MessageSid"],
            status=data.validated_data["MessageStatus"],
            reference=request.query_params.get("m", ""),
            error_code=data.validated_data.get("ErrorCode", ""),
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class CallbackTokenInvalid(ApplicationError):
    status = 403
    code = "callback_token_invalid"
    title = _("The callback token is invalid.")


_TENCENT_REPORT = {
    "user_receive_time": "2026-11-21 10:00:07",
    "nationcode": "86",
    "mobile": "13800138000",
    "report_status": "SUCCESS",
    "errmsg": "DELIVRD",
    "description": "用户短信送达成功",
    "sid": "2433:8f3c1e0a9b7d6c5e4f21",
}
# Its problem+json body and example come from backend.core.openapi.add_problem_responses.
_TOKEN_INVALID = OpenApiResponse(
    response=ProblemSerializer,
    description="The URL's token is wrong, or none is configured (`callback_token_invalid`).",
)


class TencentSmsStatusCallbackApi(APIView):
    """Tencent Cloud SMS delivery receipts (状态回执): check the URL's token, apply, answer OK."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = [JSONParser]

    @extend_schema(
        tags=["sms callbacks"],
        operation_id="tencent_sms_status_callback",
        summary="Tencent Cloud SMS delivery receipt (状态回执)",
        description=(
            "Called by Tencent Cloud SMS, not by apps: a JSON array of reports, possibly for "
            "several messages. Tencent does not sign it, so the URL configured in its console "
            "carries a secret (`TENCENT_SMS_CALLBACK_TOKEN`), compared in constant time (403 "
            "`callback_token_invalid` otherwise, and nothing changes). `SUCCESS` marks the "
            "message delivered, `FAIL` failed (with `errmsg`); reports for unknown `sid`s are "
            'ignored. The answer is Tencent\'s `{"result": 0, "errmsg": "OK"}`.'
        ),
        parameters=[
            OpenApiParameter(
                "token", str, OpenApiParameter.PATH, description="The secret of the configured callback URL."
            )
        ],
        request=TencentSmsReportInputSerializer(many=True),
        responses={200: TencentSmsReplyOutputSerializer, **problem_responses(400), 403: _TOKEN_INVALID},
        examples=[
            # One item each: the schema is an array and the generator wraps examples in one.
            OpenApiExample("Delivered", value=_TENCENT_REPORT, request_only=True),
            OpenApiExample(
                "Undelivered",
                value={
                    **_TENCENT_REPORT,
                    "report_status": "FAIL",
                    "errmsg": "UNDELIV",
                    "description": "用户短信接收失败",
                },
                request_only=True,
            ),
            OpenApiExample("Received", value={"result": 0, "errmsg": "OK"}, response_only=True),
        ],
    )
    def post(self, request: Request, token: str) -> Response:
        expected = settings.TENCENT_SMS_CALLBACK_TOKEN
        if not expected or not hmac.compare_digest(token.encode(), expected.encode()):
            raise CallbackTokenInvalid()
        reports = TencentSmsReportInputSerializer(data=request.data, many=True, max_length=1000)
        reports.is_valid(raise_exception=True)
        tencent.reports_apply(reports.validated_data)
        return Response({"result": 0, "errmsg": "OK"})
