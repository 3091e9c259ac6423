"""Writes of the mini-program bridge: logins, phone binding, subscribe consents and sends.

Provider calls never run inside a database transaction: the HTTP call comes first, the
writes after it, each in its own short transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wechatpy.exceptions import WeChatClientException

from backend.accounts.constants import IdentityProvider
from backend.accounts.identity import identity_login_or_create
from backend.accounts.merge import account_merge, merge_survivor
from backend.accounts.models import Identity, User
from backend.accounts.otp import phone_index
from backend.accounts.validators import normalize_phone
from backend.core.audit import audit_record
from backend.core.errors import Conflict
from backend.core.masking import mask_phone
from backend.core.models import AuditResult
from miniprogram_bridge import alipay_client, selectors
from miniprogram_bridge.constants import (
    UNIONID_PREFIX,
    WX_CODE_USED,
    WX_HIGH_RISK,
    WX_INVALID_CODE,
    WX_RATE_LIMITED,
    WX_TEMPLATE_DATA_INVALID,
    WX_USER_REFUSED,
    Platform,
    SendStatus,
    SubscribeDecision,
)
from miniprogram_bridge.errors import (
    AlipayPhoneInvalid,
    SubscribeTemplateUnknown,
    WeChatCodeInvalid,
    WeChatCodeUsed,
    WeChatLoginBlocked,
    WeChatPhoneCodeInvalid,
    WeChatPhoneInvalid,
    WeChatUnavailable,
    wechat_rate_limited,
)
from miniprogram_bridge.models import SubscribeConsent, SubscribeMessage, WeChatSession
from miniprogram_bridge.wechat_client import WeChatTransportError, wechat_client

logger = logging.getLogger(__name__)

# A resident cannot bank more one-time consents than this per template.
MAX_CONSENTS_PER_TEMPLATE = 50


# --- identity links ---------------------------------------------------------------------------


def _link_identity(*, user: User, provider: str, subject: str) -> None:
    """Attach `(provider, subject)` to `user` unless it exists (on anyone: the first link wins)."""
    try:
        with transaction.atomic():
            Identity.objects.create(
                user=user, provider=provider, subject=subject, last_login_at=timezone.now()
            )
    except IntegrityError:
        owner_id = (
            Identity.objects.filter(provider=provider, subject=subject)
            .values_list("user_id", flat=True)
            .first()
        )
        if owner_id != user.pk:
            logger.warning("identity %s link already belongs to another account", provider)


def _wechat_user(*, openid: str, unionid: str) -> User:
    """Find or create the account of a WeChat user: the openid link, else the unionid link.

    The unionid ties the same person across our mini-program, official account and app; it is
    stored as identity `wechat` / `unionid:<id>` (constants.UNIONID_PREFIX).
    """
    link = (
        Identity.objects.select_related("user")
        .filter(provider=IdentityProvider.WECHAT, subject=openid)
        .first()
    )
    if link is not None:
        Identity.objects.filter(pk=link.pk).update(last_login_at=timezone.now())
        user = link.user
    elif unionid:
        # The unionid decides the account (race-safe in identity_login_or_create); the openid
        # link follows it.
        user = identity_login_or_create(provider=IdentityProvider.WECHAT, subject=UNIONID_PREFIX + unionid)
        _link_identity(user=user, provider=IdentityProvider.WECHAT, subject=openid)
        return user
    else:
        return identity_login_or_create(provider=IdentityProvider.WECHAT, subject=openid)
    if unionid:
        _link_identity(user=user, provider=IdentityProvider.WECHAT, subject=UNIONID_PREFIX + unionid)
    return user


def _session_store(*, user: User, appid: str, openid: str, unionid: str, session_key: str) -> None:
    """Replace the session_key of (appid, openid); race-safe for concurrent logins."""
    values = {"user": user, "unionid": unionid, "session_key": session_key}
    updated = WeChatSession.objects.filter(appid=appid, openid=openid).update(
        **values, updated_at=timezone.now()
    )
    if updated:
        return
    try:
        with transaction.atomic():
            WeChatSession.objects.create(appid=appid, openid=openid, **values)
    except IntegrityError:
        WeChatSession.objects.filter(appid=appid, openid=openid).update(**values, updated_at=timezone.now())


def _audit_login_failure(method: str, reason: str) -> None:
    audit_record(
        action="auth.login",
        object_type="identity",
        result=AuditResult.FAILURE,
        detail={"method": method, "reason": reason},
    )


# --- WeChat -------------------------------------------------------------------------------------


def wechat_login(*, code: str) -> User:
    """Log in (or register) with the code of `wx.login()`.

    Calls `jscode2session` (no access token needed); finds the account through the openid,
    else the unionid, else creates one; stores the new session_key encrypted (replacing the
    previous one). Side effects: identity links, WeChatSession row, audit `auth.login`.
    Errors: `wechat_code_invalid`/`wechat_code_used` (401), `wechat_login_blocked` (403),
    `wechat_rate_limited` (429), `wechat_unavailable` (503).
    """
    client = wechat_client()
    try:
        result = client.wxa.code_to_session(code)
    except WeChatClientException as exc:
        _audit_login_failure("wechat", f"errcode {exc.errcode}")
        raise _wechat_error(exc.errcode, phone=False) from exc
    except WeChatTransportError as exc:
        logger.warning("wechat: jscode2session failed: %s", exc)
        raise WeChatUnavailable() from exc
    openid = str(result.get("openid") or "")
    session_key = str(result.get("session_key") or "")
    unionid = str(result.get("unionid") or "")
    if not openid or not session_key:
        raise WeChatUnavailable()
    user = _wechat_user(openid=openid, unionid=unionid)
    _session_store(user=user, appid=client.appid, openid=openid, unionid=unionid, session_key=session_key)
    audit_record(action="auth.login", actor=user, obj=user, detail={"method": "wechat"})
    return user


def _wechat_error(errcode: int | None, *, phone: bool) -> Exception:
    if errcode in (WX_INVALID_CODE, WX_CODE_USED):
        if phone:
            return WeChatPhoneCodeInvalid()
        return WeChatCodeUsed() if errcode == WX_CODE_USED else WeChatCodeInvalid()
    if errcode == WX_RATE_LIMITED:
        return wechat_rate_limited()
    if errcode == WX_HIGH_RISK:
        return WeChatLoginBlocked()
    logger.warning("wechat: errcode %s answered as unavailable", errcode)
    return WeChatUnavailable()


@dataclass(frozen=True)
class PhoneBound:
    """The account that holds the phone after binding, and whether two accounts were merged."""

    user: User
    merged: bool


def wechat_phone_bind(*, user: User, code: str) -> PhoneBound:
    """Bind the phone WeChat verified (`<button open-type="getPhoneNumber">` code) to `user`.

    Preconditions: `user` is an active resident. Calls `getuserphonenumber` with the
    mini-program access token; then `phone_bind`. Errors: `wechat_phone_code_invalid`,
    `wechat_phone_invalid` (400), `wechat_rate_limited` (429), `wechat_unavailable` (503),
    `account_merge_refused` (409).
    """
    client = wechat_client()
    try:
        result = client.wxa.get_phone_number(code, openid=selectors.wechat_openid_for(user=user) or None)
    except WeChatClientException as exc:
        raise _wechat_error(exc.errcode, phone=True) from exc
    except WeChatTransportError as exc:
        logger.warning("wechat: getuserphonenumber failed: %s", exc)
        raise WeChatUnavailable() from exc
    info = result.get("phone_info") or {}
    raw = f"+{info.get('countryCode') or '86'}{info.get('purePhoneNumber') or ''}"
    try:
        phone = normalize_phone(raw)
    except DjangoValidationError as exc:
        raise WeChatPhoneInvalid() from exc
    return phone_bind(user=user, phone=phone, source="wechat")


def phone_bind(*, user: User, phone: str, source: str) -> PhoneBound:
    """Bind a provider-verified mobile `phone` (E.164) to `user`, merging accounts if needed.

    If another account already holds the phone, the two are merged (backend/accounts/merge.py:
    the real-name verified account wins, else the older one) and the survivor holds the phone.
    One transaction. Side effects: phone + identity `phone` on the survivor, audit `phone.bind`
    (and `account.merge`). Errors: `account_merge_refused` (409), `phone_bind_conflict` (409)
    when a concurrent request bound the same phone first.
    """
    try:
        return _phone_bind(user=user, phone=phone, source=source)
    except IntegrityError as exc:
        raise Conflict(
            _("This phone number was just bound to another account. Please try again."),
            code="phone_bind_conflict",
        ) from exc


@transaction.atomic
def _phone_bind(*, user: User, phone: str, source: str) -> PhoneBound:
    idx = phone_index(phone)
    owner = User.objects.filter(phone_index=idx).exclude(pk=user.pk).first()
    if owner is None:
        link = (
            Identity.objects.filter(provider=IdentityProvider.PHONE, subject=idx).exclude(user=user).first()
        )
        owner = link.user if link else None
    absorbed: User | None = None
    if owner is not None:
        keep, absorbed = merge_survivor(user, owner)
        keep = account_merge(keep=keep, absorb=absorbed, reason=f"phone_bind:{source}")
    else:
        keep = User.objects.select_for_update().get(pk=user.pk)
    if keep.phone_index != idx:
        keep.phone = phone
        keep.phone_index = idx
        keep.save(update_fields=["phone", "phone_index"])
    _link_identity(user=keep, provider=IdentityProvider.PHONE, subject=idx)
    audit_record(
        action="phone.bind",
        actor=user,
        obj=keep,
        detail={
            "source": source,
            "phone": mask_phone(phone),
            "merged": absorbed is not None,
            "absorbed": str(absorbed.pk) if absorbed else "",
        },
    )
    return PhoneBound(user=keep, merged=absorbed is not None)


# --- Alipay -------------------------------------------------------------------------------------


def alipay_login(*, auth_code: str) -> User:
    """Log in (or register) with the code of `my.getAuthCode({scopes: 'auth_base'})`.

    `alipay.system.oauth.token` through the SDK (signature verified); the identity subject is
    the user_id (2088…) or, for apps after the OpenID upgrade, the open_id. Errors:
    `alipay_code_invalid` (401), `alipay_unavailable`, `alipay_response_invalid` (503).
    """
    try:
        login = alipay_client.oauth_token(auth_code)
    except Exception:
        _audit_login_failure("alipay", "refused")
        raise
    user = identity_login_or_create(provider=IdentityProvider.ALIPAY, subject=login.subject)
    audit_record(action="auth.login", actor=user, obj=user, detail={"method": "alipay"})
    return user


def alipay_phone_bind(*, user: User, response: str) -> PhoneBound:
    """Bind the phone in a `my.getPhoneNumber` response (verified and decrypted) to `user`.

    Errors: `alipay_phone_invalid` (400), `account_merge_refused` (409).
    """
    mobile = alipay_client.phone_decrypt(response)
    try:
        phone = normalize_phone(mobile)
    except DjangoValidationError as exc:
        raise AlipayPhoneInvalid() from exc
    return phone_bind(user=user, phone=phone, source="alipay")


# --- subscribe messages -----------------------------------------------------------------------
#
# Both mini-programs work the same way: a one-time consent per (user, platform, template) that
# each accept raises by one and each send spends (SubscribeConsent.remaining). Only the client
# result shape (wx.requestSubscribeMessage / my.requestSubscribeMessage) and the sending call
# differ; the consent rule, the spending and the send log are shared.


def _templates(platform: str = Platform.WECHAT) -> dict[str, dict[str, Any]]:
    """`{template key: {template_id, fields, page}}` of `platform` (settings.*_SUBSCRIBE_TEMPLATES)."""
    if platform == Platform.ALIPAY:
        return settings.ALIPAY_SUBSCRIBE_TEMPLATES
    return settings.WECHAT_SUBSCRIBE_TEMPLATES


def _consents_apply(*, user: User, platform: str, decisions: dict[str, str]) -> list[SubscribeConsent]:
    """Apply {template_id: decision} to the user's consents on `platform` (caller's transaction).

    `accept` allows one more message (capped); `reject` and `filter` change no count; `ban`
    sets the count to 0. Unknown template ids raise `subscribe_template_unknown` before anything
    is written.
    """
    known = {cfg["template_id"] for cfg in _templates(platform).values()}
    unknown = sorted(set(decisions) - known)
    if unknown:
        raise SubscribeTemplateUnknown(
            errors=[
                {"field": "result", "code": "subscribe_template_unknown", "detail": tid} for tid in unknown
            ]
        )
    consents = []
    for template_id, decision in sorted(decisions.items()):
        consent, _created = SubscribeConsent.objects.select_for_update().get_or_create(
            user=user, platform=platform, template_id=template_id, defaults={"last_decision": decision}
        )
        if decision == SubscribeDecision.ACCEPT:
            consent.remaining = min(consent.remaining + 1, MAX_CONSENTS_PER_TEMPLATE)
        elif decision == SubscribeDecision.BAN:
            consent.remaining = 0
        consent.last_decision = decision
        consent.save(update_fields=["remaining", "last_decision", "updated_at"])
        consents.append(consent)
    audit_record(
        action="subscribe.consent",
        actor=user,
        obj=user,
        detail={"platform": platform, "decisions": {k: str(v) for k, v in decisions.items()}},
    )
    return consents


@transaction.atomic
def subscribe_consent_record(*, user: User, results: dict[str, str]) -> list[SubscribeConsent]:
    """Record the result of `wx.requestSubscribeMessage` ({template_id: decision}).

    `accept` allows one more message (one-time subscription); `reject` and `filter` change no
    count; `ban` sets the count to 0. `errMsg` is ignored. Errors: `subscribe_template_unknown`
    (400) for a template id that is not configured — nothing is recorded then.
    """
    decisions = {tid: d for tid, d in results.items() if tid != "errMsg"}
    return _consents_apply(user=user, platform=Platform.WECHAT, decisions=decisions)


@transaction.atomic
def alipay_subscribe_consent_record(
    *, user: User, subscribed: list[str], unsubscribed: list[str], keep: bool = False, refuse: bool = False
) -> list[SubscribeConsent]:
    """Record the success result of `my.requestSubscribeMessage({entityIds})`.

    Every id in `result.subscribedEntityIds` is an accept (one more message); an id in
    `result.unsubscribedEntityIds` is a reject — or a ban when the user ticked "keep this
    choice, do not ask again" (`keep`, one-time templates) or "refuse, do not ask again"
    (`refuse`, long-term templates): Alipay will not show the panel again, so nothing may be
    sent until they change it. Errors: `subscribe_template_unknown` (400), nothing recorded.
    """
    refused = SubscribeDecision.BAN if (keep or refuse) else SubscribeDecision.REJECT
    decisions: dict[str, str] = dict.fromkeys(unsubscribed, refused)
    decisions.update(dict.fromkeys(subscribed, SubscribeDecision.ACCEPT))
    return _consents_apply(user=user, platform=Platform.ALIPAY, decisions=decisions)


@dataclass(frozen=True)
class SendResult:
    """What `subscribe_message_send` did.

    `reason`: `sent`; not sent and no consent spent: `unknown_template`, `no_wechat_login`,
    `no_alipay_login`, `missing_data`, `no_consent`, `banned`; sent to the platform but refused:
    `user_refused` (WeChat 43101: consents cleared), `template_data_invalid` (WeChat 47003,
    Alipay 40004 `USER_KEYWORD_LENGTH_ERROR`…), `provider_error`, `rate_limited`,
    `provider_unavailable` (consent given back); `response_invalid` (Alipay's answer failed
    signature verification: whether the message went out is unknown, so the consent stays
    spent and nothing is retried). `retryable` says whether trying later may work. `platform`
    is where it was sent (`wechat` | `alipay`); `errcode`/`sub_code` are the platform's.
    """

    sent: bool
    reason: str
    retryable: bool = False
    msgid: str = ""
    errcode: int | None = None
    platform: str = Platform.WECHAT
    sub_code: str = ""


_LIMITS = {"thing": 20, "phrase": 5, "name": 10, "character_string": 32, "number": 32, "letter": 32}
# Alipay 40004 sub_codes that mean our data does not fit the template (not worth a retry).
_ALIPAY_DATA_ERRORS = frozenset({"USER_KEYWORD_LENGTH_ERROR", "USER_KEYWORD_ILLEGAL", "USER_DATA_ILLEGAL"})


def _display(value: Any, *, amount: bool) -> str:
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if amount and isinstance(value, int):
        return f"{value / 100:.2f}元"  # amounts arrive in fen
    return str(value)


def _field_value(field: str, value: Any) -> str:
    """A WeChat field value: formatted by the field's kind (`thing1` → thing) and cut to its limit."""
    kind = field.rstrip("0123456789")
    text = _display(value, amount=kind == "amount")
    limit = _LIMITS.get(kind)
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def _alipay_value(key: str, value: Any) -> str:
    """An Alipay keyword value: Alipay keywords carry no kind, so our data key decides (`amount`
    and `*_fen` are fen). Not cut: a value over Alipay's 50 characters is refused, not mangled."""
    return _display(value, amount=key == "amount" or key.endswith("_fen"))


