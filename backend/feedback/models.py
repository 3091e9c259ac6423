"""Evaluation (好差评), rectification of bad ratings, forwarding outbox, consultations and complaints.

Evaluations are immutable once given (no code path updates `level`, `tags` or `text`). The
rater is stored so the resident sees their own ratings and one rating per case and stage
holds; staff-facing reads never include it (national rule: 评价人信息保密).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from backend.accounts.models import Department
from backend.feedback.constants import (
    ForwardStatus,
    InquiryKind,
    InquiryStatus,
    Level,
    RectificationStatus,
    Stage,
)


class Evaluation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(
        "applications.Application", on_delete=models.PROTECT, related_name="evaluations"
    )
    stage = models.CharField(max_length=16, choices=Stage.choices)
    rater = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="evaluations")
    # Copied from the case so figures group without joins and survive catalog edits.
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="+")
    service = models.ForeignKey("services.ServiceItem", on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    tags = models.JSONField(default=list, blank=True)
    text = models.TextField(blank=True, max_length=500)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["application", "stage"], name="evaluation_once_per_case_stage"),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=5), name="evaluation_level_1_5"
            ),
        ]
        indexes = [models.Index(fields=["department", "created_at"], name="eval_department_time")]

    def __str__(self) -> str:
        return f"{self.application_id} {self.stage} {self.level}"


class Rectification(models.Model):
    """The follow-up a bad rating opens for the department (差评整改), due in working days."""

    evaluation = models.OneToOneField(Evaluation, on_delete=models.PROTECT, related_name="rectification")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="rectifications")
    status = models.CharField(
        max_length=16, choices=RectificationStatus.choices, default=RectificationStatus.OPEN
    )
    opened_at = models.DateTimeField(auto_now_add=True)
    due_on = models.DateField()
    reply = models.TextField(blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["department", "status"], name="rect_department_status")]

    def __str__(self) -> str:
        return f"rectification {self.pk} ({self.status})"


class EvaluationForward(models.Model):
    """Outbox row: one evaluation to forward to the provincial rating system (retried)."""

    evaluation = models.OneToOneField(Evaluation, on_delete=models.CASCADE, related_name="forward")
    status = models.CharField(max_length=16, choices=ForwardStatus.choices, default=ForwardStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="evalfwd_due")]

    def __str__(self) -> str:
        return f"forward {self.evaluation_id} {self.status}"


class Inquiry(models.Model):
    """A consultation (咨询) or complaint (投诉) about a service or a case, answered by a department."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=16, choices=InquiryKind.choices)
    resident = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="inquiries")
    department = models.ForeignKey(Department, on_delete=models.PROTECT, related_name="inquiries")
    service = models.ForeignKey(
        "services.ServiceItem", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    application = models.ForeignKey(
        "applications.Application", null=True, blank=True, on_delete=models.PROTECT, related_name="inquiries"
    )
    title = models.CharField(max_length=100)
    content = models.TextField(max_length=2000)
    status = models.CharField(max_length=16, choices=InquiryStatus.choices, default=InquiryStatus.SUBMITTED)
    reply_due_on = models.DateField()
    first_replied_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "inquiries"
        indexes = [
            models.Index(fields=["resident", "-created_at"], name="inq_resident_recent"),
            models.Index(fields=["department", "status"], name="inq_department_status"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.pk}"


class InquiryEvent(models.Model):
    """One immutable line of an inquiry's timeline (submitted, replied, closed)."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=16)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    by_staff = models.BooleanField(default=False)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.inquiry_id} {self.action}"
