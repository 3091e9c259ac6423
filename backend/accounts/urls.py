from django.urls import path

from backend.accounts import apis

urlpatterns = [
    path("auth/sms/code", apis.SmsCodeRequestApi.as_view(), name="auth-sms-code"),
    path("auth/sms/login", apis.SmsLoginApi.as_view(), name="auth-sms-login"),
    path("auth/token/refresh", apis.TokenRefreshApi.as_view(), name="auth-token-refresh"),
    path("auth/logout", apis.LogoutApi.as_view(), name="auth-logout"),
    path("auth/staff/login", apis.StaffLoginApi.as_view(), name="auth-staff-login"),
    path("me", apis.MeApi.as_view(), name="me"),
    path("me/real-name", apis.RealNameApi.as_view(), name="me-real-name"),
    path("staff/residents/<uuid:resident_id>", apis.StaffResidentDetailApi.as_view(), name="staff-resident"),
    path("audit-logs", apis.AuditLogListApi.as_view(), name="audit-log-list"),
]
