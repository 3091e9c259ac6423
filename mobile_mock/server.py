"""One WSGI app that hosts every fake provider, each under its own path prefix.

Run on its own port (`python -m mobile_mock --port 8001`) or in a thread inside tests
(`serve_in_thread`). The backend's real SDKs reach it over HTTP; base URLs are settings.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from werkzeug.serving import make_server
from werkzeug.wrappers import Response

from mobile_mock.alipay_gateway import GatewayApp
from mobile_mock.alipay_trade import AlipayTradeApp
from mobile_mock.bills import install as install_bills
from mobile_mock.console import ConsoleApp
from mobile_mock.h5 import H5App
from mobile_mock.rating import RatingApp
from mobile_mock.realname import RealNameApp
from mobile_mock.tencent_sms import TencentSmsApp
from mobile_mock.twilio import TwilioApp
from mobile_mock.wechat import WeChatApp
from mobile_mock.wechatpay import WechatPayApp, WechatPayKeys, cached_keys


@dataclass
class MockConfig:
    realname_secret: str
    # WeChat mini-program (mobile_mock/wechat.py) and Alipay gateway (mobile_mock/alipay_gateway.py).
    wechat_appid: str = "wxsandbox00000001"
    wechat_secret: str = "sandbox-wechat-secret"
    alipay_app_id: str = "2021000000000001"
    alipay_app_public_key: str = ""  # the app's RSA2 public key, to verify requests
    alipay_private_key: str = ""  # the fake's own RSA2 key; generated when empty
    alipay_aes_key: str = ""  # the app's AES key (my.getPhoneNumber)
    # SMS providers (mobile_mock/twilio.py, mobile_mock/tencent_sms.py).
    twilio_account_sid: str = "AC" + "0" * 32
    twilio_auth_token: str = "sandbox-twilio-token"
    tencent_secret_id: str = "AKIDsandbox"
    tencent_secret_key: str = "sandbox-tencent-key"
    # WeChat Pay v3 (mobile_mock/wechatpay.py): merchant + platform keys; generated when None.
    wechatpay_keys: WechatPayKeys | None = None
    # Provincial rating system (mobile_mock/rating.py): HMAC secret of forwarded ratings.
    rating_secret: str = "sandbox-rating-secret"
    # The backend the H5 demo page (mobile_mock/h5/) calls; it must list our origin in CORS_ALLOWED_ORIGINS.
    backend_url: str = "http://127.0.0.1:8000"


class MockProviders:
    """Dispatches by path prefix to the fake providers."""

    def __init__(self, config: MockConfig) -> None:
        self.realname = RealNameApp(config.realname_secret)
        self.wechat = WeChatApp(config.wechat_appid, config.wechat_secret)
        self.alipay = GatewayApp(
            app_id=config.alipay_app_id,
            app_public_key=config.alipay_app_public_key,
            private_key=config.alipay_private_key,
            aes_key=config.alipay_aes_key,
        )
        self.twilio = TwilioApp(config.twilio_account_sid, config.twilio_auth_token)
        self.tencent_sms = TencentSmsApp(config.tencent_secret_id, config.tencent_secret_key)
        self.wechatpay = WechatPayApp(config.wechatpay_keys or cached_keys())
        # Alipay trades (mobile_mock/alipay_trade.py) are gateway methods plus their controls.
        self.alipay_trades = AlipayTradeApp(self.alipay)
        # Bill files in the real formats (mobile_mock/bills.py) from both fakes' records.
        install_bills(self)
        self.rating = RatingApp(config.rating_secret)
        self.apps = [
            self.realname,
            self.rating,
            self.wechatpay,
            self.wechat,
            self.alipay_trades,
            self.twilio,
            self.tencent_sms,
            # The developer's pages: the sandbox console and the H5 demo app.
            ConsoleApp(self),
            H5App(config.backend_url),
        ]

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "")
        for app in self.apps:
            if app.handles(path):
                return app(environ, start_response)
        return Response("not found", status=404)(environ, start_response)


@dataclass
class RunningMock:
    app: MockProviders
    base_url: str


@contextmanager
def serve_in_thread(config: MockConfig, host: str = "127.0.0.1", port: int = 0) -> Iterator[RunningMock]:
    """Serve the fakes on a loopback port in a background thread for the duration of the block."""
    app = MockProviders(config)
    server = make_server(host, port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="mobile-mock", daemon=True)
    thread.start()
    try:
        yield RunningMock(app=app, base_url=f"http://{host}:{server.server_port}")
    finally:
        server.shutdown()
        thread.join(timeout=5)
