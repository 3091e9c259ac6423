"""One error shape for the whole API: `application/problem+json` (RFC 9457).

Every failure — a business rule (`ApplicationError`), a DRF exception, a Django 404 for an
unknown route, or an unexpected crash — leaves here with a stable machine `code`, a title
and detail in the request's language, and per-field errors where they apply. No stack
trace reaches a client; crashes are logged with the request id instead.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions as drf
from rest_framework.response import Response
from rest_framework.views import set_rollback

PROBLEM_CONTENT_TYPE = "application/problem+json"
logger = logging.getLogger(__name__)


class ApplicationError(Exception):
    """A business-rule failure with a stable code, shown to the client as problem+json."""

    status = 400
    code = "bad_request"
    title = _("The request cannot be processed.")

    def __init__(
        self,
        detail: Any = None,
        *,
        code: str | None = None,
        status: int | None = None,
        title: Any = None,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.detail = detail
        if code:
            self.code = code
        if status:
            self.status = status
        if title:
            self.title = title
        self.errors = errors or []
        self.headers = headers or {}
        self.extra = extra or {}
        super().__init__(str(detail or self.title))


class ServiceUnavailable(ApplicationError):
    status = 503
    code = "service_unavailable"
    title = _("The service is temporarily unavailable. Please try again later.")


class RateLimited(ApplicationError):
    status = 429
    code = "rate_limited"
    title = _("Too many requests. Please try again later.")

    def __init__(self, retry_after: int, detail: Any = None, *, code: str | None = None) -> None:
        retry_after = max(1, int(retry_after))
        super().__init__(
            detail,
            code=code,
            headers={"Retry-After": str(retry_after)},
            extra={"retry_after": retry_after},
        )


class Conflict(ApplicationError):
    status = 409
    code = "conflict"
    title = _("The request conflicts with the current state.")


# DRF exception class -> (code, title). Subclasses are looked up along the MRO.
_DRF_CODES: dict[type[drf.APIException], tuple[str, Any]] = {
    drf.ValidationError: ("validation_error", _("The submitted data is invalid.")),
    drf.ParseError: ("malformed_request", _("The request body could not be parsed.")),
    drf.AuthenticationFailed: ("authentication_failed", _("Authentication failed.")),
    drf.NotAuthenticated: ("not_authenticated", _("Authentication credentials were not provided.")),
    drf.PermissionDenied: ("permission_denied", _("You do not have permission to perform this action.")),
    drf.NotFound: ("not_found", _("The resource was not found.")),
    drf.MethodNotAllowed: ("method_not_allowed", _("This method is not allowed here.")),
    drf.NotAcceptable: ("not_acceptable", _("No acceptable representation is available.")),
    drf.UnsupportedMediaType: ("unsupported_media_type", _("The request's media type is not supported.")),
    drf.Throttled: ("rate_limited", _("Too many requests. Please try again later.")),
}


def problem_body(
    *,
    status: int,
    code: str,
    title: Any,
    detail: Any = None,
    instance: str | None = None,
    errors: list[dict[str, str]] | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": f"{settings.ZB_PROBLEM_TYPE_BASE}{code}",
        "title": str(title),
        "status": status,
        "detail": str(detail if detail is not None else title),
        "code": code,
    }
    if instance:
        body["instance"] = instance
    if errors:
        body["errors"] = errors
    if extra:
        body.update(extra)
    return body


def flatten_validation_errors(detail: Any, prefix: str = "") -> list[dict[str, str]]:
    """Turn DRF's nested error detail into `[{field, code, detail}]` with dotted paths."""
    out: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = "" if key == "non_field_errors" else str(key)
            path = f"{prefix}.{name}" if prefix and name else (name or prefix)
            out.extend(flatten_validation_errors(value, path))
    elif isinstance(detail, list):
        for index, value in enumerate(detail):
            if isinstance(value, dict | list):
                out.extend(flatten_validation_errors(value, f"{prefix}.{index}" if prefix else str(index)))
            else:
                out.extend(flatten_validation_errors(value, prefix))
    else:
        out.append(
            {
                "field": prefix or "non_field_errors",
                "code": str(getattr(detail, "code", None) or "invalid"),
                "detail": str(detail),
            }
        )
    return out


