"""Input/output serializers of the notifications endpoints."""

from __future__ import annotations

from rest_framework import serializers


class InboxFilterSerializer(serializers.Serializer):
    unread = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="Only unread (`true`) or read (`false`)."
    )
    # Checked here too: the paginator would silently ignore a malformed value.
    page = serializers.IntegerField(required=False, min_value=1, help_text="Page number (from 1).")
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=100, help_text="At most 100.")


class InboxMessageOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    event = serializers.CharField(help_text="e.g. `application.approved`.")
    title = serializers.CharField()
    body = serializers.CharField()
    subject_type = serializers.CharField(help_text="What it is about, e.g. `application`.")
    subject_id = serializers.CharField()
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)


class UnreadCountOutputSerializer(serializers.Serializer):
    unread = serializers.IntegerField(min_value=0)


class MarkAllReadOutputSerializer(serializers.Serializer):
    updated = serializers.IntegerField(min_value=0)


class WsTicketOutputSerializer(serializers.Serializer):
    ticket = serializers.CharField(help_text="One-time; pass as `?ticket=` when opening the websocket.")
    expires_in = serializers.IntegerField(help_text="Seconds.")
    url = serializers.CharField(help_text="Path of the websocket with the ticket.")


class TwilioStatusInputSerializer(serializers.Serializer):
    """The form Twilio posts (only the fields we read are listed)."""

    MessageSid = serializers.CharField(max_length=64)
    MessageStatus = serializers.CharField(max_length=32)
    AccountSid = serializers.CharField(max_length=64, required=False)
    ErrorCode = serializers.CharField(max_length=16, required=False)


class TencentSmsReportInputSerializer(serializers.Serializer):
    """One item of the JSON array Tencent Cloud SMS posts as a delivery receipt (状态回执)."""

    user_receive_time = serializers.CharField(max_length=32, allow_blank=True, required=False)
    nationcode = serializers.CharField(max_length=8, allow_blank=True, required=False)
    mobile = serializers.CharField(max_length=32, allow_blank=True, required=False)
    report_status = serializers.ChoiceField(choices=["SUCCESS", "FAIL"])
    errmsg = serializers.CharField(max_length=64, allow_blank=True, required=False)
    description = serializers.CharField(max_length=200, allow_blank=True, required=False)
    sid = serializers.CharField(max_length=128, help_text="The `SerialNo` SendSms answered.")


class TencentSmsReplyOutputSerializer(serializers.Serializer):
    result = serializers.IntegerField(help_text="0: received.")
    errmsg = serializers.CharField()
