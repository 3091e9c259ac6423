"""Celery tasks of reconciliation: a thin interface (load, call a service, retry policy).

Beat runs `reconciliation.daily` every 30 minutes. For each configured provider it reconciles
YESTERDAY (Asia/Shanghai) once the bill can exist (after `RECONCILIATION_FETCH_AFTER_HOUR`,
10:00 by default): until a run of that day succeeds, each beat tries again, so a bill that
appears late is picked up by the next beat ("retry until the bill appears"). A bill that
fails reconciliation is not retried with the same bytes (the failure is loud and waits for
finance staff); a new file from the provider is.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from celery import shared_task
from celery.result import EagerResult
from django.conf import settings

from payments.providers.base import ProviderError, RetryableProviderError
from payments.providers.registry import is_configured
from payments.reconciliation import errors, services
from payments.reconciliation.constants import BILL_PROVIDERS, RunState
from payments.reconciliation.fetch import bill_fetch
from payments.reconciliation.models import ReconciliationRun

logger = logging.getLogger(__name__)
SHANGHAI = ZoneInfo("Asia/Shanghai")


def fetch_and_reconcile(*, provider: str, bill_date: date) -> str:
    """Download `provider`'s bill of `bill_date` and reconcile it. Returns what happened:
    `done` (already reconciled), `not_ready`, `reconciled`, `failed`, `failed_before`."""
    if ReconciliationRun.objects.filter(
        provider=provider, bill_date=bill_date, state=RunState.SUCCEEDED
    ).exists():
        return "done"
    try:
        bill_file = bill_fetch(provider=provider, bill_date=bill_date)
    except errors.BillNotReady:
        logger.info("reconciliation: %s bill of %s not published yet", provider, bill_date)
        return "not_ready"
    if bill_file.runs.filter(state=RunState.FAILED).exists():
        logger.error(
            "reconciliation: %s bill of %s failed before; waiting for finance staff", provider, bill_date
        )
        return "failed_before"
    try:
        services.reconciliation_run(bill_file=bill_file)
    except errors.ReconciliationFailed:
        return "failed"
    return "reconciled"


@shared_task(name="reconciliation.fetch_and_reconcile", bind=True, max_retries=24, default_retry_delay=1800)
def fetch_and_reconcile_task(self: Any, provider: str, bill_date: str) -> str:
    """One provider's day; network trouble is retried every 30 minutes."""
    try:
        return fetch_and_reconcile(provider=provider, bill_date=date.fromisoformat(bill_date))
    except RetryableProviderError as exc:
        if settings.CELERY_TASK_ALWAYS_EAGER:
            logger.warning("reconciliation %s %s: %s (next beat retries)", provider, bill_date, exc)
            return "retry"
        raise self.retry(exc=exc) from exc


@shared_task(name="reconciliation.daily")
def daily(now: str | None = None) -> dict[str, str]:
    """Beat: reconcile yesterday for every configured provider once its bill can exist."""
    moment = datetime.fromisoformat(now) if now else datetime.now(SHANGHAI)
    local = moment.astimezone(SHANGHAI)
    if local.hour < settings.RECONCILIATION_FETCH_AFTER_HOUR:
        return {}
    yesterday = (local - timedelta(days=1)).date().isoformat()
    result: dict[str, str] = {}
    for provider in BILL_PROVIDERS:
        if not (settings.PAYMENT_PROVIDER == "live" and is_configured(provider)):
            continue
        try:
            queued = fetch_and_reconcile_task.delay(provider, yesterday)
            result[provider] = queued.get() if isinstance(queued, EagerResult) else "queued"
        except ProviderError as exc:
            logger.error("reconciliation %s %s: %s", provider, yesterday, exc)
            result[provider] = "error"
    return result