def _consents(user: User, platform: str, template_id: str) -> Any:
    return SubscribeConsent.objects.filter(user=user, platform=platform, template_id=template_id)


def _consent_spend(user: User, platform: str, template_id: str) -> str:
    """Spend one consent atomically (no two sends share one): '' when spent, else why not."""
    consents = _consents(user, platform, template_id)
    if consents.filter(remaining__gt=0).update(remaining=F("remaining") - 1):
        return ""
    return "banned" if consents.filter(last_decision=SubscribeDecision.BAN).exists() else "no_consent"


def _consent_give_back(user: User, platform: str, template_id: str) -> None:
    _consents(user, platform, template_id).update(remaining=F("remaining") + 1)


def subscribe_platform_for(*, user: User, template_key: str) -> str:
    """The mini-program to reach `user` on: the one they logged in with (WeChat or Alipay
    identity); with both, the one holding an unspent consent for the template, else WeChat."""
    on_wechat = bool(selectors.wechat_openid_for(user=user))
    on_alipay = bool(selectors.alipay_subject_for(user=user))
    if on_wechat and on_alipay:
        for platform in (Platform.WECHAT, Platform.ALIPAY):
            config = _templates(platform).get(template_key)
            if config and _consents(user, platform, config["template_id"]).filter(remaining__gt=0).exists():
                return platform
        return Platform.WECHAT
    return Platform.ALIPAY if on_alipay else Platform.WECHAT


