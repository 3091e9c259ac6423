"""Payments' write side and only public surface for the domain (interface 3).

    bill_create(payer=…, items=[BillItemSpec(...)], source_type=…, source_id=…, …) -> Bill

Money state changes each go through ONE writer that locks the rows (always the bill first,
then the order, then the refund: one order, no deadlocks), checks the transition table,
writes state + ledger + outbox (+ audit, + notification outbox) in one transaction and
defers follow-ups with `transaction.on_commit`. Provider calls never happen inside those
transactions: the row that names the attempt (order, refund) commits first, so a timeout
leaves a number we can query, never one we re-create.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from backend.accounts.models import Identity
from backend.core.audit import audit_record
from backend.core.compiled_lookup import CompiledLookup
from backend.core.compiled_write import row_insert, row_update
from backend.core.pii import blind_index
from payments import errors
from payments.constants import (
    BILL_REFUNDABLE,
    BILL_TRANSITIONS,
    CHANNEL_IDENTITY,
    NOTICE_SOURCE_TYPE,
    ORDER_OPEN,
    ORDER_TRANSITIONS,
    REFUND_HOLDING,
    REFUND_TRANSITIONS,
    BillEvent,
    BillState,
    CallbackVerdict,
    Channel,
    LedgerKind,
    OrderState,
    RefundKind,
    RefundState,
)
from payments.models import (
    Bill,
    BillEventOutbox,
    BillItem,
    CallbackRecord,
    IdempotencyKey,
    LedgerEntry,
    PaymentOrder,
    Refund,
)
from payments.providers.base import (
    CallbackRejected,
    CallbackReply,
    CreateRequest,
    NonRetryableProviderError,
    NotificationKind,
    ProviderError,
    ProviderTimeout,
    RefundRequest,
    RefundResultState,
    TradeState,
)
from payments.providers.registry import (
    is_configured,
    provider_for,
    provider_name_for_channel,
    unconfigured_reply,
)

logger = logging.getLogger(__name__)

__all__ = ["BillItemSpec", "bill_create", "notice_claim", "notice_issue", "order_create", "refund_create"]


@dataclass(frozen=True)
class BillItemSpec:
    """One fee item of a bill: the fee item code, its name, and the amount in fen."""

    code: str
    name: str
    amount_fen: int


# Kept for callers that imported it from here.
InvalidBill = errors.BillInvalid


def _new_number(prefix: str) -> str:
    now = timezone.localtime()
    return f"{prefix}{now:%Y%m%d}{secrets.token_hex(8).upper()}"


def _validate_items(items: list[BillItemSpec]) -> int:
    if not items:
        raise errors.BillInvalid(_("A bill needs at least one item."))
    for item in items:
        if not isinstance(item.amount_fen, int) or isinstance(item.amount_fen, bool) or item.amount_fen <= 0:
            raise errors.BillInvalid(_("Item amounts are positive whole numbers of fen."))
    return sum(item.amount_fen for item in items)


def _payer_name_index(name: str) -> str:
    return blind_index(name.strip(), purpose="payments.notice.payer_name")


# --- bills ------------------------------------------------------------------------------
@transaction.atomic
def bill_create(
    *,
    payer: Any,
    items: list[BillItemSpec],
    source_type: str,
    source_id: str,
    department_code: str,
    description: str,
    due_at: datetime | None = None,
) -> Bill:
    """Create the bill a resident owes for `(source_type, source_id)`, or return the unpaid one.

    Idempotent per source while unpaid: a second call (or a concurrent one) returns the same
    bill; the partial unique constraint `bill_one_unpaid_per_source` decides races. Amounts are
    integer fen. Side effects: the bill and its items, audit row `bill.create`.
    """
    total = _validate_items(items)
    existing = Bill.objects.filter(
        source_type=source_type, source_id=source_id, state=BillState.UNPAID
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            bill = Bill.objects.create(
                number=_new_number("B"),
                payer=payer,
                source_type=source_type,
                source_id=source_id,
                department_code=department_code,
                description=description,
                total_fen=total,
                due_at=due_at,
            )
    except IntegrityError:
        return Bill.objects.get(source_type=source_type, source_id=source_id, state=BillState.UNPAID)
    BillItem.objects.bulk_create(
        [
            BillItem(bill=bill, position=i, code=item.code, name=item.name, amount_fen=item.amount_fen)
            for i, item in enumerate(items)
        ]
    )
    audit_record(
        action="bill.create",
        actor=payer,
        obj=bill,
        detail={"source_type": source_type, "source_id": source_id, "total_fen": total},
    )
    return bill


@transaction.atomic
def notice_issue(
    *,
    staff: Any,
    payer_name: str,
    items: list[BillItemSpec],
    department_code: str,
    description: str,
    due_at: datetime | None = None,
    notice_number: str = "",
) -> Bill:
    """Issue a standalone payment notice (非税缴款通知书): a bill with a number and check code.

    The payer is not known yet: a resident claims the notice by looking it up with the notice
    number and the payer's name. Side effects: bill + items, audit row `notice.issue`.
    Errors: `notice_number_taken` (409).
    """
    total = _validate_items(items)
    notice_number = notice_number or f"{timezone.localtime():%Y%m%d}{secrets.randbelow(10**10):010d}"
    if Bill.objects.filter(notice_number=notice_number).exists():
        raise errors.NoticeNumberTaken()
    try:
        with transaction.atomic():
            bill = Bill.objects.create(
                number=_new_number("B"),
                payer=None,
                source_type=NOTICE_SOURCE_TYPE,
                source_id=notice_number,
                department_code=department_code,
                description=description,
                total_fen=total,
                due_at=due_at,
                notice_number=notice_number,
                check_code=f"{secrets.randbelow(10**6):06d}",
                payer_name=payer_name.strip(),
                payer_name_index=_payer_name_index(payer_name),
            )
    except IntegrityError:
        raise errors.NoticeNumberTaken() from None
    BillItem.objects.bulk_create(
        [
            BillItem(bill=bill, position=i, code=item.code, name=item.name, amount_fen=item.amount_fen)
            for i, item in enumerate(items)
        ]
    )
    audit_record(action="notice.issue", actor=staff, obj=bill, detail={"total_fen": total})
    return bill


@transaction.atomic
def notice_claim(*, resident: Any, notice_number: str, payer_name: str) -> Bill:
    """Find a payment notice by its number and the payer's name and make it the resident's.

    A notice already claimed by another resident, or a wrong name, is `not_found` (no hint
    that the number exists). Side effects: `payer` set on first claim, audit `notice.claim`.
    """
    bill = (
        Bill.objects.select_for_update()
        .filter(notice_number=notice_number, payer_name_index=_payer_name_index(payer_name))
        .first()
    )
    if bill is None or (bill.payer_id is not None and bill.payer_id != resident.pk):
        raise errors.NoticeNotFound()
    if bill.payer_id is None:
        bill.payer = resident
        bill.save(update_fields=["payer"])
        audit_record(action="notice.claim", actor=resident, obj=bill)
    return bill


def _bill_transition(bill: Bill, to: str) -> None:
    if to != bill.state and to not in BILL_TRANSITIONS[bill.state]:
        raise errors.BillNotPayable(f"bill {bill.state} → {to} is not allowed")
    bill.state = to


# --- idempotency keys ---------------------------------------------------------------------
IDEMPOTENCY_TTL = timedelta(hours=24)


def request_fingerprint(*parts: Any) -> str:
    canonical = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def idempotency_begin(*, user: Any, key: str, scope: str, fingerprint: str) -> tuple[IdempotencyKey, bool]:
    """Claim `key` for this request: `(record, True)` to go ahead, `(record, False)` to replay.

    The unique constraint (user, key) decides races. Errors: `idempotency_key_reused` (a
    different request under the same key), `idempotency_key_in_flight` (the first request
    has not finished). Keys older than 24 h are forgotten and may be used again.
    """
    now = timezone.now()
    for _attempt in range(2):
        try:
            with transaction.atomic():
                record = IdempotencyKey.objects.create(
                    user=user, key=key, scope=scope, fingerprint=fingerprint, created_at=now
                )
            return record, True
        except IntegrityError:
            existing = IdempotencyKey.objects.filter(user=user, key=key).first()
            if existing is None:
                continue
            if existing.created_at < now - IDEMPOTENCY_TTL:
                IdempotencyKey.objects.filter(pk=existing.pk, created_at=existing.created_at).delete()
                continue
            if existing.scope != scope or existing.fingerprint != fingerprint:
                raise errors.IdempotencyKeyReused() from None
            if existing.completed_at is None:
                raise errors.IdempotencyKeyInFlight() from None
            return existing, False
    raise errors.IdempotencyKeyInFlight()


def idempotency_finish(record: IdempotencyKey, *, status: int, body: Any) -> None:
    """Store the answer; a 5xx is not stored (the key is released so the client may retry)."""
    if status >= 500:
        IdempotencyKey.objects.filter(pk=record.pk).delete()
        return
    IdempotencyKey.objects.filter(pk=record.pk).update(
        completed_at=timezone.now(), response_status=status, response_body=body
    )


def idempotency_purge() -> int:
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=timezone.now() - IDEMPOTENCY_TTL).delete()
    return deleted


# --- payment orders -----------------------------------------------------------------------
def _payer_subject(user: Any, channel: str) -> str:
    identity_provider = CHANNEL_IDENTITY.get(channel)
    if not identity_provider:
        return ""
    subject = (
        Identity.objects.filter(user=user, provider=identity_provider)
        .order_by("-last_login_at")
        .values_list("subject", flat=True)
        .first()
    )
    if not subject:
        raise errors.PayerIdentityMissing()
    return subject


def _schedule_query(order_id: Any) -> None:
    from payments import tasks

    delay = settings.PAYMENT_QUERY_DELAY_SECONDS
    transaction.on_commit(lambda: tasks.order_query.apply_async(args=[str(order_id)], countdown=delay))


def order_create(*, bill: Bill, payer: Any, channel: str) -> PaymentOrder:
    """Start (or resume) paying `bill` in `channel`; returns the order with its client params.

    1. Locked: the bill must be unpaid; an open order of the same channel and payer whose
       client parameters are still good is reused; an `unknown` one (its create timed out) is
       resumed under the SAME out_trade_no; otherwise a new order row commits first.
    2. Unlocked: the provider's create. A timeout leaves the order `unknown` (queried later,
       never re-created under a new number): 503 `payment_provider_timeout`.
    Errors: `bill_not_payable`, `payment_channel_unavailable`, `payer_identity_missing`,
    `payment_provider_refused`, `payment_provider_unavailable`.
    """
    if channel == Channel.SANDBOX and settings.PAYMENT_PROVIDER != "sandbox":
        raise errors.ChannelUnavailable()
    provider_name = provider_name_for_channel(channel)
    subject = _payer_subject(payer, channel)
    now = timezone.now()
    with transaction.atomic():
        bill = Bill.objects.select_for_update().get(pk=bill.pk)
        if bill.state != BillState.UNPAID:
            raise errors.BillNotPayable()
        open_orders = PaymentOrder.objects.filter(
            bill=bill, channel=channel, payer=payer, payer_openid=subject, state__in=ORDER_OPEN
        ).order_by("-created_at")
        order = None
        for candidate in open_orders:
            if candidate.expires_at <= now + timedelta(minutes=5):
                continue
            if candidate.state == OrderState.CREATED and candidate.client_params:
                return candidate
            # Its create timed out (unknown, or queried back to created without client
            # parameters): resume it under the same out_trade_no, never a new number.
            order = candidate
            break
        if order is None:
            order = PaymentOrder.objects.create(
                bill=bill,
                payer=payer,
                channel=channel,
                provider=provider_name,
                out_trade_no=_new_number("P"),
                amount_fen=bill.total_fen,
                payer_openid=subject,
                expires_at=now + timedelta(minutes=settings.PAYMENT_ORDER_TTL_MINUTES),
            )
            audit_record(
                action="payment_order.create",
                actor=payer,
                obj=order,
                detail={"bill": str(bill.pk), "channel": channel, "amount_fen": order.amount_fen},
            )
    request = CreateRequest(
        channel=channel,
        out_trade_no=order.out_trade_no,
        amount_fen=order.amount_fen,
        description=bill.description,
        expires_at=order.expires_at,
        payer_subject=subject,
    )
    try:
        result = provider_for(provider_name).create(request)
    except ProviderTimeout:
        _order_mark(order.pk, OrderState.UNKNOWN, reason="create timed out")
        _schedule_query(order.pk)
        raise errors.ProviderTimedOut() from None
    except NonRetryableProviderError as exc:
        _order_mark(order.pk, OrderState.FAILED, reason=str(exc)[:200])
        raise errors.ProviderRefused() from None
    except ProviderError:
        # A 5xx or a broken answer: the trade may exist; query it later under the same number.
        _order_mark(order.pk, OrderState.UNKNOWN, reason="create failed")
        _schedule_query(order.pk)
        raise errors.ProviderUnavailable() from None
    with transaction.atomic():
        order = PaymentOrder.objects.select_for_update().get(pk=order.pk)
        order.provider_ref = result.provider_ref
        order.client_params = result.client_params
        fields = ["provider_ref", "client_params", "updated_at"]
        if order.state == OrderState.UNKNOWN:
            order.state = OrderState.CREATED
            fields.append("state")
        order.save(update_fields=fields)
        _schedule_query(order.pk)
    return order


@transaction.atomic
def _order_mark(order_id: Any, to: str, *, reason: str = "") -> PaymentOrder | None:
    """Move an unpaid order to created/unknown/failed/closed (never touches a paid one)."""
    order = PaymentOrder.objects.select_for_update().get(pk=order_id)
    if order.state == to or to not in ORDER_TRANSITIONS[order.state]:
        return None
    order.state = to
    order.failure_reason = reason[:200]
    fields = ["state", "failure_reason", "updated_at"]
    if to == OrderState.CLOSED:
        order.closed_at = timezone.now()
        fields.append("closed_at")
    order.save(update_fields=fields)
    return order


class PaymentOutcome:
    SETTLED = "settled"  # the bill is paid by this order
    EXTRA = "extra"  # the bill was already paid: this payment is refunded automatically
    DUPLICATE = "duplicate"  # this order was already paid: nothing changed


class AmountMismatch(Exception):
    pass


# The callback path's reads, compiled once (backend/core/compiled_lookup.py; docs/adr/0004).
_ORDER_BY_TRADE_NO = CompiledLookup(PaymentOrder, "out_trade_no", "provider")
_BILL_LOCKED = CompiledLookup(Bill, "pk", select_related=("payer",), lock_of=("self",))
_ORDER_LOCKED = CompiledLookup(PaymentOrder, "pk", lock_of=("self",))


def order_apply_paid(
    *,
    order_id: Any,
    amount_fen: int,
    transaction_id: str,
    paid_at: datetime | None,
    via: str,
    bill_id: Any = None,
) -> str:
    """THE writer for "the provider says this order is paid" (callbacks and queries alike).

    Locks bill then order. A paid order changes nothing (duplicate). Otherwise, in one
    transaction: order → paid, one ledger entry (+amount; unique per order), bill paid_fen;
    if the bill was payable (unpaid, or closed at the last second) it becomes paid by this
    order with a receipt number, an outbox event for the source's `on_paid`, and a
    `payment.succeeded` notification; if another order already settled it, an automatic
    refund of this payment is created and submitted after commit.
    Raises AmountMismatch (nothing written) when the amount is not the order's to the fen.
    """
    # No savepoint of its own: the caller's transaction (or this one) commits or rolls back whole.
    with transaction.atomic(savepoint=False):
        if bill_id is None:
            bill_id = PaymentOrder.objects.values_list("bill_id", flat=True).get(pk=order_id)
        bill = _BILL_LOCKED.get(pk=bill_id)
        order = _ORDER_LOCKED.get(pk=order_id)
        if bill is None or order is None:
            raise PaymentOrder.DoesNotExist(f"order {order_id} or its bill is gone")
        if order.state == OrderState.PAID:
            return PaymentOutcome.DUPLICATE
        if amount_fen != order.amount_fen:
            raise AmountMismatch(f"{amount_fen} != {order.amount_fen}")
        now = timezone.now()
        order.state = OrderState.PAID
        order.transaction_id = transaction_id[:64]
        order.paid_at = paid_at or now
        row_update(order, ["state", "transaction_id", "paid_at", "updated_at"])
        row_insert(
            LedgerEntry,
            bill=bill,
            order=order,
            kind=LedgerKind.PAYMENT,
            amount_fen=order.amount_fen,
            channel=order.channel,
            provider=order.provider,
            provider_ref=order.transaction_id,
        )
        bill.paid_fen += order.amount_fen
        fields = ["paid_fen"]
        if bill.state in (BillState.UNPAID, BillState.CLOSED):
            _bill_transition(bill, BillState.PAID)
            bill.settled_by = order
            bill.paid_at = order.paid_at
            bill.receipt_number = _new_number("R")
            bill.receipt_code = secrets.token_hex(4).upper()
            fields += ["state", "settled_by", "paid_at", "receipt_number", "receipt_code"]
            row_update(bill, fields)
            _event_enqueue(bill, BillEvent.PAID, f"bill:{bill.pk}:paid")
            _notify(
                "payment.succeeded",
                bill,
                {"bill_number": bill.number, "amount_fen": order.amount_fen, "description": bill.description},
                dedupe_key=f"payment.succeeded:{order.pk}",
            )
            audit_record(
                action="bill.paid",
                obj=bill,
                detail={"order": str(order.pk), "amount_fen": order.amount_fen, "via": via},
            )
            outcome = PaymentOutcome.SETTLED
        else:
            bill.save(update_fields=fields)
            refund = Refund.objects.create(
                bill=bill,
                order=order,
                out_refund_no=_new_number("F"),
                amount_fen=order.amount_fen,
                reason=_t("Duplicate payment: the bill was already paid."),
                kind=RefundKind.DUPLICATE,
            )
            audit_record(
                action="payment.duplicate_refund",
                obj=bill,
                detail={"order": str(order.pk), "refund": str(refund.pk), "amount_fen": order.amount_fen},
            )
            _submit_after_commit(refund.pk)
            outcome = PaymentOutcome.EXTRA
    return outcome


def _submit_after_commit(refund_id: Any) -> None:
    from payments import tasks

    transaction.on_commit(lambda: tasks.refund_submit.delay(str(refund_id)))


def _event_enqueue(bill: Bill, event: str, dedupe_key: str) -> None:
    """Called once per transition under the bill's row lock, so the key is new (unique anyway)."""
    from payments import tasks

    outbox = row_insert(BillEventOutbox, dedupe_key=dedupe_key, bill=bill, event=event)
    transaction.on_commit(lambda: tasks.bill_event_deliver.delay(outbox.pk))


