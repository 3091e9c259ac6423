"""Admin: certificate types are maintained here; issued certificates are read-only (signed)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from backend.certificates.models import Certificate, CertificateType


@admin.register(CertificateType)
class CertificateTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "department", "validity_days", "is_active"]
    list_filter = ["is_active", "department"]
    search_fields = ["code", "name"]
    filter_horizontal = ["issued_for_services"]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """Read-only: a changed field would break the signature. Revocation goes through the API."""

    list_display = ["number", "certificate_type", "department", "valid_from", "valid_until", "revoked_at"]
    list_filter = ["certificate_type", "department"]
    search_fields = ["number"]
    fields = [
        "number",
        "certificate_type",
        "department",
        "valid_from",
        "valid_until",
        "issued_at",
        "algorithm",
        "key_id",
        "revoked_at",
        "revoked_reason",
    ]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
