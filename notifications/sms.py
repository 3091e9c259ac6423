"""The SMS sender interface and its simplest backends.

The base (`backend.accounts`) reaches these only through the dotted path in
`settings.SMS_BACKEND`, the way Django's `EMAIL_BACKEND` works. The console backend is the
embedded default; the notifications outbox and the real providers (Twilio, a China SMS
provider) plug in behind the same interface.
"""

from __future__ import annotations

import sys
import threading
import uuid
from typing import ClassVar

from backend.core.masking import mask_phone
from backend.core.sms import SmsMessage

__all__ = ["BaseSmsBackend", "ConsoleSmsBackend", "LocmemSmsBackend", "SmsMessage", "SmsSendError"]


class SmsSendError(Exception):
    """The provider did not accept the message (`retryable` says whether to try again)."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


class BaseSmsBackend:
    def send(self, message: SmsMessage) -> str:
        """Hand the message to the provider; return the provider's message id."""
        raise NotImplementedError


class ConsoleSmsBackend(BaseSmsBackend):
    """Prints the message (with the phone masked) to stdout: the embedded default."""

    def send(self, message: SmsMessage) -> str:
        message_id = f"console-{uuid.uuid4().hex[:12]}"
        sys.stdout.write(f"[sms {message_id}] to {mask_phone(message.to)}: {message.text}\n")
        sys.stdout.flush()
        return message_id


class LocmemSmsBackend(BaseSmsBackend):
    """Keeps messages in `LocmemSmsBackend.outbox`, like Django's locmem e-mail backend (tests)."""

    outbox: ClassVar[list[SmsMessage]] = []
    _lock = threading.Lock()

    def send(self, message: SmsMessage) -> str:
        with self._lock:
            self.outbox.append(message)
        return f"locmem-{len(self.outbox)}"