def subscribe_message_send(
    *,
    user: User,
    template_key: str,
    data: dict[str, Any],
    page: str | None = None,
    platform: str | None = None,
) -> SendResult:
    """Send one subscribe message of `template_key` to `user`, spending one consent.

    For the notifications feature. `platform` (`wechat` | `alipay`) defaults to the one the
    resident uses (`subscribe_platform_for`). Template id and field mapping come from
    `settings.WECHAT_SUBSCRIBE_TEMPLATES` / `settings.ALIPAY_SUBSCRIBE_TEMPLATES[template_key]`
    (`fields`: platform field → key of `data`; amounts in fen, datetimes formatted in
    Asia/Shanghai). Without a consent nothing is sent. The consent is spent atomically before
    the call and given back when the platform did not take the message. Never raises for
    provider failures; every attempt is recorded as a `SubscribeMessage` row. Call it outside a
    transaction (after commit).
    """
    chosen = platform or subscribe_platform_for(user=user, template_key=template_key)
    if chosen == Platform.ALIPAY:
        return _alipay_send(user=user, template_key=template_key, data=data, page=page)
    return _wechat_send(user=user, template_key=template_key, data=data, page=page)


def _wechat_send(*, user: User, template_key: str, data: dict[str, Any], page: str | None) -> SendResult:
    config = _templates(Platform.WECHAT).get(template_key)
    if config is None:
        return _record(user, template_key, "", SendResult(sent=False, reason="unknown_template"))
    template_id = config["template_id"]
    openid = selectors.wechat_openid_for(user=user)
    if not openid:
        return _record(user, template_key, template_id, SendResult(sent=False, reason="no_wechat_login"))
    try:
        payload = {
            field: {"value": _field_value(field, data[key])} for field, key in config["fields"].items()
        }
    except KeyError:
        return _record(user, template_key, template_id, SendResult(sent=False, reason="missing_data"))
    refusal = _consent_spend(user, Platform.WECHAT, template_id)
    if refusal:
        return _record(user, template_key, template_id, SendResult(sent=False, reason=refusal))
    try:
        answer = wechat_client().wxa.send_subscribe_message(
            openid,
            template_id,
            payload,
            page=page or config.get("page"),
            miniprogram_state=settings.WECHAT_SUBSCRIBE_MINIPROGRAM_STATE,
            lang="zh_CN",
        )
    except WeChatClientException as exc:
        if exc.errcode == WX_USER_REFUSED:
            _consents(user, Platform.WECHAT, template_id).update(remaining=0)
            result = SendResult(sent=False, reason="user_refused", errcode=exc.errcode)
        else:
            _consent_give_back(user, Platform.WECHAT, template_id)
            reason = {WX_TEMPLATE_DATA_INVALID: "template_data_invalid", WX_RATE_LIMITED: "rate_limited"}.get(
                exc.errcode, "provider_error"
            )
            result = SendResult(
                sent=False, reason=reason, retryable=exc.errcode in (WX_RATE_LIMITED, -1), errcode=exc.errcode
            )
        return _record(user, template_key, template_id, result)
    except WeChatTransportError:
        _consent_give_back(user, Platform.WECHAT, template_id)
        return _record(
            user,
            template_key,
            template_id,
            SendResult(sent=False, reason="provider_unavailable", retryable=True),
        )
    result = SendResult(sent=True, reason="sent", msgid=str(answer.get("msgid", "")))
    return _record(user, template_key, template_id, result)


