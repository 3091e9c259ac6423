"""The bridge's problem codes: every provider failure is an answer, never a 500.

| code | status | when |
| --- | --- | --- |
| `wechat_code_invalid` | 401 | the `wx.login` code is unknown or expired (40029) |
| `wechat_code_used` | 401 | the code was already used (40163) |
| `wechat_login_blocked` | 403 | WeChat flags the user as high risk (40226) |
| `wechat_phone_code_invalid` | 400 | the getPhoneNumber code is unknown, expired or used |
| `wechat_phone_invalid` | 400 | the phone WeChat returned is not a mainland mobile number |
| `wechat_rate_limited` | 429 | WeChat's rate limit (45011); `Retry-After` 60 |
| `wechat_unavailable` | 503 | timeout, connection failure, HTTP 5xx, system busy (-1), other errcodes |
| `alipay_code_invalid` | 401 | the `my.getAuthCode` code is unknown, expired or used (`isv.code-invalid`) |
| `alipay_phone_invalid` | 400 | the `my.getPhoneNumber` response does not verify or decrypt |
| `alipay_unavailable` | 503 | timeout, connection failure, HTTP 5xx, `20000`, other refusals |
| `alipay_response_invalid` | 503 | the gateway's answer does not carry a valid signature: not a login |
| `account_merge_refused` | 409 | the phone belongs to another real-name verified account |
| `phone_bind_conflict` | 409 | a concurrent request bound the same phone first |
| `subscribe_template_unknown` | 400 | a template id that is not configured |
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from backend.core.errors import ApplicationError, RateLimited, ServiceUnavailable


class WeChatCodeInvalid(ApplicationError):
    status = 401
    code = "wechat_code_invalid"
    title = _("The WeChat login code is invalid or has expired. Please call wx.login again.")


class WeChatCodeUsed(ApplicationError):
    status = 401
    code = "wechat_code_used"
    title = _("The WeChat login code has already been used. Please call wx.login again.")


class WeChatLoginBlocked(ApplicationError):
    status = 403
    code = "wechat_login_blocked"
    title = _("WeChat does not allow this account to log in right now.")


class WeChatPhoneCodeInvalid(ApplicationError):
    status = 400
    code = "wechat_phone_code_invalid"
    title = _("The phone number code is invalid, expired or already used. Please ask again.")


class WeChatPhoneInvalid(ApplicationError):
    status = 400
    code = "wechat_phone_invalid"
    title = _("This phone number cannot be bound: a mainland mobile number is needed.")


class WeChatUnavailable(ServiceUnavailable):
    code = "wechat_unavailable"
    title = _("WeChat is temporarily unavailable. Please try again later.")


def wechat_rate_limited() -> RateLimited:
    return RateLimited(
        60,
        _("WeChat is receiving too many requests. Please try again in a minute."),
        code="wechat_rate_limited",
    )


class AlipayCodeInvalid(ApplicationError):
    status = 401
    code = "alipay_code_invalid"
    title = _(
        "The Alipay authorization code is invalid, expired or already used. Please call my.getAuthCode again."
    )


class AlipayPhoneInvalid(ApplicationError):
    status = 400
    code = "alipay_phone_invalid"
    title = _("The phone number response from Alipay could not be verified.")


class AlipayUnavailable(ServiceUnavailable):
    code = "alipay_unavailable"
    title = _("Alipay is temporarily unavailable. Please try again later.")


class AlipayResponseInvalid(ServiceUnavailable):
    code = "alipay_response_invalid"
    title = _("The answer from Alipay could not be verified. Please try again later.")


class SubscribeTemplateUnknown(ApplicationError):
    status = 400
    code = "subscribe_template_unknown"
    title = _("This subscribe-message template is not known.")
