"""Bearer JWT authentication that also checks the token's account kind and methods.

Every authenticated request reads the user row (a disabled account loses access at once,
not when its access token expires); that read is one primary-key query whose SQL is compiled
once per process, because compiling it cost more than running it (bench/RESULTS.md).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.utils import get_md5_hash_password

from backend.accounts.models import User
from backend.core.compiled_lookup import CompiledLookup

_USER_BY_ID = CompiledLookup(User, "pk")


class BearerAuthentication(JWTAuthentication):
    def get_user(self, validated_token: Any) -> User:
        """The token's user, checked by `check_user`."""
        return self.check_user(_USER_BY_ID.get(pk=self.user_id(validated_token)), validated_token)

    def user_id(self, validated_token: Any) -> Any:
        """The user id the token names (the `sub` claim); 401 if there is none."""
        try:
            return User._meta.pk.to_python(validated_token[api_settings.USER_ID_CLAIM])  # type: ignore[union-attr]
        except (KeyError, ValidationError) as exc:
            raise InvalidToken(_("Token contained no recognizable user identification")) from exc

    def check_user(self, user: User | None, validated_token: Any) -> User:
        """`user`, read for this request, if it may use the token: 401 otherwise.

        The checks of simplejwt's own `get_user` (the user exists, is active, and has not
        changed password when revocation is on), then ours: the account kind must be the
        token's, and a staff token needs a second factor.
        """
        if user is None:
            raise AuthenticationFailed(_("User not found"), code="user_not_found")
        if api_settings.CHECK_USER_IS_ACTIVE and not user.is_active:
            raise AuthenticationFailed(_("User is inactive"), code="user_inactive")
        if api_settings.CHECK_REVOKE_TOKEN and validated_token.get(
            api_settings.REVOKE_TOKEN_CLAIM
        ) != get_md5_hash_password(user.password):
            raise AuthenticationFailed(_("The user's password has been changed."), code="password_changed")
        if validated_token.get("kind") != user.kind:
            raise InvalidToken(_("The token does not match the account."))
        if user.kind == "staff" and "otp" not in validated_token.get("amr", []):
            raise InvalidToken(_("Staff tokens need a second factor."))
        return user