def _alipay_send(*, user: User, template_key: str, data: dict[str, Any], page: str | None) -> SendResult:
    def done(template_id: str, **outcome: Any) -> SendResult:
        return _record(user, template_key, template_id, SendResult(platform=Platform.ALIPAY, **outcome))

    config = _templates(Platform.ALIPAY).get(template_key)
    if config is None:
        return done("", sent=False, reason="unknown_template")
    template_id = config["template_id"]
    subject = selectors.alipay_subject_for(user=user)
    if not subject:
        return done(template_id, sent=False, reason="no_alipay_login")
    try:
        payload = {
            keyword: {"value": _alipay_value(key, data[key])} for keyword, key in config["fields"].items()
        }
    except KeyError:
        return done(template_id, sent=False, reason="missing_data")
    refusal = _consent_spend(user, Platform.ALIPAY, template_id)
    if refusal:
        return done(template_id, sent=False, reason=refusal)
    answer = alipay_client.template_message_send(
        subject=subject, template_id=template_id, data=payload, page=page or config.get("page", "")
    )
    if answer.ok:
        return done(template_id, sent=True, reason="sent")
    if answer.failure == "unverified":
        # Alipay may have delivered it: spending the consent is the safe side of a doubt.
        return done(template_id, sent=False, reason="response_invalid")
    _consent_give_back(user, Platform.ALIPAY, template_id)
    if answer.failure == "unreachable":
        return done(template_id, sent=False, reason="provider_unavailable", retryable=True)
    errcode = int(answer.code) if answer.code.isdigit() else None
    if answer.code == "20000":
        reason, retryable = "provider_unavailable", True
    elif answer.sub_code in _ALIPAY_DATA_ERRORS:
        reason, retryable = "template_data_invalid", False
    else:
        reason, retryable = "provider_error", False
    logger.warning("alipay: template message %s refused: %s %s", template_key, answer.code, answer.sub_code)
    return done(
        template_id, sent=False, reason=reason, retryable=retryable, errcode=errcode, sub_code=answer.sub_code
    )


