"""Reconciliation (对账): raw bill files, runs, the staged bill lines, difference cases and actions.

Money in integer fen; the providers' fees keep their own precision (WeChat prints 5 decimals
of yuan) in `DecimalField`s and are rounded to the fen only in reports.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from payments.reconciliation.constants import (
    BillFileSource,
    CaseCategory,
    CaseResolution,
    CaseState,
    LineKind,
    RunState,
)


class BillFile(models.Model):
    """A provider's daily bill exactly as received: immutable, identified by its SHA-256.

    The bytes live in the default storage under `reconciliation/bills/<sha256>`; nothing ever
    rewrites them (the same content uploaded twice is the same row).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    provider = models.CharField(max_length=16)
    merchant_id = models.CharField(max_length=32, blank=True)
    bill_date = models.DateField()
    source = models.CharField(max_length=16, choices=BillFileSource.choices)
    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveBigIntegerField()
    storage_name = models.CharField(max_length=200)
    original_name = models.CharField(max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-bill_date", "-created_at"]
        indexes = [models.Index(fields=["provider", "bill_date"])]

    def __str__(self) -> str:
        return f"{self.provider} {self.bill_date} {self.sha256[:12]}"


class ReconciliationRun(models.Model):
    """One reconciliation of one provider's bill (one merchant, one business day)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    provider = models.CharField(max_length=16)
    merchant_id = models.CharField(max_length=32, blank=True)
    bill_date = models.DateField()
    bill_file = models.ForeignKey(BillFile, on_delete=models.PROTECT, related_name="runs")
    state = models.CharField(max_length=16, choices=RunState.choices, default=RunState.RUNNING)
    method = models.CharField(max_length=16, blank=True, help_text="copy (PostgreSQL) or python")
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    line_count = models.PositiveBigIntegerField(default=0)
    # {category: {"count": n, "amount_fen": x}}, totals per channel, the bill's own summary.
    counts = models.JSONField(default=dict, blank=True)
    totals = models.JSONField(default=dict, blank=True)
    errors = models.JSONField(default=list, blank=True)
    failure = models.TextField(blank=True)

    class Meta:
        ordering = ["-bill_date", "-started_at"]
        indexes = [models.Index(fields=["provider", "bill_date", "state"])]

    def __str__(self) -> str:
        return f"{self.provider} {self.bill_date} {self.state}"


class DailyFee(models.Model):
    """The provider's fees of one run, by department, channel and fee item (for the reports).

    Written by one set-based INSERT … SELECT at the end of a run; a fee is split over a bill's
    fee items in proportion to their amounts. Only the latest successful run of a day keeps its
    rows. Lines of unknown orders count under `-`. Yuan, with the provider's precision.
    """

    id = models.BigAutoField(primary_key=True)
    run = models.ForeignKey(ReconciliationRun, on_delete=models.CASCADE, related_name="fees")
    provider = models.CharField(max_length=16)
    bill_date = models.DateField()
    department_code = models.CharField(max_length=32)
    channel = models.CharField(max_length=16)
    fee_item_code = models.CharField(max_length=32)
    fee = models.DecimalField(max_digits=24, decimal_places=7, help_text="yuan; + charged, − given back")

    class Meta:
        indexes = [models.Index(fields=["bill_date", "provider"])]

    def __str__(self) -> str:
        return f"{self.bill_date} {self.department_code} {self.channel} {self.fee_item_code} {self.fee}"


class DifferenceCase(models.Model):
    """One difference between a provider's bill and our ledger, for finance staff to resolve.

    Keyed by (provider, merchant, day, kind, reference): re-running the day updates the same
    case, so a decision already taken (a resolution) survives the re-run.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    provider = models.CharField(max_length=16)
    merchant_id = models.CharField(max_length=32, blank=True)
    bill_date = models.DateField()
    kind = models.CharField(max_length=8, choices=LineKind.choices)
    reference = models.CharField(max_length=64, help_text="out_trade_no, or out_refund_no for refunds")
    category = models.CharField(max_length=24, choices=CaseCategory.choices)
    state = models.CharField(max_length=16, choices=CaseState.choices, default=CaseState.OPEN)
    resolution = models.CharField(max_length=16, choices=CaseResolution.choices, blank=True)
    out_trade_no = models.CharField(max_length=64, blank=True)
    transaction_id = models.CharField(max_length=64, blank=True)
    provider_amount_fen = models.BigIntegerField(null=True, blank=True)
    local_amount_fen = models.BigIntegerField(null=True, blank=True)
    provider_status = models.CharField(max_length=16, blank=True)
    local_state = models.CharField(max_length=24, blank=True)
    order = models.ForeignKey(
        "payments.PaymentOrder", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    refund = models.ForeignKey(
        "payments.Refund", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    first_run = models.ForeignKey(ReconciliationRun, on_delete=models.PROTECT, related_name="+")
    last_run = models.ForeignKey(ReconciliationRun, on_delete=models.PROTECT, related_name="cases")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-bill_date", "category", "reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "merchant_id", "bill_date", "kind", "reference"], name="recon_case_unique"
            )
        ]
        indexes = [models.Index(fields=["state", "bill_date"])]

    def __str__(self) -> str:
        return f"{self.category} {self.reference} {self.state}"


class CaseAction(models.Model):
    """Every action on a case (automatic or by staff), with its outcome. Append-only."""

    id = models.BigAutoField(primary_key=True)
    case = models.ForeignKey(DifferenceCase, on_delete=models.PROTECT, related_name="actions")
    action = models.CharField(max_length=24)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True)
    outcome = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.action} {self.case_id}"
