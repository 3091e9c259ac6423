"""Account merge (interface 1): identities, handlers, freed indexes, audit — one transaction."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from backend.accounts import merge
from backend.accounts.identity import identity_login_or_create
from backend.accounts.merge import MergeRefused, account_merge, merge_survivor, register_merge_handler
from backend.accounts.models import Identity, User
from backend.accounts.otp import phone_index
from backend.accounts.services import citizen_id_index
from backend.accounts.tokens import tokens_issue
from backend.core.models import AuditLog
from tests.factories import make_citizen_id, make_phone

pytestmark = pytest.mark.django_db


@pytest.fixture
def handlers() -> Any:
    """Isolate the registry: tests add handlers without leaking them to other tests."""
    saved = dict(merge._handlers)
    yield merge._handlers
    merge._handlers.clear()
    merge._handlers.update(saved)


def _wechat_user(openid: str) -> User:
    return identity_login_or_create(provider="wechat", subject=openid)


def _verify(user: User) -> str:
    cid = make_citizen_id()
    user.real_name = "张三"
    user.citizen_id = cid
    user.citizen_id_index = citizen_id_index(cid)
    user.real_name_verified_at = timezone.now()
    user.save()
    return cid


def test_merge_moves_identities_frees_phone_for_keeper_and_audits(make_resident: Any, handlers: Any) -> None:
    # Given an older SMS account with phone P and a newer WeChat account without a phone
    phone = make_phone()
    older = make_resident(phone)
    newer = _wechat_user("o-merge-1")
    calls: list[tuple[Any, Any]] = []
    register_merge_handler("test.calls", lambda *, keep, absorb: calls.append((keep.pk, absorb.pk)))
    refresh = tokens_issue(newer, amr=["wechat"])["refresh"]

    # When the newer one is folded into the older one
    keep, absorb = merge_survivor(newer, older)
    assert (keep.pk, absorb.pk) == (older.pk, newer.pk)
    result = account_merge(keep=keep, absorb=absorb, reason="phone_bind")

    # Then both identities are on the kept account, which still holds P
    assert result.pk == older.pk
    assert set(Identity.objects.filter(user=older).values_list("provider", flat=True)) == {"phone", "wechat"}
    assert not Identity.objects.filter(user=newer).exists()
    older.refresh_from_db()
    newer.refresh_from_db()
    assert older.phone == phone and older.phone_index == phone_index(phone)
    assert newer.is_active is False
    assert calls == [(older.pk, newer.pk)]
    log = AuditLog.objects.get(action="account.merge")
    assert log.detail["keep"] == str(older.pk) and log.detail["absorb"] == str(newer.pk)
    assert log.detail["reason"] == "phone_bind" and "test.calls" in log.detail["handlers"]
    # And the absorbed account's refresh token is dead
    from backend.accounts.tokens import TokenInvalid, tokens_refresh

    with pytest.raises(TokenInvalid):
        tokens_refresh(refresh=refresh)


def test_verified_account_wins_even_when_newer_and_takes_the_phone(make_resident: Any) -> None:
    # Given an old unverified account with phone P and a new verified account without a phone
    phone = make_phone()
    old = make_resident(phone)
    User.objects.filter(pk=old.pk).update(date_joined=timezone.now() - timedelta(days=30))
    old.refresh_from_db()
    new = _wechat_user("o-merge-2")
    cid = _verify(new)

    keep, absorb = merge_survivor(old, new)
    assert keep.pk == new.pk

    account_merge(keep=keep, absorb=absorb, reason="phone_bind")

    # Then the verified account keeps its real name and takes over P; the old one holds nothing
    new.refresh_from_db()
    old.refresh_from_db()
    assert new.phone == phone and new.phone_index == phone_index(phone)
    assert new.citizen_id == cid and new.real_name_verified
    assert old.phone == "" and old.phone_index is None and not old.is_active
    # And a later SMS login with P lands on the kept account
    assert identity_login_or_create(provider="phone", subject=phone_index(phone)).pk == new.pk


def test_rule_order_is_enforced_and_nothing_changes(make_resident: Any) -> None:
    older = make_resident()
    newer = _wechat_user("o-merge-3")

    with pytest.raises(MergeRefused):
        account_merge(keep=newer, absorb=older, reason="phone_bind")

    assert Identity.objects.get(provider="wechat").user_id == newer.pk
    assert User.objects.get(pk=older.pk).is_active
    assert not AuditLog.objects.filter(action="account.merge").exists()


def test_two_verified_accounts_are_never_merged(make_resident: Any) -> None:
    a = make_resident()
    b = _wechat_user("o-merge-4")
    _verify(a)
    _verify(b)

    with pytest.raises(MergeRefused) as exc:
        account_merge(keep=a, absorb=b, reason="phone_bind")

    assert exc.value.status == 409
    assert User.objects.get(pk=b.pk).is_active
    assert Identity.objects.get(provider="wechat").user_id == b.pk


def test_a_failing_handler_rolls_back_the_whole_merge(make_resident: Any, handlers: Any) -> None:
    phone = make_phone()
    older = make_resident(phone)
    newer = _wechat_user("o-merge-5")

    def broken(*, keep: User, absorb: User) -> None:
        raise RuntimeError("cannot move")

    register_merge_handler("test.broken", broken)

    with pytest.raises(RuntimeError):
        account_merge(keep=older, absorb=newer, reason="phone_bind")

    # Nothing moved, nothing deactivated, no audit row
    assert Identity.objects.get(provider="wechat").user_id == newer.pk
    assert User.objects.get(pk=newer.pk).is_active
    assert not AuditLog.objects.filter(action="account.merge").exists()


def test_merge_with_itself_is_refused(make_resident: Any) -> None:
    user = make_resident()
    with pytest.raises(MergeRefused):
        account_merge(keep=user, absorb=user, reason="x")
