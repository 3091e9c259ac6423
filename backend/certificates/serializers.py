"""Input/output serializers of the certificate endpoints."""

from __future__ import annotations

from rest_framework import serializers

from backend.certificates.constants import CertificateStatus
from backend.core.api_helpers import text_field


class CertificateTypeOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField()


class CertificateDepartmentOutputSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class CertificateSummaryOutputSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    number = serializers.CharField()
    type = CertificateTypeOutputSerializer()
    department = CertificateDepartmentOutputSerializer()
    holder_name_masked = serializers.CharField(allow_null=True)
    valid_from = serializers.DateField()
    valid_until = serializers.DateField(allow_null=True)
    issued_at = serializers.DateTimeField()
    status = serializers.ChoiceField(choices=CertificateStatus.choices)


class CertificateDetailOutputSerializer(CertificateSummaryOutputSerializer):
    fields = serializers.DictField(help_text="The result fields printed on the certificate.")
    algorithm = serializers.CharField(help_text="Signature algorithm, e.g. `SM2-SM3`.")
    key_id = serializers.CharField(help_text="Id of the issuing authority's key that signed it.")
    signature = serializers.CharField(help_text="Hex r‖s over the canonical JSON of the signed fields.")
    verification_url = serializers.CharField(help_text="What the QR code on the image opens.")
    revoked_at = serializers.DateTimeField(allow_null=True)
    revoked_reason = serializers.CharField()


class CertificateVerifyInputSerializer(serializers.Serializer):
    code = text_field(max_length=32, help_text="The verification code printed in the QR code.")


class CertificateVerifyOutputSerializer(serializers.Serializer):
    number = serializers.CharField()
    type = CertificateTypeOutputSerializer()
    department = CertificateDepartmentOutputSerializer()
    holder_name_masked = serializers.CharField(allow_null=True)
    valid_from = serializers.DateField()
    valid_until = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(choices=CertificateStatus.choices)
    revoked_at = serializers.DateTimeField(allow_null=True)


class CertificateRevokeInputSerializer(serializers.Serializer):
    reason = text_field(max_length=300)


class CertificateOffersInputSerializer(serializers.Serializer):
    application = serializers.UUIDField(help_text="The draft application.")


class CertificateOfferOutputSerializer(serializers.Serializer):
    slot = serializers.CharField(help_text="Material slot code of the service.")
    material_name = serializers.CharField()
    certificate = CertificateSummaryOutputSerializer()


class CertificateUseInputSerializer(serializers.Serializer):
    application = serializers.UUIDField()
    slot = text_field(max_length=64)
    certificate = serializers.UUIDField()


class CertificateUseOutputSerializer(serializers.Serializer):
    application = serializers.UUIDField()
    slot = serializers.CharField()
    certificate = CertificateSummaryOutputSerializer()
    verified = serializers.BooleanField(
        help_text="The certificate verifies now (signature, revocation, dates)."
    )
    attached_at = serializers.DateTimeField()
