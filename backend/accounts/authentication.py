"""Bearer JWT authentication that also checks the token's account kind and methods."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken


class BearerAuthentication(JWTAuthentication):
    def get_user(self, validated_token: Any) -> Any:
        user = super().get_user(validated_token)
        if validated_token.get("kind") != user.kind:
            raise InvalidToken(_("The token does not match the account."))
        if user.kind == "staff" and "otp" not in validated_token.get("amr", []):
            raise InvalidToken(_("Staff tokens need a second factor."))
        return user
