"""`make run`: the backend (HTTP + websockets, one ASGI process) and the sandbox providers.

The embedded default needs no servers: SQLite, in-memory channel layer, eager Celery,
console e-mail. The fake providers of `mobile_mock/` run beside it on their own loopback
port with fresh keys and secrets for each run, handed to both sides: the identity service,
WeChat and Alipay (login), WeChat Pay and Alipay (payments, `PAYMENT_PROVIDER=live` against
the fakes unless the environment says `sandbox`), Twilio and Tencent SMS (`--sms`; the console
backend by default, so the login code shows in this terminal). Ctrl-C stops both.
`scripts/demo.py` starts the same pair through `start()`.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

SMS_BACKENDS = {
    "console": "notifications.sms.ConsoleSmsBackend",
    "twilio": "notifications.providers.twilio.TwilioSmsBackend",
    "tencent": "notifications.providers.tencent.TencentSmsBackend",
}


@dataclass
class Served:
    """The processes `start()` launched and where they listen."""

    web: subprocess.Popen[bytes]
    mock: subprocess.Popen[bytes]
    base_url: str
    mock_url: str
    # What Celery beat does in production: deliver what waited (rate limit, quiet hours, retries).
    sweeper: subprocess.Popen[bytes] | None = None

    def stop(self, timeout: float = 10) -> None:
        """Terminate all (idempotent), then kill what does not exit within `timeout`."""
        procs = [p for p in (self.web, self.mock, self.sweeper) if p is not None]
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=timeout)


def sandbox_env(
    *, host: str, port: int, mock_port: int, sms: str = "console"
) -> tuple[dict[str, str], dict[str, str]]:
    """The environment of the backend and of the fakes: the same fresh keys on both sides.

    Needs Django set up (it reads the local secrets of `.env` through the settings).
    """
    from django.conf import settings

    from mobile_mock.alipay_gateway import sandbox_keys
    from mobile_mock.alipay_trade import SELLER_ID
    from mobile_mock.wechatpay import WechatPayKeys

    base_url = f"http://{host}:{port}"
    sms_backend = SMS_BACKENDS[sms] if sms != "console" else os.environ.get("SMS_BACKEND", SMS_BACKENDS[sms])
    mock_url = f"http://{host}:{mock_port}"
    alipay = sandbox_keys()
    wechatpay = WechatPayKeys.generate(appid=settings.WECHAT_MINIAPP_APPID)
    env = {
        **os.environ,
        "DEBUG": "1",
        # The H5 demo page and console of the fakes (another origin) call the API and open the websocket.
        "CORS_ALLOWED_ORIGINS": os.environ.get("CORS_ALLOWED_ORIGINS") or mock_url,
        "REAL_NAME_VERIFY_URL": f"{mock_url}/realname/verify",
        "REAL_NAME_APP_SECRET": settings.REAL_NAME_APP_SECRET,
        # Mini-program login (miniprogram_bridge).
        "WECHAT_API_BASE_URL": f"{mock_url}/wechat/",
        "WECHAT_MINIAPP_APPID": settings.WECHAT_MINIAPP_APPID,
        "WECHAT_MINIAPP_SECRET": settings.WECHAT_MINIAPP_SECRET or secrets.token_hex(16),
        "ALIPAY_GATEWAY_URL": f"{mock_url}/alipay/gateway.do",
        "ALIPAY_APP_ID": settings.ALIPAY_APP_ID,
        "ALIPAY_APP_PRIVATE_KEY": alipay.app_private_key,
        "ALIPAY_PUBLIC_KEY": alipay.alipay_public_key,
        "ALIPAY_AES_KEY": alipay.aes_key,
        # Payments: the live adapters against the fake WeChat Pay and Alipay, which call back here.
        "PAYMENT_PROVIDER": os.environ.get("PAYMENT_PROVIDER", "live"),
        "PAYMENTS_NOTIFY_BASE_URL": base_url,
        "WECHATPAY_GATEWAY_URL": f"{mock_url}/wechatpay",
        "WECHATPAY_MCHID": wechatpay.mchid,
        "WECHATPAY_APPID": wechatpay.appid,
        "WECHATPAY_PRIVATE_KEY": wechatpay.merchant_private_key,
        "WECHATPAY_CERT_SERIAL_NO": wechatpay.merchant_serial_no,
        "WECHATPAY_APIV3_KEY": wechatpay.apiv3_key,
        "WECHATPAY_PUBLIC_KEY": wechatpay.platform_public_key,
        "WECHATPAY_PUBLIC_KEY_ID": wechatpay.public_key_id,
        "ALIPAY_PAY_GATEWAY_URL": f"{mock_url}/alipay/gateway.do",
        "ALIPAY_PAY_APP_ID": settings.ALIPAY_APP_ID,
        "ALIPAY_PAY_SELLER_ID": SELLER_ID,
        "ALIPAY_PAY_PRIVATE_KEY": alipay.app_private_key,
        "ALIPAY_PAY_PUBLIC_KEY": alipay.alipay_public_key,
        # SMS: both providers' fakes are wired; `--sms` picks the one that sends.
        "SMS_BACKEND": sms_backend,
        "NOTIFY_PUBLIC_BASE_URL": base_url,
        "TWILIO_API_BASE_URL": f"{mock_url}/twilio",
        "TWILIO_AUTH_TOKEN": secrets.token_hex(16),
        "TENCENT_SMS_ENDPOINT": f"{host}:{mock_port}/tencent-sms",
        "TENCENT_SMS_PROTOCOL": "http",
        "TENCENT_SMS_SECRET_KEY": secrets.token_hex(16),
        # Results: certificate QR codes point here; ratings are forwarded to the fake rating system.
        "CERTIFICATE_PUBLIC_BASE_URL": base_url,
        "EVALUATION_FORWARD_URL": f"{mock_url}/rating/evaluations",
        "EVALUATION_FORWARD_SECRET": secrets.token_hex(16),
    }
    mock_env = {
        **env,
        "MOCK_BACKEND_URL": base_url,
        "MOCK_ALIPAY_APP_PUBLIC_KEY": alipay.app_public_key,
        "MOCK_ALIPAY_PRIVATE_KEY": alipay.alipay_private_key,
        "MOCK_WECHATPAY_KEYS": json.dumps(asdict(wechatpay)),
    }
    return env, mock_env


def start(
    *, host: str, port: int, mock_port: int, sms: str = "console", quiet: bool = False, **popen: Any
) -> Served:
    """Start the fakes and the ASGI backend; `popen` goes to both `subprocess.Popen` calls."""
    env, mock_env = sandbox_env(host=host, port=port, mock_port=mock_port, sms=sms)
    if quiet:
        popen.setdefault("stdout", subprocess.DEVNULL)
        popen.setdefault("stderr", subprocess.DEVNULL)
    mock = subprocess.Popen(
        [sys.executable, "-m", "mobile_mock", "--host", host, "--port", str(mock_port)],
        cwd=ROOT,
        env=mock_env,
        **popen,
    )
    web = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "backend.config.asgi:application",
            "--host",
            host,
            "--port",
            str(port),
            "--lifespan",
            "off",
        ],
        cwd=ROOT,
        env=env,
        **popen,
    )
    # The embedded default has no beat: this loop sends the outbox rows that had to wait.
    sweeper = subprocess.Popen(
        [sys.executable, "manage.py", "outbox_deliver", "--idle-sleep", "2"],
        cwd=ROOT,
        env=env,
        **popen,
    )
    return Served(
        web=web,
        mock=mock,
        base_url=f"http://{host}:{port}",
        mock_url=f"http://{host}:{mock_port}",
        sweeper=sweeper,
    )


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.config.settings")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--mock-port", type=int, default=8001)
    parser.add_argument("--sms", choices=sorted(SMS_BACKENDS), default="console")
    args = parser.parse_args()
    setup_django()

    served = start(host=args.host, port=args.port, mock_port=args.mock_port, sms=args.sms)
    print(f"Zhangban on {served.base_url}/  (API docs: /api/docs/, sandbox providers: {served.mock_url})")
    if args.sms == "console":
        print("SMS codes are printed here by the console SMS backend. Ctrl-C stops everything.")
    else:
        print(f"SMS go to the fake {args.sms} ({served.mock_url}). Ctrl-C stops everything.")

    signal.signal(signal.SIGTERM, lambda *_: served.stop())
    try:
        while served.web.poll() is None and served.mock.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        served.stop()
    return served.web.returncode or 0


if __name__ == "__main__":
    sys.exit(main())
