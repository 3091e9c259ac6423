"""Deploy checks of our own: `manage.py check --deploy` warns about sandbox settings left on."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Warning, register

SANDBOX_SMS_BACKENDS = {"notifications.sms.ConsoleSmsBackend", "notifications.sms.LocmemSmsBackend"}


@register(deploy=True)
def sandbox_settings_in_production(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    """A production deployment must not print login codes or trust an unsigned identity service."""
    problems: list[Warning] = []
    if settings.SMS_BACKEND in SANDBOX_SMS_BACKENDS:
        problems.append(
            Warning(
                "SMS_BACKEND is a development backend: login codes would be printed, not sent.",
                hint="Set SMS_BACKEND to a real provider backend.",
                id="zhangban.W001",
            )
        )
    if not settings.REAL_NAME_APP_SECRET:
        problems.append(
            Warning(
                "REAL_NAME_APP_SECRET is empty: real-name verification cannot be signed.",
                hint="Set REAL_NAME_APP_SECRET from the identity service's credentials.",
                id="zhangban.W002",
            )
        )
    if settings.REAL_NAME_VERIFY_URL.startswith(("http://127.", "http://localhost")):
        problems.append(
            Warning(
                "REAL_NAME_VERIFY_URL points at the loopback sandbox.",
                hint="Point it at the province's identity service (HTTPS).",
                id="zhangban.W003",
            )
        )
    return problems
