"""Applications (办件), their timeline, materials, correction notices, review tasks, consents.

`form_data` may hold personal data (names, phone numbers the form asks for): it is stored
encrypted as JSON text. Material files are sensitive personal data: they live in Django
storage under unguessable names and are served only through authorized endpoints.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q

from backend.accounts.models import Department
from backend.applications.constants import ConsentPurpose, Status, TaskStatus
from backend.core.fields import EncryptedTextField
from backend.services.models import ServiceItem, ServiceVersion


class Application(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="applications"
    )
    service = models.ForeignKey(ServiceItem, on_delete=models.PROTECT, related_name="applications")
    service_version = models.ForeignKey(ServiceVersion, on_delete=models.PROTECT, related_name="applications")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="applications")
    status = models.CharField(max_length=24, choices=Status.choices, default=Status.DRAFT)
    receipt_number = models.CharField(max_length=32, unique=True, null=True, blank=True)
    form_data_encrypted = EncryptedTextField(blank=True, default="")
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fee_bill_id = models.UUIDField(null=True, blank=True)
    # 一次性告知: what staff flagged in any notice, and what the resident changed since the first.
    flagged_targets = models.JSONField(default=list, blank=True)
    changed_targets = models.JSONField(default=list, blank=True)
    correction_round = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    # Time limit on the official working calendar (Asia/Shanghai dates).
    clock_started_on = models.DateField(null=True, blank=True)
    suspended_on = models.DateField(null=True, blank=True)
    suspended_workdays = models.PositiveIntegerField(default=0)
    warning_on = models.DateField(null=True, blank=True)
    deadline_on = models.DateField(null=True, blank=True)
    # Read model of the resident's progress page (public timeline, materials, notices, tasks),
    # rewritten in the same transaction by every writer; the event rows stay the record.
    progress = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["applicant", "-created_at"], name="app_applicant_recent"),
            models.Index(fields=["department", "status"], name="app_department_status"),
            models.Index(fields=["deadline_on"], name="app_deadline", condition=Q(deadline_on__isnull=False)),
        ]

    def __str__(self) -> str:
        return self.receipt_number or f"draft {self.pk}"

    @property
    def form_data(self) -> dict[str, Any]:
        return json.loads(self.form_data_encrypted) if self.form_data_encrypted else {}

    @form_data.setter
    def form_data(self, value: dict[str, Any]) -> None:
        self.form_data_encrypted = json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""


class ApplicationEvent(models.Model):
    """One immutable line of the timeline: a state change or a staff comment.

    Append-only: no code path updates or deletes these rows (on PostgreSQL a trigger refuses it).
    """

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=32)
    from_status = models.CharField(max_length=24, blank=True)
    to_status = models.CharField(max_length=24, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_role = models.CharField(max_length=24, help_text="resident, system, or the staff role that acted.")
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    public_message_zh = models.CharField(max_length=300, blank=True)
    public_message_en = models.CharField(max_length=300, blank=True)
    internal_note = models.TextField(blank=True, help_text="Staff only; never shown to the resident.")
    is_public = models.BooleanField(default=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.application_id} {self.action}"


class ApplicationMaterial(models.Model):
    """One uploaded file in one material slot, as re-encoded and stored."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="materials")
    slot = models.CharField(max_length=64)
    storage_name = models.CharField(max_length=300)
    thumbnail_name = models.CharField(max_length=300, blank=True)
    content_type = models.CharField(max_length=64)
    size_bytes = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slot", "uploaded_at"]

    def __str__(self) -> str:
        return f"{self.application_id}/{self.slot}"


class CorrectionNotice(models.Model):
    """A one-time correction notice (一次性告知): every problem at once, per field or material."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="corrections")
    round = models.PositiveSmallIntegerField()
    items = models.JSONField(
        help_text='[{"target": "material:id_card" | "field:applicant_name", "problem": "..."}]'
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)
    changed_targets = models.JSONField(
        default=list, blank=True, help_text="What the resident changed for it."
    )

    class Meta:
        ordering = ["round"]
        constraints = [
            models.UniqueConstraint(fields=["application", "round"], name="correction_round_unique")
        ]

    def __str__(self) -> str:
        return f"{self.application_id} round {self.round}"


class ReviewTask(models.Model):
    """Parallel processing (并联办理): one task per handling department of an accepted case."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="tasks")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=TaskStatus.choices, default=TaskStatus.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)
    legal_basis = models.TextField(blank=True)

    class Meta:
        ordering = ["department__code"]
        constraints = [
            models.UniqueConstraint(fields=["application", "department"], name="task_unique_per_department")
        ]

    def __str__(self) -> str:
        return f"{self.application_id} {self.department_id} {self.status}"


class Consent(models.Model):
    """A resident's separate consent to one processing purpose (PIPL art. 29 for sensitive data)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(max_length=40, choices=ConsentPurpose.choices)
    text_version = models.CharField(max_length=20)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "purpose"], name="consent_unique_per_purpose")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.purpose}"


class ReceiptCounter(models.Model):
    """The day's last receipt sequence; incremented by one atomic upsert (services.receipt_next)."""

    day = models.CharField(max_length=8, primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.day}: {self.last}"