def _drf_code(exc: drf.APIException) -> tuple[str, Any]:
    for klass in type(exc).__mro__:
        if klass in _DRF_CODES:
            return _DRF_CODES[klass]
    return ("error", _("The request cannot be processed."))


def _request_path(context: dict[str, Any]) -> str | None:
    request = context.get("request")
    return getattr(request, "path", None)


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    """DRF's EXCEPTION_HANDLER: map every exception to a problem+json response."""
    instance = _request_path(context)
    if isinstance(exc, Http404):
        exc = drf.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = drf.PermissionDenied()

    if isinstance(exc, ApplicationError):
        set_rollback()
        body = problem_body(
            status=exc.status,
            code=exc.code,
            title=exc.title,
            detail=exc.detail,
            instance=instance,
            errors=exc.errors,
            extra=exc.extra,
        )
        return Response(body, status=exc.status, headers=exc.headers, content_type=PROBLEM_CONTENT_TYPE)

    if isinstance(exc, drf.APIException):
        set_rollback()
        code, title = _drf_code(exc)
        headers: dict[str, str] = {}
        extra: dict[str, Any] = {}
        errors: list[dict[str, str]] = []
        detail: Any = None
        if isinstance(exc, drf.ValidationError):
            errors = flatten_validation_errors(exc.detail)
            detail = _("Please correct the fields listed in errors.")
        elif isinstance(exc.detail, str) and exc.detail != exc.default_detail:
            detail = exc.detail
        # simplejwt's InvalidToken carries its own reason; name it for clients.
        if getattr(exc, "default_code", "") == "token_not_valid":
            code = "token_invalid"
            title = _("The token is invalid or expired.")
            detail = None
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
        if isinstance(exc, drf.Throttled) and exc.wait is not None:
            retry_after = max(1, int(exc.wait + 0.999))
            headers["Retry-After"] = str(retry_after)
            extra["retry_after"] = retry_after
            detail = None
        if isinstance(exc, drf.MethodNotAllowed):
            detail = None
        body = problem_body(
            status=exc.status_code,
            code=code,
            title=title,
            detail=detail,
            instance=instance,
            errors=errors,
            extra=extra,
        )
        response_headers = {**headers}
        return Response(
            body, status=exc.status_code, headers=response_headers, content_type=PROBLEM_CONTENT_TYPE
        )

    # Anything else is our bug: log it with the request id, answer a bare 500.
    logger.exception("unhandled exception", extra={"path": instance})
    set_rollback()
    body = problem_body(
        status=500,
        code="server_error",
        title=_("An internal error occurred. It has been logged; please try again later."),
        instance=instance,
    )
    return Response(body, status=500, content_type=PROBLEM_CONTENT_TYPE)


def problem_response(status: int, code: str, title: Any, request: HttpRequest | None = None) -> JsonResponse:
    """A problem+json response for plain Django views (404 routes, 500, CSRF, readiness)."""
    body = problem_body(status=status, code=code, title=title, instance=getattr(request, "path", None))
    return JsonResponse(
        body, status=status, content_type=PROBLEM_CONTENT_TYPE, json_dumps_params={"ensure_ascii": False}
    )


def handler400(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return problem_response(400, "bad_request", _("The request cannot be processed."), request)


def handler403(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return problem_response(
        403, "permission_denied", _("You do not have permission to perform this action."), request
    )


def handler404(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return problem_response(404, "not_found", _("The resource was not found."), request)


def handler500(request: HttpRequest) -> JsonResponse:
    return problem_response(
        500,
        "server_error",
        _("An internal error occurred. It has been logged; please try again later."),
        request,
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> JsonResponse:
    return problem_response(403, "csrf_failed", _("The request failed the CSRF check."), request)
