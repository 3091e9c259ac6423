"""Housekeeping for login data: nothing personal is kept longer than it is needed."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.core.management import call_command
from django.utils import timezone

from backend.accounts.models import OtpCode

OTP_RETENTION = timedelta(days=1)


def otp_codes_purge(*, now: object = None) -> int:
    """Delete one-time codes a day after they were made (used, burnt or expired alike)."""
    cutoff = (now or timezone.now()) - OTP_RETENTION
    deleted, _ = OtpCode.objects.filter(created_at__lt=cutoff).delete()
    return deleted


@shared_task(name="accounts.purge_login_data")
def purge_login_data() -> int:
    """Beat task: old one-time codes, and refresh tokens past their expiry (simplejwt)."""
    deleted = otp_codes_purge()
    call_command("flushexpiredtokens")
    return deleted
