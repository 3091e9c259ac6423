"""A thin wechatpy `WeChatClient` for one mini-program, with the pitfalls of 1.8.18 fixed.

shared/PROTOCOLS.md §1 lists them; this subclass:

- fetches the access token through `POST cgi-bin/stable_token` (not the hard-coded
  `https://api.weixin.qq.com/cgi-bin/token`), under the base URL from settings;
- does not fetch a token at all for `sns/jscode2session`, which needs none;
- adds the phone-number call (`wxa/business/getuserphonenumber`) and `miniprogram_state` /
  `lang` to `subscribeMessage.send`;
- keeps the token in Django's cache (Redis when configured, so every process shares it) and
  refreshes it before expiry **by one process at a time**: a lock taken with `cache.add`
  (Redis `SET NX` with a TTL) — the others keep using the still-valid token or wait for the
  new one, so N callers after expiry cause one refresh;
- on an invalid-credential answer (40001/40014/42001) refreshes once (unless someone already
  did) and retries the call once;
- bounds every HTTP call with `WECHAT_TIMEOUT` and turns transport failures (timeout,
  connection refused, HTTP 5xx, garbage) into `WeChatTransportError`.
"""

from __future__ import annotations

import logging
import time
import uuid
from typing import Any

import requests
from django.conf import settings
from django.core.cache import cache
from optionaldict import optionaldict
from wechatpy import WeChatClient
from wechatpy.client.api import WeChatWxa
from wechatpy.exceptions import WeChatClientException

from miniprogram_bridge.constants import WX_TOKEN_ERRCODES

logger = logging.getLogger(__name__)

# Refresh this long before the token expires (WeChat keeps old and new valid 5 minutes).
REFRESH_MARGIN_SECONDS = 300
LOCK_TTL_SECONDS = 15
WAIT_POLL_SECONDS = 0.05


class WeChatTransportError(Exception):
    """WeChat could not be reached or answered with something that is not an API answer."""


class MiniProgramWxa(WeChatWxa):
    """`client.wxa` with the calls 1.8.18 lacks or gets wrong."""

    def code_to_session(self, js_code: str) -> dict[str, Any]:
        """`sns/jscode2session` — needs appid + secret, no access token."""
        return self._get(
            "sns/jscode2session",
            params={
                "appid": self.appid,
                "secret": self.secret,
                "js_code": js_code,
                "grant_type": "authorization_code",
            },
            with_token=False,
        )

    def get_phone_number(self, code: str, openid: str | None = None) -> dict[str, Any]:
        """`wxa/business/getuserphonenumber` — the code from `<button open-type="getPhoneNumber">`."""
        return self._post("wxa/business/getuserphonenumber", data=optionaldict(code=code, openid=openid))

    def send_subscribe_message(  # type: ignore[override]
        self,
        user_id: str,
        template_id: str,
        data: dict[str, Any],
        page: str | None = None,
        miniprogram_state: str | None = None,
        lang: str | None = None,
    ) -> dict[str, Any]:
        return self._post(
            "cgi-bin/message/subscribe/send",
            data=optionaldict(
                touser=user_id,
                template_id=template_id,
                page=page,
                data=data,
                miniprogram_state=miniprogram_state,
                lang=lang,
            ),
        )


