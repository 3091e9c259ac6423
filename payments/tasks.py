"""Celery tasks: a thin interface (load, call one service, retry policy) plus the beat sweeper."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from payments import services
from payments.constants import ORDER_OPEN, REFUND_OPEN, BillState
from payments.models import Bill, BillEventOutbox, PaymentOrder, Refund
from payments.providers.base import RetryableProviderError

logger = logging.getLogger(__name__)
SWEEP_BATCH = 200


@shared_task(name="payments.order_query", bind=True, max_retries=5, default_retry_delay=60)
def order_query(self: Any, order_id: str) -> str:
    """Active query of one order (no callback yet): recovers missed callbacks."""
    try:
        return services.order_sync(order_id=order_id)
    except RetryableProviderError as exc:
        if self.request.is_eager:
            logger.warning("order %s query failed: %s (the sweeper retries)", order_id, exc)
            return "retry"
        raise self.retry(exc=exc) from exc


@shared_task(name="payments.refund_submit", bind=True, max_retries=5, default_retry_delay=30)
def refund_submit(self: Any, refund_id: str) -> str:
    return services.refund_submit(refund_id=refund_id)


@shared_task(name="payments.bill_event_deliver", bind=True, max_retries=8, default_retry_delay=30)
def bill_event_deliver(self: Any, event_id: int) -> bool:
    """Call the source's on_paid / on_refunded; retried with backoff when the handler raises."""
    try:
        return services.bill_event_deliver(event_id=event_id)
    except Exception as exc:
        if self.request.is_eager:
            logger.warning("bill event %s not delivered: %s (the sweeper retries)", event_id, exc)
            return False
        raise self.retry(exc=exc, countdown=min(3600, 30 * 2**self.request.retries)) from exc


def _each(label: str, ids: Any, fn: Any) -> int:
    done = 0
    for pk in ids:
        try:
            fn(pk)
            done += 1
        except Exception:
            logger.exception("payments sweep: %s %s failed", label, pk)
    return done


@shared_task(name="payments.sweep")
def sweep() -> dict[str, int]:
    """Beat, every minute: query silent orders, close expired ones (provider first), retry
    refunds and upward events that are stuck, close overdue bills, forget old idempotency keys."""
    now = timezone.now()
    delay = timedelta(seconds=settings.PAYMENT_QUERY_DELAY_SECONDS)
    open_orders = PaymentOrder.objects.filter(state__in=ORDER_OPEN)
    expired = list(open_orders.filter(expires_at__lte=now).values_list("pk", flat=True)[:SWEEP_BATCH])
    silent = list(
        open_orders.filter(expires_at__gt=now, created_at__lte=now - delay)
        .exclude(queried_at__gt=now - delay)
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    refunds = list(
        Refund.objects.filter(state__in=REFUND_OPEN, created_at__lte=now - timedelta(seconds=10)).values_list(
            "pk", flat=True
        )[:SWEEP_BATCH]
    )
    events = list(
        BillEventOutbox.objects.filter(
            delivered_at__isnull=True, created_at__lte=now - timedelta(seconds=30)
        ).values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    overdue = list(
        Bill.objects.filter(state=BillState.UNPAID, due_at__lt=now).values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    result = {
        "queried": _each("order query", silent, lambda pk: services.order_sync(order_id=pk)),
        "expired": _each("order expiry", expired, lambda pk: services.order_expire(order_id=pk)),
        "refunds": _each("refund sync", refunds, lambda pk: services.refund_sync(refund_id=pk)),
        "events": _each("bill event", events, lambda pk: services.bill_event_deliver(event_id=pk)),
        "bills_closed": _each("bill close", overdue, lambda pk: services.bill_close_overdue(bill_id=pk)),
        "keys_purged": services.idempotency_purge(),
    }
    return result