_FAILED_WITHOUT_CODE = frozenset({"provider_unavailable", "response_invalid"})


def _record(user: User, template_key: str, template_id: str, result: SendResult) -> SendResult:
    if result.sent:
        status = SendStatus.SENT
    elif result.errcode is not None or result.reason in _FAILED_WITHOUT_CODE:
        status = SendStatus.FAILED
    else:
        status = SendStatus.NOT_SENT
    SubscribeMessage.objects.create(
        user=user,
        platform=result.platform,
        template_key=template_key[:64],
        template_id=template_id,
        status=status,
        reason=result.reason,
        errcode=result.errcode,
        msgid=result.msgid,
    )
    return result


# --- account merge ----------------------------------------------------------------------------


def merge_bridge_rows(*, keep: User, absorb: User) -> None:
    """Merge handler (backend/accounts/merge.py): sessions, consents and sent messages move.

    Consents for the same template add up (capped like any consent count).
    """
    WeChatSession.objects.filter(user=absorb).update(user=keep)
    SubscribeMessage.objects.filter(user=absorb).update(user=keep)
    for consent in SubscribeConsent.objects.select_for_update().filter(user=absorb):
        kept = (
            SubscribeConsent.objects.select_for_update()
            .filter(user=keep, platform=consent.platform, template_id=consent.template_id)
            .first()
        )
        if kept is None:
            SubscribeConsent.objects.filter(pk=consent.pk).update(user=keep)
            continue
        kept.remaining = min(kept.remaining + consent.remaining, MAX_CONSENTS_PER_TEMPLATE)
        kept.save(update_fields=["remaining", "updated_at"])
        consent.delete()
