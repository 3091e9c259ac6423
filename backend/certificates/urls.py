from django.urls import path

from backend.certificates import apis

urlpatterns = [
    path("certificates", apis.CertificateListApi.as_view(), name="certificate-list"),
    path("certificates/offers", apis.CertificateOffersApi.as_view(), name="certificate-offers"),
    path("certificates/uses", apis.CertificateUseCreateApi.as_view(), name="certificate-use-create"),
    path("certificates/verify/<str:number>", apis.CertificateVerifyApi.as_view(), name="certificate-verify"),
    path("certificates/<str:certificate_id>", apis.CertificateDetailApi.as_view(), name="certificate-detail"),
    path(
        "certificates/<str:certificate_id>/image",
        apis.CertificateImageApi.as_view(),
        name="certificate-image",
    ),
    path(
        "certificates/<str:certificate_id>/revoke",
        apis.CertificateRevokeApi.as_view(),
        name="certificate-revoke",
    ),
    path(
        "staff/applications/<str:application_id>/certificate-uses",
        apis.StaffCertificateUseListApi.as_view(),
        name="staff-certificate-uses",
    ),
]
