"""`python -m mobile_mock --port 8001`: serve the fake providers on loopback."""

from __future__ import annotations

import argparse
import json
import os

from werkzeug.serving import run_simple

from mobile_mock.server import MockConfig, MockProviders
from mobile_mock.wechatpay import WechatPayKeys


def _wechatpay_keys() -> WechatPayKeys | None:
    """The merchant and platform keys shared with the backend (`MOCK_WECHATPAY_KEYS`, JSON)."""
    raw = os.environ.get("MOCK_WECHATPAY_KEYS", "")
    return WechatPayKeys(**json.loads(raw)) if raw else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    config = MockConfig(
        realname_secret=os.environ["REAL_NAME_APP_SECRET"],
        # Mini-program fakes: the same appids, secret and keys as the backend (scripts/run_embedded.py).
        wechat_appid=os.environ.get("WECHAT_MINIAPP_APPID", MockConfig.wechat_appid),
        wechat_secret=os.environ.get("WECHAT_MINIAPP_SECRET", MockConfig.wechat_secret),
        alipay_app_id=os.environ.get("ALIPAY_APP_ID", MockConfig.alipay_app_id),
        alipay_app_public_key=os.environ.get("MOCK_ALIPAY_APP_PUBLIC_KEY", ""),
        alipay_private_key=os.environ.get("MOCK_ALIPAY_PRIVATE_KEY", ""),
        alipay_aes_key=os.environ.get("ALIPAY_AES_KEY", ""),
        # SMS, WeChat Pay and rating fakes: the credentials the backend was given (run_embedded.py).
        twilio_account_sid=os.environ.get("TWILIO_ACCOUNT_SID", MockConfig.twilio_account_sid),
        twilio_auth_token=os.environ.get("TWILIO_AUTH_TOKEN") or MockConfig.twilio_auth_token,
        tencent_secret_id=os.environ.get("TENCENT_SMS_SECRET_ID", MockConfig.tencent_secret_id),
        tencent_secret_key=os.environ.get("TENCENT_SMS_SECRET_KEY") or MockConfig.tencent_secret_key,
        wechatpay_keys=_wechatpay_keys(),
        rating_secret=os.environ.get("EVALUATION_FORWARD_SECRET") or MockConfig.rating_secret,
        backend_url=os.environ.get("MOCK_BACKEND_URL", MockConfig.backend_url),
    )
    run_simple(args.host, args.port, MockProviders(config), threaded=True)


if __name__ == "__main__":
    main()