def _notify(event: str, bill: Bill, params: dict[str, Any], *, dedupe_key: str) -> None:
    """The resident's notification, written to the notifications outbox in OUR transaction."""
    if bill.payer_id is None:
        return
    from notifications.services import notify

    notify(
        event=event,
        recipient=bill.payer,
        params=params,
        dedupe_key=dedupe_key,
        subject_type="payments.bill",
        subject_id=str(bill.pk),
    )


def order_sync(*, order_id: Any) -> str:
    """Active query: ask the provider about an order that has had no callback (same number).

    Paid → `order_apply_paid`; not found while `unknown` → failed (the create never arrived);
    not paid while `unknown` → created; closed at the provider → closed here.
    Returns the order's state afterwards. Provider errors propagate (the task retries).
    """
    order = PaymentOrder.objects.get(pk=order_id)
    if order.state == OrderState.PAID:
        return order.state
    status = provider_for(order.provider).query(order.out_trade_no)
    PaymentOrder.objects.filter(pk=order.pk).update(
        queried_at=timezone.now(), query_count=order.query_count + 1
    )
    if status.state == TradeState.PAID:
        if status.amount_fen is not None and status.amount_fen != order.amount_fen:
            logger.error("order %s: provider amount %s differs", order.out_trade_no, status.amount_fen)
            return order.state
        order_apply_paid(
            order_id=order.pk,
            amount_fen=order.amount_fen,
            transaction_id=status.transaction_id,
            paid_at=status.paid_at,
            via="query",
        )
    elif status.state == TradeState.NOT_FOUND and order.state == OrderState.UNKNOWN:
        _order_mark(order.pk, OrderState.FAILED, reason="unknown to the provider")
    elif status.state == TradeState.NOT_PAID and order.state == OrderState.UNKNOWN:
        _order_mark(order.pk, OrderState.CREATED, reason="")
    elif status.state == TradeState.CLOSED and order.state in ORDER_OPEN:
        _order_mark(order.pk, OrderState.CLOSED, reason="closed at the provider")
    return PaymentOrder.objects.values_list("state", flat=True).get(pk=order.pk)


