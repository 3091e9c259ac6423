"""SMS one-time-code login.

Codes are 6 digits, stored only as a keyed hash, valid for `OTP_TTL`, burnt after
`OTP_MAX_ATTEMPTS` wrong tries. Requests are limited per phone (one per minute, ten per
day) and per client address, atomically and failing closed (backend/core/ratelimit.py).
Neither step tells whether the phone already has an account.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from backend.accounts.constants import IdentityProvider
from backend.accounts.identity import identity_login_or_create
from backend.accounts.models import OtpCode, User
from backend.core import pii
from backend.core.audit import audit_record
from backend.core.errors import ApplicationError, RateLimited
from backend.core.models import AuditResult
from backend.core.ratelimit import Limit, get_limiter
from backend.core.sms import SmsMessage, get_sms_backend

DAY = 24 * 3600


class OtpInvalid(ApplicationError):
    status = 400
    code = "otp_invalid"
    title = _("The verification code is wrong or no longer valid.")


@dataclass(frozen=True)
class CodeRequested:
    expires_in: int
    resend_after: int


def phone_index(phone_e164: str) -> str:
    return pii.blind_index(phone_e164, purpose="phone")


def _code_hash(phone_idx: str, code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"otp:{phone_idx}:{code}".encode(), hashlib.sha256).hexdigest()


def otp_request(*, phone: str, ip: str) -> CodeRequested:
    """Send a login code to `phone` (E.164) if the limits allow; the answer is the same for any phone.

    Side effects: one `OtpCode` row; after commit, one SMS through `settings.SMS_BACKEND`.
    Raises `RateLimited` (429, `Retry-After`) or `ServiceUnavailable` (503) when limits cannot
    be checked.
    """
    idx = phone_index(phone)
    today = timezone.localdate().isoformat()
    decision = get_limiter().acquire(
        [
            Limit(f"otp:phone:cool:{idx}", 1, settings.OTP_PHONE_COOLDOWN_SECONDS),
            Limit(f"otp:phone:day:{today}:{idx}", settings.OTP_PHONE_DAILY_LIMIT, DAY),
            Limit(f"otp:ip:hour:{ip}", settings.OTP_IP_HOURLY_LIMIT, 3600),
        ]
    )
    if not decision.allowed:
        raise RateLimited(decision.retry_after, code="otp_rate_limited")

    code = f"{secrets.randbelow(10**6):06d}"
    ttl = settings.OTP_TTL
    with transaction.atomic():
        # A new code replaces any earlier one for the phone.
        OtpCode.objects.filter(phone_index=idx, consumed_at__isnull=True).update(consumed_at=timezone.now())
        OtpCode.objects.create(
            phone_index=idx, code_hash=_code_hash(idx, code), expires_at=timezone.now() + ttl
        )
        text = gettext(
            "[Zhangban] Your login code is %(code)s, valid for %(minutes)d minutes. Never share it."
        ) % {
            "code": code,
            "minutes": int(ttl.total_seconds() // 60),
        }
        message = SmsMessage(to=phone, template="login_code", params={"code": code}, text=text)
        transaction.on_commit(lambda: get_sms_backend().send(message))
    return CodeRequested(
        expires_in=int(ttl.total_seconds()), resend_after=settings.OTP_PHONE_COOLDOWN_SECONDS
    )


def otp_login(*, phone: str, code: str, ip: str) -> User:
    """Check the code for `phone` and return the (possibly new) resident it logs in.

    A wrong code counts an attempt; the fifth burns the code. New phones get a new resident
    account with a `phone` identity: logging in is registering.
    """
    decision = get_limiter().acquire([Limit(f"otp:login:ip:{ip}", settings.OTP_LOGIN_IP_HOURLY_LIMIT, 3600)])
    if not decision.allowed:
        raise RateLimited(decision.retry_after, code="otp_rate_limited")
    idx = phone_index(phone)
    now = timezone.now()
    with transaction.atomic():
        otp = (
            OtpCode.objects.select_for_update()
            .filter(phone_index=idx, consumed_at__isnull=True)
            .order_by("-created_at")
            .first()
        )
        if otp is None:
            raise OtpInvalid()
        if otp.expires_at <= now:
            otp.consumed_at = now
            otp.save(update_fields=["consumed_at"])
            error: ApplicationError = OtpInvalid(
                _("The verification code has expired. Please request a new one."), code="otp_expired"
            )
        elif not hmac.compare_digest(otp.code_hash, _code_hash(idx, code)):
            otp.attempts += 1
            fields = ["attempts"]
            if otp.attempts >= settings.OTP_MAX_ATTEMPTS:
                otp.consumed_at = now
                fields.append("consumed_at")
            otp.save(update_fields=fields)
            error = OtpInvalid()
            if otp.consumed_at:
                error = OtpInvalid(
                    _("Too many wrong codes. Please request a new one."), code="otp_attempts_exceeded"
                )
        else:
            otp.consumed_at = now
            otp.save(update_fields=["consumed_at"])
            user = identity_login_or_create(
                provider=IdentityProvider.PHONE, subject=idx, defaults={"phone": phone, "phone_index": idx}
            )
            audit_record(action="auth.login", actor=user, obj=user, detail={"method": "sms"})
            return user
    # The attempt count is committed; now report the failure.
    with transaction.atomic():
        audit_record(
            action="auth.login", object_type="phone", result=AuditResult.FAILURE, detail={"method": "sms"}
        )
    raise error
