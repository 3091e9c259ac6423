"""SMS through Twilio's Messages API with the official SDK.

The SDK has no base-URL option; Twilio recommends a custom HTTP client instead
(twilio-python#521), which is what `RebasedTwilioHttpClient` is: production leaves
`TWILIO_API_BASE_URL` at `https://api.twilio.com`, the sandbox points it at mobile_mock.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

import requests
from django.conf import settings
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from backend.core.sms import SmsMessage
from notifications.sms import BaseSmsBackend, SmsSendError

# The SDK logs every request and response at INFO (headers, bodies with phone numbers).
logging.getLogger("twilio.http_client").setLevel(logging.WARNING)

TWILIO_ORIGIN = "https://api.twilio.com"
# Twilio error codes that no retry can fix (invalid or unreachable number, blocked, opted out).
PERMANENT_CODES = frozenset({21211, 21214, 21408, 21610, 21612, 21614, 21617, 30003, 30004, 30005, 30006})


class RebasedTwilioHttpClient(TwilioHttpClient):
    """Sends what the SDK addresses to api.twilio.com to `base_url` instead."""

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        if url.startswith(TWILIO_ORIGIN):
            url = self.base_url + url[len(TWILIO_ORIGIN) :]
        return super().request(method, url, *args, **kwargs)


def twilio_client() -> Client:
    http_client = RebasedTwilioHttpClient(settings.TWILIO_API_BASE_URL, timeout=settings.TWILIO_TIMEOUT)
    return Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN, http_client=http_client)


def status_callback_url(reference: str = "") -> str:
    base = settings.NOTIFY_PUBLIC_BASE_URL.rstrip("/") + "/api/v1/notifications/twilio/status"
    return f"{base}?{urlencode({'m': reference})}" if reference else base


class TwilioSmsBackend(BaseSmsBackend):
    """Sends `message.text`; delivery receipts come to the status-callback endpoint."""

    provider_name = "twilio"
    receipts = True

    def __init__(self) -> None:
        self.reference = ""

    def set_reference(self, reference: str) -> None:
        self.reference = reference

    def send(self, message: SmsMessage) -> str:
        try:
            sent = twilio_client().messages.create(
                to=message.to,
                from_=settings.TWILIO_FROM,
                body=message.text,
                status_callback=status_callback_url(self.reference),
            )
        except TwilioRestException as exc:
            retryable = exc.status >= 500 or exc.status == 429
            if exc.code in PERMANENT_CODES:
                retryable = False
            raise SmsSendError(f"twilio {exc.status} {exc.code}: {exc.msg}", retryable=retryable) from exc
        except requests.RequestException as exc:  # timeout, connection refused: try again
            raise SmsSendError(f"twilio unreachable: {type(exc).__name__}", retryable=True) from exc
        return str(sent.sid)