def order_expire(*, order_id: Any) -> str:
    """Close an expired order: at the provider FIRST, then here (if the provider says paid, it is).

    A close that times out leaves the order `unknown` for the next sweep. Returns the state.
    """
    order = PaymentOrder.objects.get(pk=order_id)
    if order.state not in ORDER_OPEN:
        return order.state
    try:
        status = provider_for(order.provider).close(order.out_trade_no)
    except ProviderTimeout:
        _order_mark(order.pk, OrderState.UNKNOWN, reason="close timed out")
        return OrderState.UNKNOWN
    if status.state == TradeState.PAID:
        order_apply_paid(
            order_id=order.pk,
            amount_fen=status.amount_fen if status.amount_fen is not None else order.amount_fen,
            transaction_id=status.transaction_id,
            paid_at=status.paid_at,
            via="close",
        )
    else:
        _order_mark(order.pk, OrderState.CLOSED, reason="expired")
    return PaymentOrder.objects.values_list("state", flat=True).get(pk=order.pk)


def bill_close_overdue(*, bill_id: Any) -> str:
    """Close an unpaid bill past its due date: its open orders are closed at the provider first."""
    for order_id in PaymentOrder.objects.filter(bill_id=bill_id, state__in=ORDER_OPEN).values_list(
        "pk", flat=True
    ):
        if order_expire(order_id=order_id) in ORDER_OPEN:
            return Bill.objects.values_list("state", flat=True).get(pk=bill_id)
    with transaction.atomic():
        bill = Bill.objects.select_for_update().get(pk=bill_id)
        if (
            bill.state != BillState.UNPAID
            or PaymentOrder.objects.filter(bill=bill, state__in=ORDER_OPEN).exists()
        ):
            return bill.state
        _bill_transition(bill, BillState.CLOSED)
        bill.closed_at = timezone.now()
        bill.save(update_fields=["state", "closed_at"])
        audit_record(action="bill.close", obj=bill, detail={"reason": "overdue"})
        return bill.state