class MiniProgramClient(WeChatClient):
    wxa = MiniProgramWxa()

    def __init__(self, appid: str, secret: str, *, base_url: str, timeout: float) -> None:
        super().__init__(appid, secret, timeout=timeout, auto_retry=False)
        base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.base_url = base_url
        self.API_BASE_URL = f"{base_url}cgi-bin/"
        self.wxa.API_BASE_URL = base_url
        self.token_refreshes = 0  # by this client object; for logs and tests

    # --- the access token ---------------------------------------------------------------

    @property
    def _token_key(self) -> str:
        return f"zb:wechat:access_token:{self.appid}"

    @property
    def _lock_key(self) -> str:
        return f"zb:wechat:access_token_lock:{self.appid}"

    def _cached(self) -> dict[str, Any] | None:
        value = cache.get(self._token_key)
        return value if isinstance(value, dict) and value.get("token") else None

    @property
    def access_token(self) -> str:  # type: ignore[override]
        """A valid token: the cached one, or one refreshed by exactly one caller."""
        entry = self._cached()
        if entry and entry["expires_at"] - time.time() > REFRESH_MARGIN_SECONDS:
            return entry["token"]
        return self._refresh(stale=entry["token"] if entry else None, current=entry)

    def _refresh(self, *, stale: str | None, current: dict[str, Any] | None) -> str:
        """Refresh under the lock; callers that lose the race use the winner's token.

        `stale` is the token the caller considers unusable: a token other than it in the cache
        means someone else has already refreshed.
        """
        deadline = time.monotonic() + (self.timeout or 3) + 2
        while True:
            owner = uuid.uuid4().hex
            if cache.add(self._lock_key, owner, timeout=LOCK_TTL_SECONDS):
                try:
                    entry = self._cached()
                    fresh = entry and entry["token"] != stale
                    fresh = fresh and entry["expires_at"] - time.time() > REFRESH_MARGIN_SECONDS
                    if fresh:
                        return entry["token"]
                    return self.fetch_access_token()["access_token"]
                finally:
                    if cache.get(self._lock_key) == owner:
                        cache.delete(self._lock_key)
            # Someone else is refreshing. A token that has not expired yet still works.
            entry = self._cached()
            if entry and entry["token"] != stale:
                return entry["token"]
            if current and current["token"] != stale and current["expires_at"] > time.time():
                return current["token"]
            if time.monotonic() > deadline:
                raise WeChatTransportError("timed out waiting for another process to refresh the token")
            time.sleep(WAIT_POLL_SECONDS)

    def fetch_access_token(self) -> dict[str, Any]:
        """`POST cgi-bin/stable_token` (normal mode) and cache the answer for its lifetime."""
        logger.info("wechat: fetching a stable access token for %s", self.appid)
        try:
            res = self._http.post(
                f"{self.API_BASE_URL}stable_token",
                json={
                    "grant_type": "client_credential",
                    "appid": self.appid,
                    "secret": self.secret,
                    "force_refresh": False,
                },
                timeout=self.timeout,
            )
            res.raise_for_status()
            result = res.json()
        except (requests.RequestException, ValueError) as exc:
            raise WeChatTransportError(f"stable_token: {exc.__class__.__name__}") from exc
        if int(result.get("errcode", 0) or 0) != 0 or not result.get("access_token"):
            raise WeChatClientException(result.get("errcode"), result.get("errmsg"), client=self)
        expires_in = int(result.get("expires_in", 7200))
        cache.set(
            self._token_key,
            {"token": result["access_token"], "expires_at": time.time() + expires_in},
            timeout=expires_in,
        )
        self.expires_at = int(time.time()) + expires_in
        self.token_refreshes += 1
        return result

    def token_rejected(self, token: str) -> str:
        """WeChat said `token` is invalid: refresh once (unless done already) and return the new one."""
        return self._refresh(stale=token, current=None)

    # --- requests -------------------------------------------------------------------------

    def _request(self, method: str, url_or_endpoint: str, **kwargs: Any) -> Any:
        with_token = kwargs.pop("with_token", True)
        token: str | None = None
        for attempt in (1, 2):
            params = dict(kwargs.get("params") or {})
            if with_token:
                token = self.token_rejected(token) if attempt == 2 and token else self.access_token
                params["access_token"] = token
            else:
                # wechatpy appends a token when the key is missing (fetching one first, the 1.8.18
                # pitfall); None keeps the key while requests leaves it off the wire.
                params["access_token"] = None
            try:
                return self._send(method, url_or_endpoint, **{**kwargs, "params": params})
            except WeChatClientException as exc:
                if attempt == 1 and with_token and exc.errcode in WX_TOKEN_ERRCODES:
                    logger.info("wechat: token rejected (%s); refreshing once and retrying", exc.errcode)
                    continue
                raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _send(self, method: str, url_or_endpoint: str, **kwargs: Any) -> Any:
        try:
            result = super()._request(method, url_or_endpoint, **kwargs)
        except WeChatClientException as exc:
            if exc.errcode is None:  # HTTP error status
                raise WeChatTransportError(f"HTTP {getattr(exc.response, 'status_code', '?')}") from exc
            raise
        except requests.RequestException as exc:
            raise WeChatTransportError(exc.__class__.__name__) from exc
        if not isinstance(result, dict):
            raise WeChatTransportError("the answer is not JSON")
        return result


def wechat_client() -> MiniProgramClient:
    """The client of the configured mini-program (`WECHAT_*` settings)."""
    return MiniProgramClient(
        settings.WECHAT_MINIAPP_APPID,
        settings.WECHAT_MINIAPP_SECRET,
        base_url=settings.WECHAT_API_BASE_URL,
        timeout=settings.WECHAT_TIMEOUT,
    )
