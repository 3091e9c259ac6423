"""Reads of the mini-program bridge."""

from __future__ import annotations

from django.conf import settings
from django.db.models import F, Q, QuerySet

from backend.accounts.constants import IdentityProvider
from backend.accounts.models import Identity, User
from miniprogram_bridge.constants import UNIONID_PREFIX, Platform
from miniprogram_bridge.models import SubscribeConsent, WeChatSession


def wechat_openid_for(*, user: User) -> str:
    """The user's openid in the configured mini-program ('' when they never logged in there)."""
    openid = (
        WeChatSession.objects.filter(user=user, appid=settings.WECHAT_MINIAPP_APPID)
        .order_by("-updated_at")
        .values_list("openid", flat=True)
        .first()
    )
    if openid:
        return openid
    link = (
        Identity.objects.filter(user=user, provider=IdentityProvider.WECHAT)
        .exclude(subject__startswith=UNIONID_PREFIX)
        .order_by("-last_login_at")
        .values_list("subject", flat=True)
        .first()
    )
    return link or ""


def alipay_subject_for(*, user: User) -> str:
    """The user's Alipay id (2088… user id, or open_id after the OpenID upgrade); '' if none."""
    return (
        Identity.objects.filter(user=user, provider=IdentityProvider.ALIPAY)
        .order_by(F("last_login_at").desc(nulls_last=True), "-pk")
        .values_list("subject", flat=True)
        .first()
        or ""
    )


def subscribe_consent_list(*, user: User, platform: str = Platform.WECHAT) -> QuerySet[SubscribeConsent]:
    """The resident's own consents (never anyone else's) on `platform`, template by template."""
    return SubscribeConsent.objects.filter(user=user, platform=platform).order_by("template_id")


def subscribe_consent_available(*, user: User, template_key: str) -> bool:
    """Whether `user` holds an unspent consent for `template_key` on WeChat or on Alipay."""
    ids = {
        platform: templates[template_key]["template_id"]
        for platform, templates in (
            (Platform.WECHAT, settings.WECHAT_SUBSCRIBE_TEMPLATES),
            (Platform.ALIPAY, settings.ALIPAY_SUBSCRIBE_TEMPLATES),
        )
        if template_key in templates
    }
    query = Q()
    for platform, template_id in ids.items():
        query |= Q(platform=platform, template_id=template_id)
    return bool(ids) and SubscribeConsent.objects.filter(query, user=user, remaining__gt=0).exists()