# --- callbacks ------------------------------------------------------------------------------
def _text(value: str) -> str:
    """Text as PostgreSQL can store it: a NUL is not a character it accepts (forged input only)."""
    return value.replace("\x00", "\ufffd")


def _raw_body(body: bytes) -> str:
    """The body exactly: UTF-8 text as it came, anything else (or with NUL) as `base64:` + bytes."""
    try:
        text = body.decode("utf-8")
        if "\x00" not in text:
            return text
    except UnicodeDecodeError:
        pass
    return "base64:" + base64.b64encode(body).decode("ascii")


def _record(
    provider: str,
    headers: dict[str, str],
    body: bytes,
    verdict: str,
    reason: str = "",
    *,
    event_type: str = "",
    out_trade_no: str = "",
    out_refund_no: str = "",
) -> None:
    row_insert(
        CallbackRecord,
        provider=provider,
        headers={_text(str(k)): _text(str(v)) for k, v in headers.items()},
        body=_raw_body(body),
        verdict=verdict,
        reason=_text(reason[:200]),
        event_type=_text(event_type[:64]),
        out_trade_no=_text(out_trade_no[:64]),
        out_refund_no=_text(out_refund_no[:64]),
    )


def callback_receive(*, provider_name: str, headers: dict[str, str], body: bytes) -> CallbackReply:
    """Verify and apply one provider notification; answer in the provider's exact format.

    Rejected (signature, timestamp, ids, unknown order, amount): recorded, failure reply, no
    state change. Accepted: the state change and the callback record commit together; a
    repeat changes nothing and is acknowledged. Only state, ledger and outbox rows are
    written here; every slow follow-up runs after commit.
    """
    if not is_configured(provider_name):
        _record(provider_name, headers, body, CallbackVerdict.REJECTED, "provider not configured")
        return unconfigured_reply(provider_name)
    provider = provider_for(provider_name)
    try:
        note = provider.parse_callback(headers, body)
    except CallbackRejected as exc:
        _record(
            provider_name, headers, body, CallbackVerdict.REJECTED, exc.reason, out_trade_no=exc.out_trade_no
        )
        return provider.callback_reply(False, exc.reason)

    common = {
        "event_type": note.event_type,
        "out_trade_no": note.out_trade_no,
        "out_refund_no": note.out_refund_no,
    }
    if note.kind == NotificationKind.REFUND:
        refund = Refund.objects.filter(
            out_refund_no=note.out_refund_no,
            order__out_trade_no=note.out_trade_no,
            order__provider=provider_name,
        ).first()
        if refund is None:
            _record(provider_name, headers, body, CallbackVerdict.REJECTED, "unknown out_refund_no", **common)
            return provider.callback_reply(False, "unknown refund")
        with transaction.atomic():
            changed = refund_apply_result(
                refund_id=refund.pk, state=note.refund_state, provider_refund_id=note.refund_id
            )
            verdict = CallbackVerdict.APPLIED if changed else CallbackVerdict.DUPLICATE
            _record(provider_name, headers, body, verdict, **common)
        return provider.callback_reply(True)

    # Only the three columns needed here: the rows are locked and read whole inside.
    found = _ORDER_BY_TRADE_NO.get(out_trade_no=note.out_trade_no, provider=provider_name)
    if found is None:
        _record(provider_name, headers, body, CallbackVerdict.REJECTED, "unknown out_trade_no", **common)
        return provider.callback_reply(False, "unknown out_trade_no")
    order_id, bill_id, order_amount_fen = found.pk, found.bill_id, found.amount_fen
    if note.kind != NotificationKind.PAYMENT or not note.paid:
        _record(provider_name, headers, body, CallbackVerdict.DUPLICATE, "not a success event", **common)
        return provider.callback_reply(True)
    if note.amount_fen != order_amount_fen:
        _record(provider_name, headers, body, CallbackVerdict.REJECTED, "amount does not match", **common)
        return provider.callback_reply(False, "amount mismatch")
    with transaction.atomic():
        outcome = order_apply_paid(
            order_id=order_id,
            bill_id=bill_id,
            amount_fen=note.amount_fen,
            transaction_id=note.transaction_id,
            paid_at=note.paid_at,
            via="callback",
        )
        verdict = (
            CallbackVerdict.DUPLICATE if outcome == PaymentOutcome.DUPLICATE else CallbackVerdict.APPLIED
        )
        _record(provider_name, headers, body, verdict, outcome, **common)
    return provider.callback_reply(True)


