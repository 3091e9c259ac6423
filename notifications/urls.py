from django.urls import path

from notifications import apis

urlpatterns = [
    path("messages", apis.InboxListApi.as_view(), name="messages-list"),
    path("messages/unread-count", apis.InboxUnreadCountApi.as_view(), name="messages-unread-count"),
    path("messages/read-all", apis.InboxMarkAllReadApi.as_view(), name="messages-read-all"),
    path("messages/<str:message_id>/read", apis.InboxMarkReadApi.as_view(), name="messages-mark-read"),
    path("ws-ticket", apis.WsTicketApi.as_view(), name="ws-ticket"),
    path(
        "notifications/twilio/status",
        apis.TwilioStatusCallbackApi.as_view(),
        name="notifications-twilio-status",
    ),
    path(
        "notifications/tencent-sms/status/<str:token>",
        apis.TencentSmsStatusCallbackApi.as_view(),
        name="notifications-tencent-sms-status",
    ),
]
