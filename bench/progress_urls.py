"""Bench-only URLconf: the production routes plus two reference views measured beside them."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import path
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.models import Department
from backend.config import urls as production


def bare_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"ok": True, "service": "zhangban"})


class _RowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()


class OneRowApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    def get(self, request: Request, pk: int) -> Response:
        return Response(_RowSerializer(Department.objects.get(pk=pk)).data)


urlpatterns = [
    path("bench/bare", bare_json),
    path("bench/drf-row/<int:pk>", OneRowApi.as_view()),
    *production.urlpatterns,
]
