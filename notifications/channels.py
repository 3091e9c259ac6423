"""The channels an outbox row can go out on: SMS, subscribe message, e-mail.

Each sender raises `ChannelError` with `retryable` set the way GOV.UK Notify's clients do:
a 5xx or a timeout is worth another try, an invalid number or a refused template is not.
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage

from backend.core.sms import SmsMessage, get_sms_backend
from notifications.constants import Channel
from notifications.models import EventRoute, Message
from notifications.sms import SmsSendError


class ChannelError(Exception):
    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


@dataclass(frozen=True)
class SendResult:
    provider: str
    provider_message_id: str
    delivered: bool = False  # True when handing over is delivery (no receipt will come)


def send_via_channel(message: Message) -> SendResult:
    sender = _SENDERS.get(message.channel)
    if sender is None:
        raise ChannelError(f"no sender for channel {message.channel}", retryable=False)
    return sender(message)


def _send_sms(message: Message) -> SendResult:
    phone = message.recipient.phone
    if not phone:
        raise ChannelError("the resident has no phone number", retryable=False)
    backend = get_sms_backend()
    sms = SmsMessage(
        to=phone,
        template=message.event,
        params={**message.params, "_language": message.language},
        text=message.body,
    )
    # Providers that report delivery by callback get the row's id to find it again.
    set_reference = getattr(backend, "set_reference", None)
    if set_reference:
        set_reference(str(message.pk))
    try:
        provider_id = backend.send(sms)
    except SmsSendError as exc:
        raise ChannelError(str(exc), retryable=exc.retryable) from exc
    provider = getattr(backend, "provider_name", type(backend).__name__)
    # Console and in-memory backends have no receipts: handing over is all there is.
    return SendResult(
        provider=provider, provider_message_id=provider_id, delivered=not hasattr(backend, "receipts")
    )


# Why the bridge did not send, when only an SMS can still reach the resident.
_NO_CONSENT = frozenset({"no_consent", "banned", "user_refused", "no_wechat_login", "no_alipay_login"})


def _send_subscribe(message: Message) -> SendResult:
    route = EventRoute.objects.filter(event=message.event).first()
    if route is None or not route.subscribe_template_key:
        raise ChannelError("no subscribe-message template for this event", retryable=False)
    from miniprogram_bridge.services import subscribe_message_send

    params = message.params
    data: dict[str, Any] = {
        # What the bridge's templates ask for (settings.WECHAT_SUBSCRIBE_TEMPLATES).
        "status": message.title,
        "remark": message.body,
        "updated_at": message.created_at,
        "issued_at": message.created_at,
        "bill_name": params.get("bill_name") or params.get("service_name", ""),
        "amount": params.get("amount_fen", 0),
        "due_at": params.get("due_at", ""),
        **params,
    }
    result = subscribe_message_send(
        user=message.recipient, template_key=route.subscribe_template_key, data=data, page=route.page or None
    )
    if not result.sent:
        if result.reason in _NO_CONSENT and route.matters:
            from notifications.services import sms_fallback

            sms_fallback(message=message)
        raise ChannelError(f"subscribe message not sent: {result.reason}", retryable=result.retryable)
    return SendResult(
        provider=f"{result.platform}_subscribe", provider_message_id=result.msgid, delivered=True
    )


def _send_email(message: Message) -> SendResult:
    address = message.recipient.email
    if not address:
        raise ChannelError("the resident has no e-mail address", retryable=False)
    email = EmailMessage(
        subject=message.title,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[address],
        headers={"X-Zhangban-Message": str(message.pk)},
    )
    try:
        email.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as exc:
        raise ChannelError(f"recipient refused: {exc}", retryable=False) from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise ChannelError(f"e-mail: {exc}", retryable=True) from exc
    return SendResult(provider="email", provider_message_id=f"email-{message.pk}", delivered=False)


_SENDERS = {
    Channel.SMS.value: _send_sms,
    Channel.SUBSCRIBE.value: _send_subscribe,
    Channel.EMAIL.value: _send_email,
}
