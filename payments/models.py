"""Bills (缴款单), payment orders, refunds, the append-only ledger, callbacks and idempotency keys.

No side effects in `save()`: every write goes through `payments.services`.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from backend.core.fields import EncryptedTextField
from payments.constants import (
    BillEvent,
    BillState,
    CallbackVerdict,
    Channel,
    LedgerKind,
    OrderState,
    ProviderName,
    RefundKind,
    RefundState,
)


class Bill(models.Model):
    """What a resident owes: items in fen, a revenue department, and where the demand came from.

    `source_type`/`source_id` name the domain object (an application's fee stage) or, for a
    standalone payment notice (非税缴款通知书), `payment_notice` and the notice number.
    `paid_fen` counts all money received for the bill (a duplicate payment included until it is
    refunded), `refunded_fen` all money paid back; the ledger's sum equals their difference.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    number = models.CharField(max_length=32, unique=True)
    # Empty for a payment notice until a resident looks it up and claims it.
    payer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="bills"
    )
    source_type = models.CharField(max_length=64)
    source_id = models.CharField(max_length=128)
    department_code = models.CharField(max_length=32)
    description = models.CharField(max_length=200)
    total_fen = models.PositiveBigIntegerField()
    paid_fen = models.PositiveBigIntegerField(default=0)
    refunded_fen = models.PositiveBigIntegerField(default=0)
    state = models.CharField(max_length=24, choices=BillState.choices, default=BillState.UNPAID)
    due_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    settled_by = models.ForeignKey(
        "PaymentOrder", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    receipt_number = models.CharField(max_length=32, unique=True, null=True, blank=True)
    receipt_code = models.CharField(max_length=16, blank=True)
    # Payment notices: the number and check code printed on the notice and the payer's name.
    notice_number = models.CharField(max_length=32, unique=True, null=True, blank=True)
    check_code = models.CharField(max_length=16, blank=True)
    payer_name = EncryptedTextField(blank=True, default="")
    payer_name_index = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # bill_create is idempotent per source while unpaid: the database decides races.
            models.UniqueConstraint(
                fields=["source_type", "source_id"],
                condition=Q(state="unpaid"),
                name="bill_one_unpaid_per_source",
            ),
            models.CheckConstraint(condition=Q(total_fen__gt=0), name="bill_total_positive"),
            models.CheckConstraint(
                condition=Q(refunded_fen__lte=models.F("paid_fen")), name="bill_refund_le_paid"
            ),
        ]
        indexes = [models.Index(fields=["payer", "created_at"])]

    def __str__(self) -> str:
        return f"bill {self.number} {self.state}"


class BillItem(models.Model):
    bill = models.ForeignKey(Bill, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=32)
    name = models.CharField(max_length=100)
    amount_fen = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["bill", "position"], name="bill_item_position_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.amount_fen}"


class PaymentOrder(models.Model):
    """One attempt to pay a bill in one channel, known to the provider by `out_trade_no`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    bill = models.ForeignKey(Bill, on_delete=models.PROTECT, related_name="orders")
    payer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="payment_orders",
    )
    channel = models.CharField(max_length=16, choices=Channel.choices)
    provider = models.CharField(max_length=16, choices=ProviderName.choices)
    out_trade_no = models.CharField(max_length=32, unique=True)
    amount_fen = models.PositiveBigIntegerField()
    state = models.CharField(max_length=16, choices=OrderState.choices, default=OrderState.CREATED)
    # The payer's id at the provider (WeChat openid / Alipay user id) the order was made for.
    payer_openid = models.CharField(max_length=128, blank=True)
    provider_ref = models.CharField(max_length=128, blank=True, help_text="prepay_id / Alipay trade_no")
    transaction_id = models.CharField(max_length=64, blank=True)
    client_params = models.JSONField(default=dict, blank=True)
    expires_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    queried_at = models.DateTimeField(null=True, blank=True)
    query_count = models.PositiveIntegerField(default=0)
    failure_reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return f"order {self.out_trade_no} {self.state}"


class Refund(models.Model):
    """Money going back for one paid order, known to the provider by `out_refund_no`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    bill = models.ForeignKey(Bill, on_delete=models.PROTECT, related_name="refunds")
    order = models.ForeignKey(PaymentOrder, on_delete=models.PROTECT, related_name="refunds")
    out_refund_no = models.CharField(max_length=64, unique=True)
    amount_fen = models.PositiveBigIntegerField()
    reason = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=RefundKind.choices, default=RefundKind.STAFF)
    state = models.CharField(max_length=16, choices=RefundState.choices, default=RefundState.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    provider_refund_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    succeeded_at = models.DateTimeField(null=True, blank=True)
    queried_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount_fen__gt=0), name="refund_amount_positive"),
            # At most one automatic refund of a duplicate payment per order.
            models.UniqueConstraint(
                fields=["order"], condition=Q(kind="duplicate"), name="refund_one_duplicate"
            ),
        ]

    def __str__(self) -> str:
        return f"refund {self.out_refund_no} {self.state}"


