"""Routing rules: which channels an event goes to, quiet hours, templates and SMS length.

The rules are data (`EventRoute`, `MessageTemplate`, seeded by a migration); this module only
reads them. Every event gets the inbox and the websocket stream. Then, for a resident:
a subscribe message when the route names a template and the resident consented to it; else an
SMS when the event matters; and an e-mail when the route asks for one and an address exists.

The rules are a few hundred rows read on every `notify` (inside callers' locked transactions,
e.g. a payment callback), so each process keeps one snapshot of them, loaded in two queries.
A save or delete through the ORM drops this process's snapshot at once (and again after its
commit); other processes reload theirs within `NOTIFY_RULES_CACHE_SECONDS`.
"""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from time import monotonic
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from notifications.constants import Channel
from notifications.models import EventRoute, MessageTemplate

SHANGHAI = ZoneInfo("Asia/Shanghai")
DEFAULT_LANGUAGE = "zh-hans"


@dataclass(frozen=True)
class Rendered:
    title: str
    body: str
    template_code: str = ""


@dataclass(frozen=True)
class RoutingRules:
    """One snapshot of every route and template (read-only: shared by the process's threads)."""

    routes: dict[str, EventRoute]
    templates: dict[tuple[str, str, str], MessageTemplate]
    loaded_at: float = field(default=0.0, compare=False)

    def route(self, event: str) -> EventRoute | None:
        return self.routes.get(event)

    def template(self, event: str, channel: str, language: str) -> MessageTemplate | None:
        return self.templates.get((event, channel, language))


_rules: RoutingRules | None = None
_rules_lock = threading.Lock()


def rules() -> RoutingRules:
    """This process's snapshot of the routing rules, reloaded when older than the setting."""
    current = _rules
    max_age = settings.NOTIFY_RULES_CACHE_SECONDS
    if current is not None and monotonic() - current.loaded_at < max_age:
        return current
    return _load_rules()


def _load_rules() -> RoutingRules:
    global _rules
    with _rules_lock:
        loaded = RoutingRules(
            routes={r.event: r for r in EventRoute.objects.all()},
            templates={(t.event, t.channel, t.language): t for t in MessageTemplate.objects.all()},
            loaded_at=monotonic(),
        )
        if max(settings.NOTIFY_RULES_CACHE_SECONDS, 0) > 0:
            _rules = loaded
        return loaded


def rules_clear() -> None:
    """Forget this process's snapshot (the next `rules()` reads the tables again)."""
    global _rules
    with _rules_lock:
        _rules = None


def rules_changed(**kwargs: Any) -> None:
    """Signal receiver for saves/deletes of routes and templates: forget the snapshot now and
    after the commit (a load by another thread in between would have read the old rows)."""
    rules_clear()
    transaction.on_commit(rules_clear, using=kwargs.get("using"))


def subscribe_consented(user: Any, template_key: str) -> bool:
    """Whether the resident has an unspent subscribe-message consent for this template.

    Consents are one-time, on WeChat or on Alipay: each accept allows one message; the
    bridge spends it when it sends.
    """
    from miniprogram_bridge.selectors import subscribe_consent_available

    return subscribe_consent_available(user=user, template_key=template_key)


def channels_for(*, route: EventRoute | None, user: Any) -> list[str]:
    """The outbox channels for one event and recipient (the websocket stream is separate)."""
    channels = [Channel.INBOX.value]
    if route is None:
        return channels
    if route.subscribe_template_key and subscribe_consented(user, route.subscribe_template_key):
        channels.append(Channel.SUBSCRIBE.value)
    elif route.matters and user.phone:
        channels.append(Channel.SMS.value)
    if route.mail and user.email:
        channels.append(Channel.EMAIL.value)
    return channels


def quiet_hours_end(now: datetime) -> datetime | None:
    """The end of the quiet hours `now` falls in (08:00 Asia/Shanghai), or None outside them."""
    start = time(settings.NOTIFY_QUIET_START_HOUR)
    end = time(settings.NOTIFY_QUIET_END_HOUR)
    local = now.astimezone(SHANGHAI)
    if start <= local.time() or local.time() < end:
        day = local.date() if local.time() < end else local.date() + timedelta(days=1)
        return datetime.combine(day, end, tzinfo=SHANGHAI)
    return None


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return ""


def template_values(params: dict[str, Any]) -> dict[str, Any]:
    """`params` plus `<name>_yuan` ("12.50") for every integer `<name>_fen`."""
    values = dict(params)
    for key, value in params.items():
        if key.endswith("_fen") and isinstance(value, int) and not isinstance(value, bool):
            values[f"{key[:-4]}_yuan"] = f"{value // 100}.{value % 100:02d}"
    return values


def render(*, event: str, channel: str, language: str, params: dict[str, Any]) -> Rendered:
    """The template of (event, channel, language) with `params` filled in.

    Falls back to the default language, then to the inbox template of the event, then to the
    event name. Money params ending in `_fen` are also offered as `<name>_yuan` ("12.50").
    """
    candidates = [(channel, language), (channel, DEFAULT_LANGUAGE), (Channel.INBOX, language)]
    candidates.append((Channel.INBOX, DEFAULT_LANGUAGE))
    snapshot = rules()
    template = None
    for chan, lang in candidates:
        template = snapshot.template(event, chan, lang)
        if template:
            break
    values = _Missing(template_values(params))
    if template is None:
        return Rendered(title=event, body=event)
    title = template.title.format_map(values)
    body = template.body.format_map(values)
    code = template.provider_template_code if chan == channel else ""
    if channel == Channel.SMS:
        body = sms_fit(body, max_segments=settings.NOTIFY_SMS_MAX_SEGMENTS)
    return Rendered(title=title, body=body, template_code=code)


# --- SMS length ---------------------------------------------------------------------------
# GSM 03.38 basic alphabet (7-bit). Anything else makes the whole text UCS-2: 70 characters in
# one segment, 67 per segment once split (the rest carries the concatenation header).
_GSM7 = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXT = set("^{}\\[~]|€")


def _is_gsm7(text: str) -> bool:
    return all(c in _GSM7 or c in _GSM7_EXT for c in text)


def sms_length_units(text: str) -> tuple[int, int, int]:
    """(units used, units in a single segment, units per segment when split)."""
    if _is_gsm7(text):
        return sum(2 if c in _GSM7_EXT else 1 for c in text), 160, 153
    # UCS-2 counts UTF-16 code units: a character outside the BMP (some emoji) takes two.
    return len(text.encode("utf-16-le")) // 2, 70, 67


def sms_segments(text: str) -> int:
    """How many SMS segments `text` needs (70 Chinese characters fit in one)."""
    used, single, multi = sms_length_units(text)
    if used <= single:
        return 1
    return math.ceil(used / multi)


_WS = re.compile(r"\s+")


def sms_fit(text: str, *, max_segments: int) -> str:
    """`text` cut (with an ellipsis) so that it needs at most `max_segments` segments."""
    text = _WS.sub(" ", text).strip()
    if sms_segments(text) <= max_segments:
        return text
    while text and sms_segments(text + "…") > max_segments:
        text = text[:-1]
    return text + "…"


def now() -> datetime:
    return timezone.now()
