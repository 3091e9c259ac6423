"""Finance API under `/api/v1/finance/`: reconciliation runs, bill uploads, difference cases, reports.

Every view admits staff with the `finance` role only (residents and other staff: 403; no
credentials: 401). Views parse, call one service or selector, answer.
"""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.constants import Role
from backend.accounts.permissions import role_permission
from backend.core.api_helpers import paginated, uuid_or_404
from backend.core.openapi import problem_responses
from backend.core.pagination import PageNumberPagination
from payments import services as payment_services
from payments.providers.base import ProviderError
from payments.reconciliation import errors, exports, selectors, services
from payments.reconciliation.constants import BillFileSource
from payments.reconciliation.fetch import bill_fetch
from payments.reconciliation.models import BillFile
from payments.reconciliation.serializers import (
    BillUploadInputSerializer,
    CaseDetailOutputSerializer,
    CaseListFilterSerializer,
    CaseOutputSerializer,
    CaseRefundInputSerializer,
    CaseWriteOffInputSerializer,
    DateRangeFilterSerializer,
    ReportExportFilterSerializer,
    ReportSummaryFilterSerializer,
    ReportSummaryRowOutputSerializer,
    RunCreateInputSerializer,
    RunListFilterSerializer,
    RunOutputSerializer,
)

FINANCE = role_permission(Role.FINANCE)
TAGS = ["finance"]
_RUN_EXAMPLE = {
    "id": "5b7c0c8e-2f47-4e0e-9d8a-4b1c2f0e9a11",
    "provider": "wechatpay",
    "merchant_id": "1900000109",
    "bill_date": "2026-11-21",
    "state": "succeeded",
    "method": "copy",
    "started_at": "2026-11-22T10:05:00+08:00",
    "finished_at": "2026-11-22T10:05:09+08:00",
    "line_count": 3,
    "counts": {
        "matched": {"count": 2, "amount_fen": 24000},
        "provider_only": {"count": 1, "amount_fen": 12000},
    },
    "totals": {"bill": {"count_all": "3"}, "rows": {"count_all": "3"}, "channels": {}},
    "errors": [],
    "failure": "",
    "bill_file_sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
}
_CASE_EXAMPLE = {
    "id": "0d3e8b36-3c8e-4d7f-a1c4-7e0c9b8f6a21",
    "provider": "wechatpay",
    "merchant_id": "1900000109",
    "bill_date": "2026-11-21",
    "kind": "payment",
    "reference": "P20261121A1B2C3D4E5F60718",
    "category": "amount_mismatch",
    "state": "open",
    "resolution": "",
    "out_trade_no": "P20261121A1B2C3D4E5F60718",
    "transaction_id": "4200000000000000000000000001",
    "provider_amount_fen": 11900,
    "local_amount_fen": 12000,
    "provider_status": "SUCCESS",
    "local_state": "paid",
    "order_id": "3f0e8a2c-8d5b-4c7e-9a51-2b1e6f0c9d11",
    "refund_id": None,
    "note": "",
    "resolved_at": None,
    "last_run_id": "5b7c0c8e-2f47-4e0e-9d8a-4b1c2f0e9a11",
}
IDEMPOTENCY_HEADER = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description="A unique key per attempt; the same key and body replay the stored answer.",
)


def _case_id_param() -> OpenApiParameter:
    return OpenApiParameter("case_id", OpenApiTypes.UUID, OpenApiParameter.PATH)


def _page(request: Request, view: APIView, queryset: Any, serializer: Any) -> Response:
    paginator = PageNumberPagination()
    page = paginator.paginate_queryset(queryset, request, view=view)
    return paginator.get_paginated_response(serializer(page, many=True).data)


