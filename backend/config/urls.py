"""Root URLs: the API under /api/v1/, docs, health, admin; anything else is a problem+json 404."""

from django.contrib import admin
from django.urls import include, path, re_path
from django_otp.admin import OTPAdminSite
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from backend.core import errors, health
from backend.supervision import admin_views as supervision_admin

# The admin site asks staff for their TOTP code as well as the password.
admin.site.__class__ = OTPAdminSite
admin.site.site_header = "掌办 Zhangban administration"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/v1/", include("backend.accounts.urls")),
    path("api/v1/", include("payments.urls")),
    path("api/v1/", include("payments.reconciliation.urls")),
    path("api/v1/", include("miniprogram_bridge.urls")),
    path("api/v1/", include("notifications.urls")),
    path("api/v1/", include("backend.services.urls")),
    path("api/v1/", include("backend.applications.urls")),
    path("api/v1/", include("backend.certificates.urls")),
    path("api/v1/", include("backend.appointments.urls")),
    path("api/v1/", include("backend.feedback.urls")),
    path("api/v1/", include("backend.supervision.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    path("admin/supervision/figures/", supervision_admin.figures_page, name="supervision-figures-admin"),
    path("admin/", admin.site.urls),
    re_path(r"^(?P<path>.*)$", health.not_found),
]

handler400 = errors.handler400
handler403 = errors.handler403
handler404 = errors.handler404
handler500 = errors.handler500
