"""Input and output shapes of the accounts API. Personal data only ever leaves masked."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import RegexValidator
from rest_framework import serializers

from backend.accounts.models import User
from backend.accounts.validators import normalize_citizen_id, normalize_phone
from backend.core.masking import mask_citizen_id, mask_name, mask_phone


def _django_to_drf(exc: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(exc.messages[0], code=exc.code)


class PhoneField(serializers.CharField):
    """A phone number in any common form; validated and returned in E.164."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault("help_text", "Mobile number, E.164 (`+8613812345678`) or mainland national form.")
        super().__init__(**kwargs)
        # The shape, for the contract; the numbering plan is checked in to_internal_value.
        self.validators.append(RegexValidator(r"^\+?[0-9][0-9 \-]{4,30}$", code="phone_invalid"))

    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        try:
            return normalize_phone(value)
        except DjangoValidationError as exc:
            raise _django_to_drf(exc) from exc


class CitizenIdField(serializers.CharField):
    """An 18-character citizen ID number (GB 11643), check character verified."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 18)
        kwargs.setdefault("min_length", 15)
        kwargs.setdefault("help_text", "18-character citizen ID number; the last character may be `X`.")
        super().__init__(**kwargs)
        self.validators.append(RegexValidator(r"^[0-9]{15}([0-9]{2}[0-9Xx])?$", code="id_number_format"))

    def to_internal_value(self, data: Any) -> str:
        value = super().to_internal_value(data)
        try:
            return normalize_citizen_id(value)
        except DjangoValidationError as exc:
            raise _django_to_drf(exc) from exc


class SmsCodeRequestInputSerializer(serializers.Serializer):
    phone = PhoneField()


class SmsCodeRequestOutputSerializer(serializers.Serializer):
    expires_in = serializers.IntegerField(help_text="Seconds the code stays valid.")
    resend_after = serializers.IntegerField(help_text="Seconds before another code may be requested.")


class SmsLoginInputSerializer(serializers.Serializer):
    phone = PhoneField()
    code = serializers.RegexField(r"^\d{6}$", max_length=6, min_length=6, help_text="The 6-digit code.")


class TokenPairSerializer(serializers.Serializer):
    token_type = serializers.CharField(help_text="Always `Bearer`.")
    access = serializers.CharField(help_text="Access token (JWT) for the `Authorization: Bearer` header.")
    refresh = serializers.CharField(help_text="Refresh token; single use, rotated on refresh.")
    expires_in = serializers.IntegerField(help_text="Seconds until the access token expires.")


class RefreshInputSerializer(serializers.Serializer):
    refresh = serializers.CharField(max_length=2000)


class StaffLoginInputSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=64)
    password = serializers.CharField(max_length=256, trim_whitespace=False, style={"input_type": "password"})
    otp_code = serializers.RegexField(r"^\d{6}$", max_length=6, min_length=6, help_text="TOTP code.")


class IdentityOutputSerializer(serializers.Serializer):
    provider = serializers.CharField()
    created_at = serializers.DateTimeField()


class MeOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    kind = serializers.CharField()
    phone = serializers.SerializerMethodField(help_text="Masked: `138****5678`.")
    real_name = serializers.SerializerMethodField(help_text="Masked: `张**`.")
    citizen_id = serializers.SerializerMethodField(help_text="Masked: `110105********1234`.")
    real_name_verified = serializers.BooleanField()
    real_name_verified_at = serializers.DateTimeField(allow_null=True)
    preferred_language = serializers.CharField()
    identities = IdentityOutputSerializer(many=True)
    date_joined = serializers.DateTimeField()

    def get_phone(self, user: User) -> str | None:
        return mask_phone(user.phone) or None

    def get_real_name(self, user: User) -> str | None:
        return mask_name(user.real_name) or None

    def get_citizen_id(self, user: User) -> str | None:
        return mask_citizen_id(user.citizen_id) or None


class RealNameInputSerializer(serializers.Serializer):
    name = serializers.RegexField(
        r"^[\u4e00-\u9fff\u3400-\u4dbf·A-Za-z\s.\-]{2,40}$",
        max_length=40,
        help_text="Name as on the ID card (Chinese characters, or Latin letters with spaces).",
    )
    citizen_id = CitizenIdField()


class ResidentOutputSerializer(serializers.Serializer):
    """What staff see of a resident: masked, and every read is audited."""

    id = serializers.UUIDField()
    phone = serializers.SerializerMethodField()
    real_name = serializers.SerializerMethodField()
    citizen_id = serializers.SerializerMethodField()
    real_name_verified = serializers.BooleanField()
    date_joined = serializers.DateTimeField()

    def get_phone(self, user: User) -> str | None:
        return mask_phone(user.phone) or None

    def get_real_name(self, user: User) -> str | None:
        return mask_name(user.real_name) or None

    def get_citizen_id(self, user: User) -> str | None:
        return mask_citizen_id(user.citizen_id) or None


class AuditLogOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    at = serializers.DateTimeField()
    actor_id = serializers.UUIDField(allow_null=True)
    actor_kind = serializers.CharField()
    action = serializers.CharField()
    object_type = serializers.CharField()
    object_id = serializers.CharField()
    result = serializers.CharField()
    ip = serializers.CharField(allow_null=True)
    request_id = serializers.CharField()
    detail = serializers.DictField()


class AuditLogFilterSerializer(serializers.Serializer):
    action = serializers.CharField(required=False, max_length=64)
    object_type = serializers.CharField(required=False, max_length=64)
    object_id = serializers.CharField(required=False, max_length=64)
    since = serializers.DateTimeField(required=False)
    until = serializers.DateTimeField(required=False)
