"""Client address behind the reverse proxy."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's IP: the proxy's `X-Forwarded-For` entry when we sit behind trusted proxies.

    `TRUSTED_PROXY_COUNT` says how many proxies append to the header; without it the socket
    address is used, so a client cannot forge its address to dodge per-IP limits.
    """
    hops = settings.TRUSTED_PROXY_COUNT
    if hops:
        forwarded = [p.strip() for p in request.headers.get("X-Forwarded-For", "").split(",") if p.strip()]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 - a placeholder, not a bind