# --- runs ----------------------------------------------------------------------------------------
class RunListApi(APIView):
    permission_classes = [FINANCE]

    @extend_schema(
        tags=TAGS,
        operation_id="finance_reconciliation_runs_list",
        summary="Reconciliation runs (newest first)",
        parameters=[RunListFilterSerializer],
        responses={200: paginated(RunOutputSerializer), **problem_responses(400, 401, 403)},
        examples=[
            OpenApiExample(
                "Runs",
                value={"count": 1, "next": None, "previous": None, "results": [_RUN_EXAMPLE]},
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        filters = RunListFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        return _page(request, self, selectors.run_list(**filters.validated_data), RunOutputSerializer)


class RunDetailApi(APIView):
    permission_classes = [FINANCE]

    @extend_schema(
        tags=TAGS,
        operation_id="finance_reconciliation_runs_retrieve",
        summary="One reconciliation run: counts per category, totals, malformed lines",
        parameters=[OpenApiParameter("run_id", OpenApiTypes.UUID, OpenApiParameter.PATH)],
        responses={200: RunOutputSerializer, **problem_responses(401, 403, 404)},
        examples=[OpenApiExample("Run", value=_RUN_EXAMPLE, response_only=True)],
    )
    def get(self, request: Request, run_id: str) -> Response:
        run = selectors.run_list().filter(pk=uuid_or_404(run_id)).first()
        if run is None:
            raise NotFound()
        return Response(RunOutputSerializer(run).data)


class RunCreateApi(APIView):
    permission_classes = [FINANCE]

    @extend_schema(
        tags=TAGS,
        operation_id="finance_reconciliation_runs_create",
        summary="Reconcile a day now (download the bill again, or re-run a stored bill file)",
        description=(
            "Re-running a day is idempotent: results are recomputed, decisions already taken on "
            "difference cases are kept. 422 `reconciliation_failed` when the bill has malformed lines "
            "(`lines`: line numbers and reasons) or its rows do not add up to its own summary; 503 "
            "`bill_not_ready` before the provider publishes the bill (after ~10:00 for the previous day), "
            "`bill_download_failed` when the provider cannot be reached."
        ),
        request=RunCreateInputSerializer,
        responses={201: RunOutputSerializer, **problem_responses(400, 401, 403, 404, 422, 503)},
        examples=[
            OpenApiExample(
                "Re-run", value={"provider": "wechatpay", "bill_date": "2026-11-21"}, request_only=True
            )
        ],
    )
    def post(self, request: Request) -> Response:
        data = RunCreateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        bill_file_id = data.validated_data.get("bill_file_id")
        if bill_file_id:
            bill_file = BillFile.objects.filter(
                pk=bill_file_id,
                provider=data.validated_data["provider"],
                bill_date=data.validated_data["bill_date"],
            ).first()
            if bill_file is None:
                raise NotFound()
        else:
            try:
                bill_file = bill_fetch(
                    provider=data.validated_data["provider"], bill_date=data.validated_data["bill_date"]
                )
            except ProviderError as exc:
                raise errors.BillDownloadFailed() from exc
        run = services.reconciliation_run(bill_file=bill_file, staff=request.user)
        return Response(RunOutputSerializer(run).data, status=status.HTTP_201_CREATED)


class BillUploadApi(APIView):
    permission_classes = [FINANCE]
    parser_classes = [MultiPartParser]

    @extend_schema(
        tags=TAGS,
        operation_id="finance_reconciliation_bills_upload",
        summary="Upload a bill file by hand and reconcile it",
        description=(
            "The file is kept exactly as uploaded (immutable, named by its SHA-256), then reconciled. "
            "422 `reconciliation_failed` with the malformed line numbers, or when totals do not add up."
        ),
        request={"multipart/form-data": BillUploadInputSerializer},
        responses={201: RunOutputSerializer, **problem_responses(400, 401, 403, 415, 422)},
        examples=[
            OpenApiExample(
                "Upload",
                value={"provider": "alipay", "bill_date": "2026-11-21", "file": "(zip)"},
                request_only=True,
                media_type="multipart/form-data",
            )
        ],
    )
    def post(self, request: Request) -> Response:
        data = BillUploadInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        bill_file = services.bill_file_store(
            provider=data.validated_data["provider"],
            bill_date=data.validated_data["bill_date"],
            stream=upload,
            source=BillFileSource.UPLOADED,
            uploaded_by=request.user,
            original_name=upload.name or "",
        )
        run = services.reconciliation_run(bill_file=bill_file, staff=request.user)
        return Response(RunOutputSerializer(run).data, status=status.HTTP_201_CREATED)


# --- cases ----------------------------------------------------------------------------------------
class CaseListApi(APIView):
    permission_classes = [FINANCE]

    @extend_schema(
        tags=TAGS,
        operation_id="finance_reconciliation_cases_list",
        summary="Difference cases (provider_only, local_only, amount_mismatch, status_mismatch)",
        parameters=[CaseListFilterSerializer],
        responses={200: paginated(CaseOutputSerializer), **problem_responses(400, 401, 403)},
        examples=[
            OpenApiExample(
                "Cases",
                value={"count": 1, "next": None, "previous": None, "results": [_CASE_EXAMPLE]},
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        filters = CaseListFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        return _page(request, self, selectors.case_list(**filters.validated_data), CaseOutputSerializer)


def _case_detail(case_id: Any) -> dict[str, Any]:
    case = selectors.case_get(case_id=case_id)
    if case is None:
        raise NotFound()
    return dict(CaseDetailOutputSerializer(case).data)


class CaseDetailApi(APIView):
    permission_classes = [FINANCE]

    @extend_schema(
        tags=TAGS,
        operation_id="finance_reconciliation_cases_retrieve",
        summary="One difference case with every action taken on it",
        parameters=[_case_id_param()],
        responses={200: CaseDetailOutputSerializer, **problem_responses(401, 403, 404)},
        examples=[OpenApiExample("Case", value={**_CASE_EXAMPLE, "actions": []}, response_only=True)],
    )
    def get(self, request: Request, case_id: str) -> Response:
        return Response(_case_detail(uuid_or_404(case_id)))


def _existing_case(case_id: str) -> Any:
    pk = uuid_or_404(case_id)
    if selectors.case_get(case_id=pk) is None:
        raise NotFound()
    return pk


class CaseRequeryApi(APIView):
    permission_classes = [FINANCE]

    @extend_schema(
        tags=TAGS,
        operation_id="finance_reconciliation_cases_requery",
        summary="Ask the provider again and apply its answer (missed-callback recovery)",
        description=(
            "Resolves the case as `recovered` when our ledger then agrees with the bill; otherwise the "
            "answer is recorded and the case stays open. 409 `case_not_open`, `case_action_not_allowed`; "
            "503 `bill_download_failed` when the provider cannot be reached."
        ),
        parameters=[_case_id_param()],
        request=None,
        responses={200: CaseDetailOutputSerializer, **problem_responses(401, 403, 404, 409, 503)},
        examples=[OpenApiExample("Recovered", value={**_CASE_EXAMPLE, "actions": []}, response_only=True)],
    )
    def post(self, request: Request, case_id: str) -> Response:
        pk = _existing_case(case_id)
        try:
            services.case_requery(case_id=pk, staff=request.user)
        except ProviderError as exc:
            raise errors.BillDownloadFailed() from exc
        return Response(_case_detail(pk))


class CaseRefundApi(APIView):
    permission_classes = [FINANCE]

    @extend_schema(
        tags=TAGS,
        operation_id="finance_reconciliation_cases_refund",
        summary="Refund money for a difference on one of our bills, and resolve the case",
        description=(
            "Through the payments refund (never more than was paid). 409 `case_not_open`, "
            "`case_action_not_allowed`, `refund_not_allowed`, `refund_exceeds_paid`, idempotency errors."
        ),
        parameters=[_case_id_param(), IDEMPOTENCY_HEADER],
        request=CaseRefundInputSerializer,
        responses={200: CaseDetailOutputSerializer, **problem_responses(400, 401, 403, 404, 409)},
        examples=[
            OpenApiExample("Refund", value={"amount_fen": 100, "note": "多扣款退还"}, request_only=True)
        ],
    )
    def post(self, request: Request, case_id: str) -> Response:
        from payments import errors as payment_errors

        pk = _existing_case(case_id)
        data = CaseRefundInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        key = request.headers.get("Idempotency-Key", "").strip()
        if not key or len(key) > 255:
            raise payment_errors.IdempotencyKeyRequired()
        record, fresh = payment_services.idempotency_begin(
            user=request.user,
            key=key,
            scope="finance.case_refund",
            fingerprint=payment_services.request_fingerprint("case_refund", str(pk), data.validated_data),
        )
        if not fresh:
            return Response(
                record.response_body, status=record.response_status, headers={"Idempotent-Replayed": "true"}
            )
        try:
            services.case_refund(case_id=pk, staff=request.user, **data.validated_data)
        except BaseException:
            payment_services.idempotency_finish(record, status=500, body=None)
            raise
        body = _case_detail(pk)
        payment_services.idempotency_finish(record, status=200, body=_jsonable(body))
        return Response(body)


def _jsonable(body: dict[str, Any]) -> Any:
    import json

    from rest_framework.utils.encoders import JSONEncoder

    return json.loads(json.dumps(body, cls=JSONEncoder))


class CaseWriteOffApi(APIView):
    permission_classes = [FINANCE]

    @extend_schema(
        tags=TAGS,
        operation_id="finance_reconciliation_cases_write_off",
        summary="Accept a difference with a written reason (核销)",
        description="409 `case_not_open` when the case is already resolved or cleared.",
        parameters=[_case_id_param()],
        request=CaseWriteOffInputSerializer,
        responses={200: CaseDetailOutputSerializer, **problem_responses(400, 401, 403, 404, 409)},
        examples=[OpenApiExample("Write off", value={"note": "测试交易，已线下核实"}, request_only=True)],
    )
    def post(self, request: Request, case_id: str) -> Response:
        pk = _existing_case(case_id)
        data = CaseWriteOffInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.case_write_off(case_id=pk, staff=request.user, **data.validated_data)
        return Response(_case_detail(pk))


# --- reports ----------------------------------------------------------------------------------------
class ReportSummaryApi(APIView):
    permission_classes = [FINANCE]

    @extend_schema(
        tags=TAGS,
        operation_id="finance_reports_summary",
        summary="Daily or monthly totals by department, fee item or channel (received, refunded, fees, net)",
        parameters=[ReportSummaryFilterSerializer],
        responses={200: ReportSummaryRowOutputSerializer(many=True), **problem_responses(400, 401, 403)},
        examples=[
            OpenApiExample(
                "By department",
                value=[
                    {
                        "period": "2026-11-21",
                        "key": "GA01",
                        "received_fen": 24000,
                        "refunded_fen": 5000,
                        "fee_fen": 114,
                        "net_fen": 18886,
                    }
                ],
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        filters = ReportSummaryFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        rows = selectors.report_summary(**filters.validated_data)
        return Response(ReportSummaryRowOutputSerializer(rows, many=True).data)


class _NoFormatOverride:
    URL_FORMAT_OVERRIDE = None


class QueryFormatIgnoringNegotiation(DefaultContentNegotiation):
    """`?format=` is the export's own parameter (csv | xlsx), not DRF's renderer override (which
    answers an unknown value with a bare 404): only the Accept header negotiates here."""

    settings = _NoFormatOverride()


class _PassthroughRenderer(JSONRenderer):
    """Lets a file's media type through content negotiation; errors still render as JSON."""


class CsvRenderer(_PassthroughRenderer):
    media_type = "text/csv"
    format = "csv"


class XlsxRenderer(_PassthroughRenderer):
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    format = "xlsx"


class PngRenderer(_PassthroughRenderer):
    media_type = "image/png"
    format = "png"


class ReportExportApi(APIView):
    permission_classes = [FINANCE]
    renderer_classes = [JSONRenderer, CsvRenderer, XlsxRenderer]
    content_negotiation_class = QueryFormatIgnoringNegotiation

    @extend_schema(
        tags=TAGS,
        operation_id="finance_reports_export",
        summary="Export the ledger of a date range as CSV or XLSX (streamed)",
        description=(
            "One row per ledger entry: time (Asia/Shanghai), bill number, department, channel, provider, "
            "kind, amount_fen (− for refunds), provider reference, out_trade_no, out_refund_no. The sum of "
            "amount_fen equals the ledger's sum over the range; fees are in the summary report."
        ),
        parameters=[ReportExportFilterSerializer],
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="CSV, UTF-8 with BOM",
                examples=[
                    OpenApiExample(
                        "CSV", value="at,bill_number,...", response_only=True, media_type="text/csv"
                    )
                ],
            ),
            (200, XlsxRenderer.media_type): OpenApiResponse(OpenApiTypes.BINARY, description="XLSX workbook"),
            **problem_responses(400, 401, 403, 406),
        },
    )
    def get(self, request: Request) -> HttpResponse:
        filters = ReportExportFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        date_from, date_to = filters.validated_data["date_from"], filters.validated_data["date_to"]
        name = f"zhangban-ledger-{date_from:%Y%m%d}-{date_to:%Y%m%d}"
        if filters.validated_data["format"] == "xlsx":
            response: HttpResponse = FileResponse(
                exports.xlsx_file(date_from=date_from, date_to=date_to),
                as_attachment=True,
                filename=f"{name}.xlsx",
                content_type=XlsxRenderer.media_type,
            )
        else:
            response = StreamingHttpResponse(
                exports.csv_stream(date_from=date_from, date_to=date_to),
                content_type="text/csv; charset=utf-8",
            )
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        response["Cache-Control"] = "private, no-store"
        return response


class ReportChartApi(APIView):
    permission_classes = [FINANCE]
    renderer_classes = [JSONRenderer, PngRenderer]
    content_negotiation_class = QueryFormatIgnoringNegotiation

    @extend_schema(
        tags=TAGS,
        operation_id="finance_reports_chart",
        summary="Chart of daily totals and differences (PNG)",
        parameters=[DateRangeFilterSerializer],
        responses={
            (200, "image/png"): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="Received, refunded, net and differences per day.",
                examples=[
                    OpenApiExample("PNG", value="(binary PNG)", response_only=True, media_type="image/png")
                ],
            ),
            **problem_responses(400, 401, 403, 406),
        },
    )
    def get(self, request: Request) -> HttpResponse:
        filters = DateRangeFilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        response = HttpResponse(exports.chart_png(**filters.validated_data), content_type="image/png")
        response["Cache-Control"] = "private, no-store"
        return response
