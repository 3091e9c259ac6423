"""Identity links: `(provider, subject) → user`, so one person stays one account ("一号")."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from backend.accounts.constants import IdentityProvider
from backend.accounts.models import Identity, User


def identity_login_or_create(*, provider: str, subject: str, defaults: dict[str, Any] | None = None) -> User:
    """The user linked to `(provider, subject)`, creating the user and link on first sight.

    Safe under concurrency: two first logins for the same subject create one user (the
    unique constraint decides; the loser reads the winner's row). A `phone` subject also
    finds a user who already has that phone bound through another provider.
    """
    now = timezone.now()
    link = Identity.objects.select_related("user").filter(provider=provider, subject=subject).first()
    if link is not None:
        Identity.objects.filter(pk=link.pk).update(last_login_at=now)
        return link.user
    defaults = defaults or {}
    try:
        with transaction.atomic():
            user = None
            if provider == IdentityProvider.PHONE:
                user = User.objects.filter(phone_index=subject).first()
            if user is None:
                user = User.objects.create_resident(**defaults)
            Identity.objects.create(user=user, provider=provider, subject=subject, last_login_at=now)
            return user
    except IntegrityError:
        link = Identity.objects.select_related("user").get(provider=provider, subject=subject)
        return link.user
