from django.urls import path

from backend.feedback import apis

urlpatterns = [
    path("evaluations", apis.EvaluationListCreateApi.as_view(), name="evaluation-list"),
    path("evaluations/<str:evaluation_id>", apis.EvaluationDetailApi.as_view(), name="evaluation-detail"),
    path("staff/rectifications", apis.StaffRectificationListApi.as_view(), name="staff-rectification-list"),
    path(
        "staff/rectifications/<str:rectification_id>/reply",
        apis.StaffRectificationReplyApi.as_view(),
        name="staff-rectification-reply",
    ),
    path("consultations", apis.InquiryListCreateApi.as_view(), name="consultation-list"),
    path("consultations/<str:inquiry_id>", apis.InquiryDetailApi.as_view(), name="consultation-detail"),
    path("consultations/<str:inquiry_id>/close", apis.InquiryCloseApi.as_view(), name="consultation-close"),
    path("staff/consultations", apis.StaffInquiryListApi.as_view(), name="staff-consultation-list"),
    path(
        "staff/consultations/<str:inquiry_id>/reply",
        apis.StaffInquiryReplyApi.as_view(),
        name="staff-consultation-reply",
    ),
]
