"""HTTP endpoints of the service catalog: search and the full guide (public, no login)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.core.openapi import problem_responses
from backend.core.pagination import CountedPagePagination
from backend.services import selectors
from backend.services.i18n import guide_language, guide_localize, tr
from backend.services.serializers import (
    ServiceGuideOutputSerializer,
    ServiceSearchInputSerializer,
    ServiceSummaryOutputSerializer,
)

_LANGUAGE_PARAMETER = OpenApiParameter(
    "Accept-Language",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description="Guide language: `zh-Hans` (default), `en`, `ug` (Uyghur), `mn` (Mongolian); "
    "a field without a translation falls back to zh-Hans.",
)

_SUMMARY_EXAMPLE = {
    "code": "11370000GA0001",
    "name": "居民身份证换领",
    "department": {"code": "GA", "name": "省公安厅"},
    "item_type": "public_service",
    "audience": "individual",
    "themes": ["household", "identity"],
    "online_depth": 3,
    "promised_days": 15,
    "fee_stage": "before_acceptance",
}


class ServiceSearchApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    pagination_class = CountedPagePagination  # documents the paged answer

    @extend_schema(
        tags=["services"],
        operation_id="services_search",
        summary="Search and browse the service catalog",
        description=(
            "Keyword over names, aliases and pinyin (full `shenfenzheng` or initials `sfz`); "
            "name matches come before alias matches. Filters combine with AND."
        ),
        parameters=[ServiceSearchInputSerializer, _LANGUAGE_PARAMETER],
        responses={200: ServiceSummaryOutputSerializer(many=True), **problem_responses(400, 404)},
        examples=[
            OpenApiExample(
                "Page",
                value={"count": 1, "next": None, "previous": None, "results": [_SUMMARY_EXAMPLE]},
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        params = ServiceSearchInputSerializer(data=request.query_params.dict())
        params.is_valid(raise_exception=True)
        language = guide_language(request.headers.get("Accept-Language"))
        paginator = CountedPagePagination()  # the page and its total in one query
        page = paginator.paginate_queryset(
            selectors.service_search(
                **{k: v for k, v in params.validated_data.items() if k not in {"page", "page_size"}}
            ),
            request,
            view=self,
        )
        rows = [
            {
                "code": item.code,
                "name": tr(item.translations, "name", item.name, language),
                "department": {
                    "code": item.department.code,
                    "name": item.department.name_en
                    if language == "en" and item.department.name_en
                    else item.department.name,
                },
                "item_type": item.item_type,
                "audience": item.audience,
                "themes": item.theme_list,
                "online_depth": item.online_depth,
                "promised_days": item.promised_days,
                "fee_stage": item.fee_stage,
            }
            for item in page
        ]
        # The rows already have the documented shape with JSON-ready values; running the output
        # serializer over them again cost about a sixth of this hot read (bench/RESULTS.md).
        response = paginator.get_paginated_response(rows)
        response["Content-Language"] = language
        return response


class ServiceGuideApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["services"],
        operation_id="services_guide_retrieve",
        summary="The full guide of a service item",
        description="Conditions, legal basis, time limits, fees (fen), steps, windows, FAQ, "
        "materials and the form schema of the current published version.",
        parameters=[_LANGUAGE_PARAMETER],
        responses={200: ServiceGuideOutputSerializer, **problem_responses(404)},
        examples=[
            OpenApiExample(
                "Guide (excerpt)",
                value={
                    **_SUMMARY_EXAMPLE,
                    "version": 1,
                    "language": "zh-hans",
                    "aliases": ["身份证到期换证"],
                    "region": {"code": "370000", "name": "山东省", "level": "province"},
                    "region_level": "province",
                    "conditions": "居民身份证有效期满或即将期满（三个月内）。",
                    "legal_basis": "《中华人民共和国居民身份证法》第十一条",
                    "statutory_days": 60,
                    "co_departments": [],
                    "fees": [
                        {
                            "code": "gb",
                            "name": "工本费",
                            "amount_fen": 2000,
                            "legal_basis": "发改价格〔2003〕2322号",
                        }
                    ],
                    "steps": [{"order": 1, "name": "网上申请", "description": "在线填写并上传照片。"}],
                    "windows": [],
                    "faqs": [],
                    "materials": [
                        {
                            "code": "photo",
                            "name": "本人近期证件照",
                            "required": True,
                            "accepted_formats": ["jpeg", "png"],
                            "copies": 1,
                            "notes": "",
                            "sample_image": "",
                            "certificate_type": "",
                            "is_identity_document": False,
                        }
                    ],
                    "form_schema": {"type": "object", "properties": {}},
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request, code: str) -> Response:
        item = selectors.service_get_published(code=code)
        language = guide_language(request.headers.get("Accept-Language"))
        version = item.current_version
        data = guide_localize(version.guide, language=language, version=version.number)
        response = Response(ServiceGuideOutputSerializer(data).data)
        response["Content-Language"] = language
        return response