class LedgerEntry(models.Model):
    """Append-only: one row per payment received (+) and per refund paid out (−), in fen.

    The unique constraints make "recorded once" a database fact, not a hope.
    """

    id = models.BigAutoField(primary_key=True)
    bill = models.ForeignKey(Bill, on_delete=models.PROTECT, related_name="ledger")
    order = models.ForeignKey(PaymentOrder, on_delete=models.PROTECT, related_name="ledger")
    refund = models.ForeignKey(Refund, null=True, blank=True, on_delete=models.PROTECT, related_name="ledger")
    kind = models.CharField(max_length=16, choices=LedgerKind.choices)
    amount_fen = models.BigIntegerField(help_text="positive for a payment, negative for a refund")
    channel = models.CharField(max_length=16, choices=Channel.choices)
    provider = models.CharField(max_length=16, choices=ProviderName.choices)
    provider_ref = models.CharField(max_length=64, help_text="transaction id / refund id at the provider")
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["order"], condition=Q(kind="payment"), name="ledger_one_payment_per_order"
            ),
            models.UniqueConstraint(
                fields=["refund"], condition=Q(kind="refund"), name="ledger_one_entry_per_refund"
            ),
            models.CheckConstraint(
                condition=(Q(kind="payment", amount_fen__gt=0, refund__isnull=True))
                | Q(kind="refund", amount_fen__lt=0, refund__isnull=False),
                name="ledger_sign_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount_fen}"


class CallbackRecord(models.Model):
    """Every notification a provider sent us: raw body, headers, and what we made of it."""

    id = models.BigAutoField(primary_key=True)
    provider = models.CharField(max_length=16, choices=ProviderName.choices)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)
    headers = models.JSONField(default=dict)
    body = models.TextField()
    verdict = models.CharField(max_length=16, choices=CallbackVerdict.choices)
    reason = models.CharField(max_length=200, blank=True)
    event_type = models.CharField(max_length=64, blank=True)
    out_trade_no = models.CharField(max_length=64, blank=True, db_index=True)
    out_refund_no = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.provider} {self.verdict} {self.out_trade_no}"


class BillEventOutbox(models.Model):
    """An upward event (bill paid / refunded) for the source's registered handler, after commit.

    Written in the same transaction as the state change; delivered by a task that retries
    until the handler succeeds (the beat sweeper replays what is left).
    """

    id = models.BigAutoField(primary_key=True)
    bill = models.ForeignKey(Bill, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(max_length=16, choices=BillEvent.choices)
    dedupe_key = models.CharField(max_length=100, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        indexes = [models.Index(fields=["delivered_at", "created_at"])]

    def __str__(self) -> str:
        return f"{self.event} {self.bill_id}"


class IdempotencyKey(models.Model):
    """One `Idempotency-Key` of one user: the request's fingerprint and, once done, its answer."""

    id = models.BigAutoField(primary_key=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    scope = models.CharField(max_length=64)
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_unique_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}"
