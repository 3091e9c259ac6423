"""The problem+json shape in the contract, and a hook that documents it on every operation."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import serializers


class ProblemFieldErrorSerializer(serializers.Serializer):
    field = serializers.CharField(help_text="Dotted path of the field, or `non_field_errors`.")
    code = serializers.CharField(help_text="Stable machine code of this field's error.")
    detail = serializers.CharField(help_text="Human message in the request's language.")


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details, with Zhangban's stable `code`."""

    type = serializers.CharField(help_text="`urn:zhangban:problem:<code>`.")
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    code = serializers.CharField(help_text="Stable machine-readable error code.")
    instance = serializers.CharField(required=False, help_text="The request path.")
    errors = ProblemFieldErrorSerializer(many=True, required=False)
    retry_after = serializers.IntegerField(required=False, help_text="Seconds to wait (429).")


_DESCRIPTIONS = {
    400: (
        "Invalid request (`validation_error` with per-field `errors`, `malformed_request`, "
        "or a business code).",
        "validation_error",
        "提交的数据无效。",
    ),
    401: (
        "Not authenticated (`not_authenticated`, `token_invalid`, `authentication_failed`, "
        "`invalid_credentials`).",
        "not_authenticated",
        "未提供身份认证信息。",
    ),
    403: ("Authenticated but not allowed (`permission_denied`).", "permission_denied", "您无权执行此操作。"),
    404: ("Not found, or not yours (`not_found`).", "not_found", "未找到该资源。"),
    405: ("Method not allowed (`method_not_allowed`).", "method_not_allowed", "不允许此请求方法。"),
    406: ("No acceptable representation (`not_acceptable`).", "not_acceptable", "无法提供可接受的表示形式。"),
    409: (
        "Conflicts with the current state (`conflict` or a specific code).",
        "conflict",
        "请求与当前状态冲突。",
    ),
    415: (
        "Unsupported media type; send JSON (`unsupported_media_type`).",
        "unsupported_media_type",
        "不支持该请求的媒体类型。",
    ),
    422: ("Understood but refused by a business rule (specific code).", "unprocessable", "请求无法处理。"),
    429: (
        "Too many requests; see `Retry-After` (`rate_limited` or a specific code).",
        "rate_limited",
        "请求过于频繁，请稍后再试。",
    ),
    500: (
        "Internal error; logged with the request id (`server_error`).",
        "server_error",
        "服务器内部错误，已记录，请稍后再试。",
    ),
    503: (
        "A dependency is unavailable (`service_unavailable` or a specific code).",
        "service_unavailable",
        "服务暂时不可用，请稍后再试。",
    ),
}


def _example(status: int) -> dict[str, Any]:
    _, code, title = _DESCRIPTIONS[status]
    body: dict[str, Any] = {
        "type": f"urn:zhangban:problem:{code}",
        "title": title,
        "status": status,
        "detail": title,
        "code": code,
        "instance": "/api/v1/...",
    }
    if status == 400:
        body["errors"] = [{"field": "phone", "code": "phone_invalid", "detail": "这不是有效的电话号码。"}]
    if status == 429:
        body["retry_after"] = 42
    return body


def problem_responses(*statuses: int) -> dict[int, OpenApiResponse]:
    """`responses=` entries for the given error statuses, each a problem+json with an example."""
    return {
        status: OpenApiResponse(
            response=ProblemSerializer,
            description=_DESCRIPTIONS[status][0],
            examples=[
                OpenApiExample(_DESCRIPTIONS[status][1], value=_example(status), status_codes=[str(status)])
            ],
        )
        for status in statuses
    }


def _problem_content(schema_ref: dict[str, Any], status: int) -> dict[str, Any]:
    return {
        "application/problem+json": {
            "schema": schema_ref,
            "examples": {_DESCRIPTIONS[status][1]: {"value": _example(status)}},
        }
    }


def add_problem_responses(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular post-processing hook.

    Every error response is served as `application/problem+json`; every operation documents
    the errors any endpoint can give: 500 always, 400/415 where a body or parameters are
    parsed, 401 where a credential is required, 405 for other methods on the path.
    """
    ref = {"$ref": "#/components/schemas/Problem"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            wanted = {500, 405}
            if operation.get("requestBody"):
                wanted |= {400, 415}
            if operation.get("parameters"):
                wanted.add(400)
            security = operation.get("security", result.get("security"))
            if security and any(req for req in security):
                wanted.add(401)
            for status in wanted:
                responses.setdefault(str(status), {"description": _DESCRIPTIONS[status][0]})
            for status_text, response in responses.items():
                status = int(status_text) if status_text.isdigit() else 0
                if status >= 400 and status in _DESCRIPTIONS:
                    response["content"] = _problem_content(ref, status)
    return result
