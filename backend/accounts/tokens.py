"""JWT pairs: short access tokens, rotating refresh tokens blacklisted on use and logout.

Staff tokens are shorter-lived and their refresh token lapses after `STAFF_IDLE_TIMEOUT`
without use: an idle staff session expires (graded protection level 3). Staff tokens carry
`amr: ["pwd", "otp"]`; the authenticator refuses a staff token without it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from backend.accounts.models import User
from backend.core.errors import ApplicationError

STAFF_ACCESS_LIFETIME = timedelta(minutes=5)


class TokenInvalid(ApplicationError):
    status = 401
    code = "token_invalid"
    title = _("The token is invalid or expired.")


def tokens_issue(user: User, *, amr: list[str]) -> dict[str, Any]:
    """A new access/refresh pair for `user`, authenticated by the methods in `amr`."""
    refresh = RefreshToken()
    refresh["sub"] = str(user.pk)
    refresh["kind"] = user.kind
    refresh["amr"] = amr
    if user.kind == "staff":
        refresh.set_exp(lifetime=settings.STAFF_IDLE_TIMEOUT)
    OutstandingToken.objects.create(
        user=user,
        jti=refresh["jti"],
        token=str(refresh),
        created_at=refresh.current_time,
        expires_at=_exp_datetime(refresh),
    )
    access = refresh.access_token
    if user.kind == "staff":
        access.set_exp(lifetime=STAFF_ACCESS_LIFETIME)
    lifetime = STAFF_ACCESS_LIFETIME if user.kind == "staff" else settings.SIMPLE_JWT["ACCESS_TOKEN_LIFETIME"]
    return {
        "token_type": "Bearer",
        "access": str(access),
        "refresh": str(refresh),
        "expires_in": int(lifetime.total_seconds()),
    }


def _exp_datetime(token: RefreshToken) -> Any:
    from rest_framework_simplejwt.utils import datetime_from_epoch

    return datetime_from_epoch(token["exp"])


def _spend(raw: str) -> RefreshToken:
    """Verify a refresh token and blacklist it, once: a second use of the same token fails."""
    try:
        token = RefreshToken(raw, verify=True)
    except TokenError as exc:
        raise TokenInvalid() from exc
    with transaction.atomic():
        outstanding = OutstandingToken.objects.select_for_update().filter(jti=token["jti"]).first()
        if outstanding is None or BlacklistedToken.objects.filter(token=outstanding).exists():
            raise TokenInvalid()
        BlacklistedToken.objects.create(token=outstanding)
    return token


def tokens_refresh(*, refresh: str) -> dict[str, Any]:
    """Rotate: spend the refresh token and issue a new pair for the same user and methods."""
    token = _spend(refresh)
    user = User.objects.filter(pk=token.get("sub"), is_active=True).first()
    if user is None:
        raise TokenInvalid()
    return tokens_issue(user, amr=list(token.get("amr", [])))


def tokens_revoke(*, user: User, refresh: str) -> None:
    """Logout: blacklist the refresh token; it must be the caller's own."""
    try:
        token = RefreshToken(refresh, verify=True)
    except TokenError as exc:
        raise TokenInvalid() from exc
    if token.get("sub") != str(user.pk):
        raise TokenInvalid()
    _spend(refresh)
