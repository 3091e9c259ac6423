"""Which websocket clients may connect, judged by their `Origin` header.

Browsers always send `Origin`: it must be one of our hosts, so a foreign page cannot open
a socket in a resident's browser. Native apps and mini-program runtimes may send none; they
are let through, because the socket authenticates every client itself with a JWT or a
one-time ticket (no cookies), so a missing Origin gives an attacker nothing.
"""

from __future__ import annotations

from typing import Any

from channels.security.websocket import OriginValidator
from django.conf import settings


class BrowserOriginValidator(OriginValidator):
    def __init__(self, application: Any) -> None:
        allowed = list(settings.ALLOWED_HOSTS)
        if settings.DEBUG and not allowed:
            allowed = ["localhost", "127.0.0.1", "[::1]"]
        super().__init__(application, allowed)

    def valid_origin(self, parsed_origin: Any) -> bool:
        if parsed_origin is None:
            return True
        return super().valid_origin(parsed_origin)
