from django.urls import path

from payments import apis

urlpatterns = [
    path("bills", apis.BillListApi.as_view(), name="bills-list"),
    path("bills/notices/lookup", apis.NoticeLookupApi.as_view(), name="notices-lookup"),
    path("bills/<str:bill_id>", apis.BillDetailApi.as_view(), name="bills-detail"),
    path("bills/<str:bill_id>/pay", apis.BillPayApi.as_view(), name="bills-pay"),
    path("bills/<str:bill_id>/receipt", apis.BillReceiptApi.as_view(), name="bills-receipt"),
    path("receipts/verify", apis.ReceiptVerifyApi.as_view(), name="receipts-verify"),
    path("payments/history", apis.PaymentHistoryApi.as_view(), name="payments-history"),
    path("payments/callbacks/wechatpay", apis.WechatPayCallbackApi.as_view(), name="callback-wechatpay"),
    path(
        "payments/callbacks/wechatpay/refund",
        apis.WechatPayRefundCallbackApi.as_view(),
        name="callback-wechatpay-refund",
    ),
    path("payments/callbacks/alipay", apis.AlipayCallbackApi.as_view(), name="callback-alipay"),
    path("finance/bills/<str:bill_id>", apis.FinanceBillDetailApi.as_view(), name="finance-bills-detail"),
    path(
        "finance/bills/<str:bill_id>/refunds", apis.FinanceRefundCreateApi.as_view(), name="finance-refunds"
    ),
    path("finance/notices", apis.FinanceNoticeIssueApi.as_view(), name="finance-notices"),
]