# --- refunds --------------------------------------------------------------------------------
def refund_create(*, bill: Bill, amount_fen: int, reason: str, staff: Any) -> Refund:
    """Refund part or all of a paid bill (finance staff); never more than was paid.

    Locked: the bill row serialises concurrent refunds, so the check "refunds held + this ≤
    paid by the settling order" cannot be raced. The refund row commits first (state
    pending, its out_refund_no fixed), then the provider is called. Errors:
    `refund_not_allowed` (409), `refund_exceeds_paid` (409), `bill_invalid` (400).
    """
    if not isinstance(amount_fen, int) or isinstance(amount_fen, bool) or amount_fen <= 0:
        raise errors.BillInvalid(_("The refund amount is a positive whole number of fen."))
    with transaction.atomic():
        bill = Bill.objects.select_for_update().get(pk=bill.pk)
        if bill.state not in BILL_REFUNDABLE or bill.settled_by_id is None:
            raise errors.RefundNotAllowed()
        order = PaymentOrder.objects.select_for_update().get(pk=bill.settled_by_id)
        held = (
            Refund.objects.filter(order=order, state__in=REFUND_HOLDING).aggregate(total=Sum("amount_fen"))[
                "total"
            ]
            or 0
        )
        if held + amount_fen > order.amount_fen:
            raise errors.RefundExceedsPaid(
                _("At most %(left)s fen can still be refunded.") % {"left": order.amount_fen - held},
                extra={"refundable_fen": order.amount_fen - held},
            )
        refund = Refund.objects.create(
            bill=bill,
            order=order,
            out_refund_no=_new_number("F"),
            amount_fen=amount_fen,
            reason=reason[:200],
            kind=RefundKind.STAFF,
            requested_by=staff,
        )
        audit_record(
            action="refund.create",
            actor=staff,
            obj=refund,
            detail={"bill": str(bill.pk), "amount_fen": amount_fen},
        )
    refund_submit(refund_id=refund.pk)
    refund.refresh_from_db()
    return refund


