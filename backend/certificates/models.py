"""Electronic certificates (电子证照): types, issued certificates, and their reuse as materials.

A certificate's signed content is its canonical payload (see `services.certificate_payload`):
type, number, holder, holder name, fields, validity, issuing department, issue time. The
holder's name and the fields are personal data, stored encrypted; the signature, algorithm
and key id are recorded per certificate so keys and algorithms can change later.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.conf import settings
from django.db import models

from backend.accounts.models import Department
from backend.core.fields import EncryptedTextField


class CertificateType(models.Model):
    """A kind of certificate (证照类型) by its standard code, e.g. a marriage certificate."""

    code = models.CharField(max_length=64, unique=True, help_text="Certificate type code (证照类型代码).")
    name = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200, blank=True)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="certificate_types")
    validity_days = models.PositiveIntegerField(null=True, blank=True, help_text="Empty: valid without end.")
    result_fields = models.JSONField(
        default=list, blank=True, help_text="Names of the form fields copied onto the certificate."
    )
    issued_for_services = models.ManyToManyField(
        "services.ServiceItem",
        blank=True,
        related_name="result_certificate_types",
        help_text="Service items whose completed cases issue this certificate.",
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Certificate(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    certificate_type = models.ForeignKey(
        CertificateType, on_delete=models.PROTECT, related_name="certificates"
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates"
    )
    holder_name = EncryptedTextField(blank=True, default="")
    number = models.CharField(max_length=40, unique=True)
    fields_encrypted = EncryptedTextField(blank=True, default="")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField()
    valid_until = models.DateField(null=True, blank=True)
    issued_at = models.DateTimeField()
    # What issued it: e.g. ("application", <uuid>); unique, so a case issues one certificate.
    source_type = models.CharField(max_length=32, blank=True)
    source_id = models.CharField(max_length=64, blank=True)
    algorithm = models.CharField(max_length=32)
    key_id = models.CharField(max_length=64)
    signature = models.CharField(max_length=256)
    # Printed in the QR code beside the number: the public check needs both (no enumeration).
    verify_code = models.CharField(max_length=32, unique=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=300, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-issued_at"]
        indexes = [models.Index(fields=["holder", "-issued_at"], name="cert_holder_recent")]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id", "certificate_type"],
                condition=~models.Q(source_type=""),
                name="certificate_once_per_source",
            )
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def fields(self) -> dict[str, Any]:
        return json.loads(self.fields_encrypted) if self.fields_encrypted else {}

    @fields.setter
    def fields(self, value: dict[str, Any]) -> None:
        self.fields_encrypted = json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""


class CertificateUse(models.Model):
    """A certificate standing in for a material slot of an application (一号申请, no upload).

    Staff see the slot as satisfied by a verified certificate; the resident uploaded nothing.
    """

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="certificate_uses"
    )
    slot = models.CharField(max_length=64)
    certificate = models.ForeignKey(Certificate, on_delete=models.PROTECT, related_name="uses")
    attached_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slot"]
        constraints = [
            models.UniqueConstraint(fields=["application", "slot"], name="certificate_use_once_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.application_id}/{self.slot} ← {self.certificate_id}"
