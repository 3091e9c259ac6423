"""Input/output serializers of the appointment endpoints."""

from __future__ import annotations

from rest_framework import serializers

from backend.appointments.constants import AppointmentStatus
from backend.core.api_helpers import StrictQueryCharField, text_field


class HallListInputSerializer(serializers.Serializer):
    service = StrictQueryCharField(
        max_length=64, required=False, help_text="Standard code of a service item."
    )


class HallWindowOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    services = serializers.ListField(child=serializers.CharField(), help_text="Service item codes handled.")


class HallOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    street = serializers.CharField(help_text="Where the hall is.")
    windows = HallWindowOutputSerializer(many=True)


class SlotListInputSerializer(serializers.Serializer):
    service = text_field(max_length=64, help_text="Standard code of the service item.")
    date = serializers.DateField(help_text="The day (Asia/Shanghai).")
    hall = StrictQueryCharField(max_length=32, required=False, help_text="Hall code.")


class SlotOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    hall = serializers.CharField(help_text="Hall code.")
    hall_name = serializers.CharField()
    window = serializers.CharField(help_text="Window name.")
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    capacity = serializers.IntegerField()
    remaining = serializers.IntegerField()


class AppointmentBookInputSerializer(serializers.Serializer):
    slot = serializers.IntegerField(min_value=1)
    service = text_field(max_length=64, help_text="Standard code of the service item.")


class AppointmentRescheduleInputSerializer(serializers.Serializer):
    slot = serializers.IntegerField(min_value=1)


class AppointmentOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=AppointmentStatus.choices)
    service = serializers.CharField(help_text="Service item code.")
    service_name = serializers.CharField()
    slot = SlotOutputSerializer()
    checkin_code = serializers.CharField(
        help_text="Show it at the window; only while booked.", allow_null=True
    )
    rescheduled_to = serializers.UUIDField(allow_null=True)
    created_at = serializers.DateTimeField()
    checked_in_at = serializers.DateTimeField(allow_null=True)


class AppointmentCheckInInputSerializer(serializers.Serializer):
    hall = text_field(max_length=32)
    code = serializers.RegexField(r"^\d{8}$", max_length=8)


class AppointmentCheckInOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=AppointmentStatus.choices)
    service = serializers.CharField()
    slot = SlotOutputSerializer()
    checked_in_at = serializers.DateTimeField()