def refund_submit(*, refund_id: Any) -> str:
    """Send a pending refund to the provider under its fixed out_refund_no (safe to repeat).

    A timeout leaves it `unknown` (queried later); a refusal marks it failed (the amount is
    released); a retryable error leaves it pending for the sweeper.
    """
    refund = Refund.objects.select_related("order").get(pk=refund_id)
    if refund.state not in (RefundState.PENDING, RefundState.UNKNOWN):
        return refund.state
    order = refund.order
    request = RefundRequest(
        out_trade_no=order.out_trade_no,
        transaction_id=order.transaction_id,
        out_refund_no=refund.out_refund_no,
        refund_fen=refund.amount_fen,
        total_fen=order.amount_fen,
        reason=refund.reason,
    )
    try:
        status = provider_for(order.provider).refund(request)
    except ProviderTimeout:
        refund_apply_result(refund_id=refund.pk, state=RefundState.UNKNOWN)
        return RefundState.UNKNOWN
    except NonRetryableProviderError as exc:
        logger.warning("refund %s refused: %s", refund.out_refund_no, exc)
        refund_apply_result(refund_id=refund.pk, state=RefundState.FAILED)
        return RefundState.FAILED
    except ProviderError as exc:
        logger.warning("refund %s not sent: %s", refund.out_refund_no, exc)
        return refund.state
    refund_apply_result(
        refund_id=refund.pk, state=_refund_state(status.state), provider_refund_id=status.refund_id
    )
    return Refund.objects.values_list("state", flat=True).get(pk=refund.pk)


