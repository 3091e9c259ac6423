from django.urls import path

from payments.reconciliation import apis

urlpatterns = [
    path("finance/reconciliation/runs", apis.RunListApi.as_view(), name="recon-runs"),
    path("finance/reconciliation/runs/reconcile", apis.RunCreateApi.as_view(), name="recon-runs-create"),
    path("finance/reconciliation/runs/<str:run_id>", apis.RunDetailApi.as_view(), name="recon-runs-detail"),
    path("finance/reconciliation/bills", apis.BillUploadApi.as_view(), name="recon-bills-upload"),
    path("finance/reconciliation/cases", apis.CaseListApi.as_view(), name="recon-cases"),
    path(
        "finance/reconciliation/cases/<str:case_id>", apis.CaseDetailApi.as_view(), name="recon-cases-detail"
    ),
    path(
        "finance/reconciliation/cases/<str:case_id>/requery",
        apis.CaseRequeryApi.as_view(),
        name="recon-cases-requery",
    ),
    path(
        "finance/reconciliation/cases/<str:case_id>/refund",
        apis.CaseRefundApi.as_view(),
        name="recon-cases-refund",
    ),
    path(
        "finance/reconciliation/cases/<str:case_id>/write-off",
        apis.CaseWriteOffApi.as_view(),
        name="recon-cases-write-off",
    ),
    path("finance/reports/summary", apis.ReportSummaryApi.as_view(), name="finance-reports-summary"),
    path("finance/reports/export", apis.ReportExportApi.as_view(), name="finance-reports-export"),
    path("finance/reports/chart", apis.ReportChartApi.as_view(), name="finance-reports-chart"),
]
