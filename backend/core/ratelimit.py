"""Atomic fixed-window counters over several keys at once, failing closed.

Used where a limit protects something (SMS costs, brute force), so DRF's throttles —
read-then-write on the cache, not atomic — are not enough. `acquire` checks every limit
and, only if all pass, counts the hit in all of them, in one atomic step: a Lua script on
Redis, or row locks on the `RateCounter` table when no Redis is configured. When Redis is
configured but unreachable it raises `ServiceUnavailable`: better no SMS than no limit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

import redis
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from backend.core.errors import ServiceUnavailable
from backend.core.models import RateCounter


@dataclass(frozen=True)
class Limit:
    key: str
    limit: int
    window_seconds: int


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int = 0
    key: str = ""


# KEYS: counter keys; ARGV: limit1, window1, limit2, window2, ...
# Returns {0, key_index, ttl} when a limit is reached, else {1}.
_ACQUIRE_LUA = """
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[2 * i - 1])
  local current = tonumber(redis.call('GET', key) or '0')
  if current >= limit then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then ttl = tonumber(ARGV[2 * i]) * 1000 end
    return {0, i, ttl}
  end
end
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('PEXPIRE', key, tonumber(ARGV[2 * i]) * 1000) end
end
return {1}
"""

# Reset clears counters on success (e.g. the failure count of a staff login).
_RESET_LUA = "for _, key in ipairs(KEYS) do redis.call('DEL', key) end return 1"


@lru_cache(maxsize=4)
def _redis_client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1, retry_on_timeout=False)


def _prefix() -> str:
    return settings.RATE_LIMIT_KEY_PREFIX


def _unavailable() -> ServiceUnavailable:
    return ServiceUnavailable(
        _("Rate limiting is unavailable, so the request was refused. Please try again later."),
        code="rate_limit_unavailable",
    )


class RedisLimiter:
    def __init__(self, url: str) -> None:
        self.client = _redis_client(url)

    def acquire(self, limits: list[Limit]) -> Decision:
        try:
            result = self.client.eval(
                _ACQUIRE_LUA,
                len(limits),
                *[f"{_prefix()}{item.key}" for item in limits],
                *[v for item in limits for v in (item.limit, item.window_seconds)],
            )
        except redis.RedisError as exc:
            raise _unavailable() from exc
        if int(result[0]) == 1:
            return Decision(True)
        index, ttl_ms = int(result[1]) - 1, int(result[2])
        return Decision(False, retry_after=max(1, math.ceil(ttl_ms / 1000)), key=limits[index].key)

    def peek(self, limit: Limit) -> Decision:
        try:
            pipe = self.client.pipeline()
            pipe.get(f"{_prefix()}{limit.key}")
            pipe.pttl(f"{_prefix()}{limit.key}")
            current, ttl_ms = pipe.execute()
        except redis.RedisError as exc:
            raise _unavailable() from exc
        if int(current or 0) >= limit.limit:
            return Decision(False, retry_after=max(1, math.ceil(max(ttl_ms, 1000) / 1000)), key=limit.key)
        return Decision(True)

    def reset(self, keys: list[str]) -> None:
        try:
            self.client.eval(_RESET_LUA, len(keys), *[f"{_prefix()}{k}" for k in keys])
        except redis.RedisError as exc:
            raise _unavailable() from exc


class DatabaseLimiter:
    def acquire(self, limits: list[Limit]) -> Decision:
        now = timezone.now()
        with transaction.atomic():
            rows = self._locked_rows([item.key for item in limits], now)
            for item in limits:
                row = rows[item.key]
                if row.window_started_at + timedelta(seconds=item.window_seconds) <= now:
                    row.window_started_at, row.count = now, 0
                if row.count >= item.limit:
                    end = row.window_started_at + timedelta(seconds=item.window_seconds)
                    return Decision(
                        False, retry_after=max(1, math.ceil((end - now).total_seconds())), key=item.key
                    )
            for item in limits:
                row = rows[item.key]
                row.count += 1
                row.save(update_fields=["window_started_at", "count"])
        return Decision(True)

    def peek(self, limit: Limit) -> Decision:
        now = timezone.now()
        row = RateCounter.objects.filter(key=limit.key).first()
        if row is None or row.window_started_at + timedelta(seconds=limit.window_seconds) <= now:
            return Decision(True)
        if row.count >= limit.limit:
            end = row.window_started_at + timedelta(seconds=limit.window_seconds)
            return Decision(False, retry_after=max(1, math.ceil((end - now).total_seconds())), key=limit.key)
        return Decision(True)

    def reset(self, keys: list[str]) -> None:
        RateCounter.objects.filter(key__in=keys).delete()

    @staticmethod
    def _locked_rows(keys: list[str], now: object) -> dict[str, RateCounter]:
        # Create missing rows first, then lock all in key order (no deadlocks between callers).
        for key in sorted(set(keys)):
            RateCounter.objects.get_or_create(key=key, defaults={"window_started_at": now, "count": 0})
        locked = RateCounter.objects.select_for_update().filter(key__in=keys).order_by("key")
        return {row.key: row for row in locked}


def get_limiter() -> RedisLimiter | DatabaseLimiter:
    url = settings.RATE_LIMIT_REDIS_URL
    return RedisLimiter(url) if url else DatabaseLimiter()