def _refund_state(result_state: str) -> str:
    return {
        RefundResultState.SUCCEEDED: RefundState.SUCCEEDED,
        RefundResultState.FAILED: RefundState.FAILED,
    }.get(result_state, RefundState.PENDING)


def refund_sync(*, refund_id: Any) -> str:
    """Active query of a pending/unknown refund under its out_refund_no."""
    refund = Refund.objects.select_related("order").get(pk=refund_id)
    if refund.state not in (RefundState.PENDING, RefundState.UNKNOWN):
        return refund.state
    Refund.objects.filter(pk=refund.pk).update(queried_at=timezone.now())
    status = provider_for(refund.order.provider).query_refund(
        out_refund_no=refund.out_refund_no, out_trade_no=refund.order.out_trade_no
    )
    if status.state == RefundResultState.NOT_FOUND:
        # Never arrived: send it again under the same number.
        if refund.state == RefundState.UNKNOWN:
            refund_apply_result(refund_id=refund.pk, state=RefundState.PENDING)
        return refund_submit(refund_id=refund.pk)
    refund_apply_result(
        refund_id=refund.pk, state=_refund_state(status.state), provider_refund_id=status.refund_id
    )
    return Refund.objects.values_list("state", flat=True).get(pk=refund.pk)


def refund_apply_result(*, refund_id: Any, state: str, provider_refund_id: str = "") -> bool:
    """THE writer for refund states. Locks bill, then refund. Returns whether anything changed.

    → succeeded: one ledger entry (−amount; unique per refund), bill refunded_fen, and for a
    staff refund the bill's state (partially_)refunded, the source's `on_refunded` outbox
    event and a `refund.succeeded` notification. Illegal or repeated moves change nothing.
    """
    state = _refund_state(state) if state in vars(RefundResultState).values() else state
    with transaction.atomic():
        bill_id = Refund.objects.values_list("bill_id", flat=True).get(pk=refund_id)
        bill = Bill.objects.select_for_update().get(pk=bill_id)
        refund = Refund.objects.select_for_update().select_related("order").get(pk=refund_id)
        if refund.state == state or state not in REFUND_TRANSITIONS[refund.state]:
            return False
        refund.state = state
        if provider_refund_id:
            refund.provider_refund_id = provider_refund_id[:64]
        fields = ["state", "provider_refund_id", "updated_at"]
        if state != RefundState.SUCCEEDED:
            refund.save(update_fields=fields)
            return True
        refund.succeeded_at = timezone.now()
        refund.save(update_fields=[*fields, "succeeded_at"])
        LedgerEntry.objects.create(
            bill=bill,
            order=refund.order,
            refund=refund,
            kind=LedgerKind.REFUND,
            amount_fen=-refund.amount_fen,
            channel=refund.order.channel,
            provider=refund.order.provider,
            provider_ref=refund.provider_refund_id or refund.out_refund_no,
        )
        bill.refunded_fen += refund.amount_fen
        bill_fields = ["refunded_fen"]
        if refund.kind == RefundKind.STAFF:
            refunded_on_settling = (
                Refund.objects.filter(order_id=bill.settled_by_id, state=RefundState.SUCCEEDED).aggregate(
                    total=Sum("amount_fen")
                )["total"]
                or 0
            )
            settled_amount = refund.order.amount_fen
            _bill_transition(
                bill,
                BillState.REFUNDED
                if refunded_on_settling >= settled_amount
                else BillState.PARTIALLY_REFUNDED,
            )
            bill_fields.append("state")
            _event_enqueue(bill, BillEvent.REFUNDED, f"refund:{refund.pk}")
            _notify(
                "refund.succeeded",
                bill,
                {
                    "bill_number": bill.number,
                    "amount_fen": refund.amount_fen,
                    "description": bill.description,
                },
                dedupe_key=f"refund.succeeded:{refund.pk}",
            )
        bill.save(update_fields=bill_fields)
        audit_record(
            action="refund.succeeded",
            obj=refund,
            detail={"bill": str(bill.pk), "amount_fen": refund.amount_fen, "kind": refund.kind},
        )
    return True


