"""Liveness and readiness for the load balancer and the orchestrator."""

from __future__ import annotations

import logging

import redis
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.request import Request
from rest_framework.response import Response

from backend.core.errors import PROBLEM_CONTENT_TYPE, problem_body

logger = logging.getLogger(__name__)

_HealthSerializer = inline_serializer("Health", {"status": serializers.CharField()})
_ReadySerializer = inline_serializer(
    "Readiness",
    {
        "status": serializers.CharField(),
        "checks": serializers.DictField(child=serializers.CharField()),
    },
)


@extend_schema(
    tags=["operations"],
    summary="Liveness: the process answers",
    responses={200: _HealthSerializer},
    examples=[OpenApiExample("Alive", value={"status": "ok"}, response_only=True)],
    auth=[],
)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([])
def healthz(request: Request) -> Response:
    return Response({"status": "ok"})


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception as exc:  # any driver error means "not ready"
        logger.warning("readiness: database unreachable", extra={"error": type(exc).__name__})
        return "unavailable"


def _check_redis() -> str:
    try:
        client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
        client.ping()
        return "ok"
    except redis.RedisError as exc:
        logger.warning("readiness: redis unreachable", extra={"error": type(exc).__name__})
        return "unavailable"


@extend_schema(
    tags=["operations"],
    summary="Readiness: database (and Redis when configured) reachable",
    responses={
        200: _ReadySerializer,
        503: OpenApiResponse(description="A dependency is down (problem+json, code `not_ready`)."),
    },
    examples=[
        OpenApiExample(
            "Ready", value={"status": "ok", "checks": {"database": "ok", "redis": "ok"}}, response_only=True
        )
    ],
    auth=[],
)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([])
def readyz(request: Request) -> Response | JsonResponse:
    checks = {"database": _check_database()}
    if settings.REDIS_URL:
        checks["redis"] = _check_redis()
    if all(v == "ok" for v in checks.values()):
        return Response({"status": "ok", "checks": checks})
    body = problem_body(
        status=503,
        code="not_ready",
        title=_("The service is not ready."),
        detail=", ".join(f"{k}: {v}" for k, v in checks.items()),
        instance=request.path,
        extra={"checks": checks},
    )
    return Response(body, status=503, content_type=PROBLEM_CONTENT_TYPE)


@csrf_exempt
def not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Catch-all for unknown routes: problem+json 404 in every mode, DEBUG included."""
    from backend.core.errors import handler404

    return handler404(request)
