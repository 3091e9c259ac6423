"""Staff login: password **and** a TOTP code, with lockout after repeated failures.

Graded protection level 3 asks for two factors for administrators and operators. Any
failure — unknown user, wrong password, wrong or missing code, no enrolled device — gets
the same answer, so the endpoint tells nothing about which part was wrong. Failures are
counted per username (atomic counter); at `STAFF_LOCKOUT_THRESHOLD` the username is locked
for `STAFF_LOCKOUT_PERIOD`, whatever is sent meanwhile.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from backend.accounts.constants import UserKind
from backend.accounts.models import User
from backend.core.audit import audit_record
from backend.core.errors import ApplicationError, RateLimited
from backend.core.models import AuditResult
from backend.core.ratelimit import Limit, get_limiter

# A fixed hash to compare against for unknown usernames, so timing does not tell either.
_DUMMY_HASH = "pbkdf2_sha256$1000000$zbdummy$X5pD1h0o3tZQ8r0uJq6dEXpQ1sL3cO0mF9yV7nW2kAs="


class InvalidCredentials(ApplicationError):
    status = 401
    code = "invalid_credentials"
    title = _("The username, password or verification code is wrong.")


def _lock_key(username: str) -> str:
    return f"staff:fail:{username.lower()}"


def staff_login(*, username: str, password: str, otp_code: str) -> User:
    """Return the staff user when all three match; count a failure otherwise."""
    limiter = get_limiter()
    period = int(settings.STAFF_LOCKOUT_PERIOD.total_seconds())
    threshold = settings.STAFF_LOCKOUT_THRESHOLD
    locked = limiter.peek(Limit(_lock_key(username), threshold, period))
    if not locked.allowed:
        _audit(None, username, AuditResult.DENIED, "locked")
        raise RateLimited(
            locked.retry_after,
            _("Too many failed attempts; the account is locked for a while."),
            code="account_locked",
        )

    user = User.objects.filter(username=username, kind=UserKind.STAFF, is_active=True).first()
    password_ok = check_password(password, user.password if user else _DUMMY_HASH)
    device_ok = False
    if user is not None and password_ok:
        for device in TOTPDevice.objects.devices_for_user(user, confirmed=True):
            if device.verify_token(otp_code):
                device_ok = True
                break
    if user is None or not password_ok or not device_ok:
        limiter.acquire([Limit(_lock_key(username), threshold, period)])
        _audit(user, username, AuditResult.FAILURE, "credentials")
        raise InvalidCredentials()
    limiter.reset([_lock_key(username)])
    _audit(user, username, AuditResult.SUCCESS, "")
    return user


def _audit(user: User | None, username: str, result: str, reason: str) -> None:
    with transaction.atomic():
        audit_record(
            action="auth.staff_login",
            actor=user,
            object_type="accounts.user",
            object_id=str(user.pk) if user else "",
            result=result,
            detail={"username": username[:64], "reason": reason} if reason else {"username": username[:64]},
        )