# --- upward events (interface 3: on_paid / on_refunded after commit) -------------------------
def bill_event_deliver(*, event_id: Any) -> bool:
    """Call the source's handler for one outbox event in its own transaction; mark it delivered.

    Returns True when delivered (or nothing to do). The handler's exception is recorded and
    re-raised so the task retries; the beat sweeper replays what is still undelivered.
    """
    from payments.registry import bill_source

    try:
        with transaction.atomic():
            event = BillEventOutbox.objects.select_for_update().select_related("bill").get(pk=event_id)
            if event.delivered_at is not None:
                return True
            source = bill_source(event.bill.source_type)
            handler = None
            if source is not None:
                handler = source.on_paid if event.event == BillEvent.PAID else source.on_refunded
            if handler is not None:
                handler(event.bill)
            event.delivered_at = timezone.now()
            event.attempts += 1
            event.save(update_fields=["delivered_at", "attempts"])
            return True
    except Exception as exc:
        BillEventOutbox.objects.filter(pk=event_id).update(last_error=f"{type(exc).__name__}: {exc}"[:500])
        raise


def payer_merge(*, keep: Any, absorb: Any) -> None:
    """Account-merge handler (interface 1): the absorbed account's bills and orders move."""
    Bill.objects.filter(payer=absorb).update(payer=keep)
    PaymentOrder.objects.filter(payer=absorb).update(payer=keep)
    IdempotencyKey.objects.filter(user=absorb).delete()
