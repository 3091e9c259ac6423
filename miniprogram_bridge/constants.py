"""Platforms, subscribe decisions and the provider error codes the bridge knows."""

from django.db import models


class Platform(models.TextChoices):
    WECHAT = "wechat", "WeChat"
    ALIPAY = "alipay", "Alipay"


class SubscribeDecision(models.TextChoices):
    """What `wx.requestSubscribeMessage` answers per template id."""

    ACCEPT = "accept", "accept"  # one more message may be sent (one-time subscription)
    REJECT = "reject", "reject"  # declined this time; earlier accepts stay usable
    BAN = "ban", "ban"  # the template is banned by the platform or the user: nothing may be sent
    FILTER = "filter", "filter"  # filtered by the platform (same title); nothing changes


class SendStatus(models.TextChoices):
    SENT = "sent", "sent"
    NOT_SENT = "not_sent", "not sent"
    FAILED = "failed", "failed"


# The WeChat identity of a person across mini-programs, official account and app is the
# unionid; it is stored as an identity of provider `wechat` with this subject prefix (an openid
# never contains a colon), so no new provider value is needed.
UNIONID_PREFIX = "unionid:"

# WeChat errcodes (shared/PROTOCOLS.md §1).
WX_SYSTEM_BUSY = -1
WX_INVALID_CODE = 40029
WX_CODE_USED = 40163
WX_RATE_LIMITED = 45011
WX_HIGH_RISK = 40226
WX_TOKEN_ERRCODES = frozenset({40001, 40014, 42001})
WX_USER_REFUSED = 43101
WX_TEMPLATE_DATA_INVALID = 47003
