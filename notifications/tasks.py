"""Celery tasks: thin — load, call the delivery service, let the sweeper handle the rest."""

from __future__ import annotations

from celery import shared_task

from notifications import delivery


@shared_task(name="notifications.deliver_message", ignore_result=True)
def deliver_message(message_id: str) -> None:
    """Deliver one message now (after the commit that wrote it). Retries are rows, not tasks."""
    delivery.message_deliver(message_id=message_id)


@shared_task(name="notifications.sweep_outbox", ignore_result=True)
def sweep_outbox() -> int:
    """Beat: deliver whatever is due — retries, quiet-hour holds, rows a dead worker left."""
    return delivery.outbox_sweep()
