"""The SMS message the base hands to whatever `settings.SMS_BACKEND` names.

The backends themselves live in `notifications/` (above the base); the base only builds a
message and calls the configured backend, the way Django's `EMAIL_BACKEND` works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class SmsMessage:
    to: str  # E.164
    template: str  # e.g. "login_code"
    params: dict[str, str] = field(default_factory=dict)
    text: str = ""  # the rendered text, for providers that take free text


class SmsBackend(Protocol):
    def send(self, message: SmsMessage) -> str: ...


def get_sms_backend() -> SmsBackend:
    return import_string(settings.SMS_BACKEND)()
