"""Account merge: when two resident accounts turn out to be one person, fold one into the other.

This happens when a resident who arrived through WeChat binds a phone that another account
(SMS login, Alipay …) already holds. The person must end up with one account ("一号").

**The rule** (who survives): the account with verified real-name data (实名认证) wins;
when neither (or, impossibly, both) is verified, the older account wins (earlier
`date_joined`). `merge_survivor(a, b)` applies it; callers pass its result to
`account_merge`. Two accounts that are both real-name verified are two different people
(the citizen-ID index is unique) and are never merged.

**What moves**: every identity link of the absorbed account; its phone, real-name data,
e-mail and display name where the kept account has none; and every feature's rows, through
the handlers registered here. Features register in their `AppConfig.ready()`:

    from backend.accounts.merge import register_merge_handler

    def move_bills(*, keep, absorb):
        Bill.objects.filter(payer=absorb).update(payer=keep)

    register_merge_handler("payments.bills", move_bills)

A handler runs INSIDE the merge transaction (both user rows are locked); it must move every
row of `absorb` to `keep` and may raise to abort the whole merge.

**What is left behind**: the absorbed account is deactivated (`is_active=False`), its phone
and citizen-ID index are freed (so the kept account can hold them), its refresh tokens are
blacklisted, and an audit row `account.merge` records both ids and the reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

from backend.accounts.constants import UserKind
from backend.accounts.models import Identity, User
from backend.core.audit import audit_record
from backend.core.errors import Conflict

logger = logging.getLogger(__name__)

MergeHandler = Callable[..., None]

_handlers: dict[str, MergeHandler] = {}

# Fields that move to the kept account when it has no value of its own. Groups move together:
# a phone without its index (or a name without its verified number) would be half a fact.
_FIELD_GROUPS: tuple[tuple[str, ...], ...] = (
    ("phone", "phone_index"),
    ("real_name", "citizen_id", "citizen_id_index", "real_name_verified_at"),
    ("email",),
    ("display_name",),
)


class MergeRefused(Conflict):
    code = "account_merge_refused"
    title = _("These accounts cannot be merged.")


def register_merge_handler(name: str, handler: MergeHandler) -> None:
    """Register `handler(keep=<User>, absorb=<User>)` under `name`, run by every merge.

    Registering the same name again replaces the handler (safe when `ready()` runs twice).
    """
    _handlers[name] = handler


def merge_handlers() -> dict[str, MergeHandler]:
    """The registered handlers, by name (a copy)."""
    return dict(_handlers)


def merge_survivor(a: User, b: User) -> tuple[User, User]:
    """Apply the documented rule to two accounts: `(keep, absorb)`.

    The real-name verified account wins; otherwise the older account (then the smaller id,
    so the answer never depends on argument order).
    """
    if a.real_name_verified != b.real_name_verified:
        return (a, b) if a.real_name_verified else (b, a)
    if (a.date_joined, str(a.pk)) <= (b.date_joined, str(b.pk)):
        return a, b
    return b, a


@transaction.atomic
def account_merge(*, keep: User, absorb: User, reason: str) -> User:
    """Fold `absorb` into `keep` in one transaction and return the refreshed `keep`.

    Preconditions: two different, active resident accounts, and `keep` is the survivor by
    the rule of `merge_survivor` (the caller may pass the pair in either order only if it
    has applied the rule; a pair that breaks the rule is refused). Side effects: identities
    and profile data move, every registered handler runs, `absorb` is deactivated with its
    unique indexes freed and refresh tokens blacklisted, audit row `account.merge`.
    Errors: `account_merge_refused` (409) when both accounts are real-name verified, one is
    not an active resident, or the order breaks the rule.
    """
    if keep.pk == absorb.pk:
        raise MergeRefused(_("An account cannot be merged with itself."))
    # Lock both rows in a fixed order so two merges of the same pair cannot deadlock.
    locked = {
        u.pk: u for u in User.objects.select_for_update().filter(pk__in=[keep.pk, absorb.pk]).order_by("pk")
    }
    keep, absorb = locked[keep.pk], locked[absorb.pk]
    for user in (keep, absorb):
        if user.kind != UserKind.RESIDENT or not user.is_active:
            raise MergeRefused(_("Only active resident accounts can be merged."))
    if keep.real_name_verified and absorb.real_name_verified:
        raise MergeRefused(_("Both accounts are real-name verified; they belong to different people."))
    if merge_survivor(keep, absorb)[0].pk != keep.pk:
        raise MergeRefused(_("The account with verified real-name data (else the older one) must be kept."))

    moved_identities = Identity.objects.filter(user=absorb).update(user=keep)

    taken: dict[str, object] = {}
    freed: dict[str, object] = {}
    for group in _FIELD_GROUPS:
        head = group[0]
        if getattr(absorb, head) and not getattr(keep, head):
            taken.update({f: getattr(absorb, f) for f in group})
        for f in group:
            if getattr(absorb, f):
                freed[f] = None if f.endswith("_index") or f.endswith("_at") else ""
    # Free the absorbed account's unique indexes first: the kept row may take them next.
    for f, empty in freed.items():
        setattr(absorb, f, empty)
    absorb.is_active = False
    absorb.save(update_fields=[*freed, "is_active"])
    if taken:
        for f, value in taken.items():
            setattr(keep, f, value)
        keep.save(update_fields=list(taken))

    ran = []
    for name, handler in _handlers.items():
        handler(keep=keep, absorb=absorb)
        ran.append(name)

    outstanding = OutstandingToken.objects.filter(user=absorb, blacklistedtoken__isnull=True)
    BlacklistedToken.objects.bulk_create(
        [BlacklistedToken(token=t) for t in outstanding], ignore_conflicts=True
    )

    audit_record(
        action="account.merge",
        actor=keep,
        obj=keep,
        detail={
            "keep": str(keep.pk),
            "absorb": str(absorb.pk),
            "reason": reason,
            "identities_moved": moved_identities,
            "fields_taken": sorted(f for f in taken if not f.endswith("_index")),
            "handlers": ran,
        },
    )
    logger.info("account %s merged into %s (%s)", absorb.pk, keep.pk, reason)
    return keep
