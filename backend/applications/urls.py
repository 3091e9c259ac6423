from django.urls import path, register_converter

from backend.applications import apis
from backend.applications.converters import LenientUUIDConverter

register_converter(LenientUUIDConverter, "case_id")

_ONE = "applications/<case_id:application_id>"
_STAFF = "staff/applications/<case_id:application_id>"

urlpatterns = [
    path("applications", apis.ApplicationCollectionApi.as_view(), name="applications"),
    path(_ONE, apis.ApplicationDetailApi.as_view(), name="application-detail"),
    path(f"{_ONE}/submit", apis.ApplicationSubmitApi.as_view(), name="application-submit"),
    path(f"{_ONE}/withdraw", apis.ApplicationWithdrawApi.as_view(), name="application-withdraw"),
    path(f"{_ONE}/materials", apis.MaterialUploadApi.as_view(), name="application-material-upload"),
    path(
        f"{_ONE}/materials/<case_id:material_id>",
        apis.MaterialDeleteApi.as_view(),
        name="application-material",
    ),
    path(
        f"{_ONE}/materials/<case_id:material_id>/file",
        apis.MaterialFileApi.as_view(),
        name="application-material-file",
    ),
    path("consents", apis.ConsentGrantApi.as_view(), name="consents"),
    path("progress/lookup", apis.ProgressLookupApi.as_view(), name="progress-lookup"),
    path("staff/applications", apis.StaffQueueApi.as_view(), name="staff-applications"),
    path("staff/supervision/applications", apis.SupervisionListApi.as_view(), name="staff-supervision"),
    path(_STAFF, apis.StaffApplicationDetailApi.as_view(), name="staff-application"),
    path(
        f"{_STAFF}/materials/<case_id:material_id>/file",
        apis.StaffMaterialFileApi.as_view(),
        name="staff-material-file",
    ),
    path(f"{_STAFF}/claim", apis.StaffClaimApi.as_view(), name="staff-application-claim"),
    path(f"{_STAFF}/accept", apis.StaffAcceptApi.as_view(), name="staff-application-accept"),
    path(f"{_STAFF}/corrections", apis.StaffCorrectionApi.as_view(), name="staff-application-corrections"),
    path(f"{_STAFF}/approve", apis.StaffApproveApi.as_view(), name="staff-application-approve"),
    path(f"{_STAFF}/reject", apis.StaffRejectApi.as_view(), name="staff-application-reject"),
    path(f"{_STAFF}/complete", apis.StaffCompleteApi.as_view(), name="staff-application-complete"),
    path(f"{_STAFF}/comments", apis.StaffCommentApi.as_view(), name="staff-application-comments"),
]
