"""Supervision figures for supervisors (效能监督)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.permissions import role_permission
from backend.core.audit import audit_record
from backend.core.openapi import problem_responses
from backend.supervision.report import figures_report
from backend.supervision.serializers import FiguresInputSerializer, FiguresReportOutputSerializer

_FIGURES = {
    "received": 120,
    "accepted": 110,
    "completed": 100,
    "on_time_rate": 0.97,
    "overdue": 3,
    "average_working_days": 3.4,
    "correction_rate": 0.125,
    "satisfaction_rate": 0.985,
    "ratings": 66,
    "complaints": 1,
}


class FiguresApi(APIView):
    permission_classes = [role_permission("supervisor")]

    @extend_schema(
        tags=["supervision"],
        operation_id="supervision_figures",
        summary="Efficiency figures per department and service for a period (supervisors)",
        description="Received, accepted, completed, on-time rate, overdue cases, average working days, "
        "correction rate, satisfaction rate and complaints, for the supervisor's departments. Rates are "
        "0..1, null when there is nothing to divide by. Definitions: backend/supervision/selectors.py.",
        parameters=[FiguresInputSerializer],
        responses={200: FiguresReportOutputSerializer, **problem_responses(403, 404)},
        examples=[
            OpenApiExample(
                "November",
                value={
                    "start": "2026-11-01",
                    "end": "2026-11-30",
                    "total": _FIGURES,
                    "departments": [
                        {
                            "department": {"code": "MZ", "name": "省民政厅"},
                            "service": None,
                            "figures": _FIGURES,
                        }
                    ],
                    "rows": [
                        {
                            "department": {"code": "MZ", "name": "省民政厅"},
                            "service": {"code": "11370000MZ0001", "name": "婚姻登记"},
                            "figures": _FIGURES,
                        }
                    ],
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        params = FiguresInputSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        mine = request.user.departments.all()
        if params.validated_data.get("department"):
            mine = mine.filter(code=params.validated_data["department"])
            if not mine.exists():
                raise NotFound()
        department_ids = list(mine.values_list("pk", flat=True))
        report = figures_report(
            start=params.validated_data["start"],
            end=params.validated_data["end"],
            department_ids=department_ids,
        )
        audit_record(
            action="supervision.figures_read",
            actor=request.user,
            object_type="supervision.figures",
            detail={"start": str(report["start"]), "end": str(report["end"]), "departments": department_ids},
        )
        return Response(FiguresReportOutputSerializer(report).data)
