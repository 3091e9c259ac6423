"""Which websocket clients may connect, judged by their `Origin` header.

Browsers always send `Origin`: it must be one of our hosts, or one of the browser origins
allowed to call the API (`CORS_ALLOWED_ORIGINS`, e.g. the H5 page of the sandbox), so a
foreign page cannot open a socket in a resident's browser. Native apps and mini-program
runtimes may send none; they are let through, because the socket authenticates every
client itself with a JWT or a one-time ticket (no cookies), so a missing Origin gives an
attacker nothing.
"""

from __future__ import annotations

from typing import Any

from channels.security.websocket import OriginValidator
from django.conf import settings


def allowed_origins() -> list[str]:
    """Our host names (any scheme and port) plus the exact CORS origins (scheme, host, port)."""
    allowed = list(settings.ALLOWED_HOSTS)
    if settings.DEBUG and not allowed:
        allowed = ["localhost", "127.0.0.1", "[::1]"]
    return allowed + [origin for origin in settings.CORS_ALLOWED_ORIGINS if origin != "*"]


class BrowserOriginValidator(OriginValidator):
    def __init__(self, application: Any) -> None:
        super().__init__(application, allowed_origins())

    def valid_origin(self, parsed_origin: Any) -> bool:
        if parsed_origin is None:
            return True
        # Read per connection (cheap), so the list follows the settings in tests and reloads.
        self.allowed_origins = allowed_origins()
        return super().valid_origin(parsed_origin)
