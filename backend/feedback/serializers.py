"""Input/output serializers of evaluations, rectifications, consultations and complaints."""

from __future__ import annotations

from rest_framework import serializers

from backend.core.api_helpers import text_field
from backend.feedback.constants import (
    InquiryKind,
    InquiryStatus,
    Level,
    ReasonTag,
    RectificationStatus,
    Stage,
)


class EvaluationCreateInputSerializer(serializers.Serializer):
    application = serializers.UUIDField()
    stage = serializers.ChoiceField(choices=Stage.choices)
    level = serializers.ChoiceField(
        choices=Level.choices, help_text="1 very dissatisfied … 5 very satisfied."
    )
    tags = serializers.ListField(
        child=serializers.ChoiceField(choices=ReasonTag.choices), required=False, default=list, max_length=10
    )
    text = text_field(blank=True, required=False, default="", max_length=500)


class RectificationPublicOutputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=RectificationStatus.choices)
    due_on = serializers.DateField()
    reply = serializers.CharField(help_text="The department's answer (empty until it replies).")
    replied_at = serializers.DateTimeField(allow_null=True)


class EvaluationOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    application = serializers.UUIDField()
    stage = serializers.ChoiceField(choices=Stage.choices)
    level = serializers.ChoiceField(choices=Level.choices)
    tags = serializers.ListField(child=serializers.CharField())
    text = serializers.CharField()
    created_at = serializers.DateTimeField()
    rectification = RectificationPublicOutputSerializer(allow_null=True)


class StaffRectificationListInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=RectificationStatus.choices, required=False)


class StaffRectificationOutputSerializer(serializers.Serializer):
    """What the department sees of a bad rating: never who gave it."""

    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=RectificationStatus.choices)
    department = serializers.CharField()
    service = serializers.CharField()
    stage = serializers.ChoiceField(choices=Stage.choices)
    level = serializers.ChoiceField(choices=Level.choices)
    tags = serializers.ListField(child=serializers.CharField())
    text = serializers.CharField()
    rated_at = serializers.DateTimeField()
    due_on = serializers.DateField()
    overdue = serializers.BooleanField()
    reply = serializers.CharField()
    replied_at = serializers.DateTimeField(allow_null=True)


class RectificationReplyInputSerializer(serializers.Serializer):
    reply = text_field(max_length=2000)


class InquiryCreateInputSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=InquiryKind.choices)
    service = text_field(max_length=64, help_text="Service item code.")
    application = serializers.UUIDField(required=False, help_text="One of my applications of this service.")
    title = text_field(max_length=100)
    content = text_field(max_length=2000)


class InquiryEventOutputSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    action = serializers.CharField()
    status = serializers.ChoiceField(choices=InquiryStatus.choices)
    by_staff = serializers.BooleanField()
    text = serializers.CharField()


class InquiryOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=InquiryKind.choices)
    status = serializers.ChoiceField(choices=InquiryStatus.choices)
    department = serializers.CharField()
    service = serializers.CharField(allow_null=True)
    application = serializers.UUIDField(allow_null=True)
    title = serializers.CharField()
    content = serializers.CharField()
    reply_due_on = serializers.DateField()
    overdue = serializers.BooleanField(help_text="No reply and the time limit has passed.")
    created_at = serializers.DateTimeField()
    timeline = InquiryEventOutputSerializer(many=True)


class StaffInquiryListInputSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=InquiryStatus.choices, required=False)
    kind = serializers.ChoiceField(choices=InquiryKind.choices, required=False)


class InquiryReplyInputSerializer(serializers.Serializer):
    text = text_field(max_length=2000)
