"""Input/output serializers of the supervision figures."""

from __future__ import annotations

from datetime import timedelta

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from backend.core.api_helpers import StrictQueryCharField


class FiguresInputSerializer(serializers.Serializer):
    start = serializers.DateField(help_text="First day of the period (Asia/Shanghai).")
    end = serializers.DateField(help_text="Last day of the period, inclusive; at most 366 days after start.")
    department = StrictQueryCharField(
        max_length=32, required=False, help_text="One of my departments' codes."
    )

    def validate(self, attrs: dict) -> dict:
        if attrs["end"] < attrs["start"] or attrs["end"] - attrs["start"] > timedelta(days=366):
            raise serializers.ValidationError(
                {"end": _("The period must end after it starts and last at most 366 days.")},
                code="period_invalid",
            )
        return attrs


class FiguresOutputSerializer(serializers.Serializer):
    received = serializers.IntegerField()
    accepted = serializers.IntegerField()
    completed = serializers.IntegerField()
    on_time_rate = serializers.FloatField(allow_null=True, help_text="0..1; null without completed cases.")
    overdue = serializers.IntegerField()
    average_working_days = serializers.FloatField(allow_null=True)
    correction_rate = serializers.FloatField(allow_null=True)
    satisfaction_rate = serializers.FloatField(allow_null=True, help_text="Share of ratings 3–5 (好评).")
    ratings = serializers.IntegerField()
    complaints = serializers.IntegerField()


class NamedOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class FiguresRowOutputSerializer(serializers.Serializer):
    department = NamedOutputSerializer()
    service = NamedOutputSerializer(allow_null=True)
    figures = FiguresOutputSerializer()


class FiguresReportOutputSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()
    total = FiguresOutputSerializer()
    departments = FiguresRowOutputSerializer(many=True, help_text="One total per department.")
    rows = FiguresRowOutputSerializer(many=True, help_text="Per department and service item.")
