"""`make run`: the backend (HTTP + websockets, one ASGI process) and the sandbox providers.

The embedded default needs no servers: SQLite, in-memory channel layer, eager Celery,
console SMS and e-mail. The fake providers of `mobile_mock/` run beside it on their own
loopback port, and the backend's settings point at them. Ctrl-C stops both.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--mock-port", type=int, default=8001)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    mock_url = f"http://{args.host}:{args.mock_port}"
    env = {
        **os.environ,
        "DEBUG": "1",
        "REAL_NAME_VERIFY_URL": f"{mock_url}/realname/verify",
        "REAL_NAME_APP_SECRET": settings.REAL_NAME_APP_SECRET,
    }
    # Mini-program sandbox (miniprogram_bridge): fresh keys and secret for each run, handed to
    # the fake WeChat / Alipay platforms and to the backend alike.
    from mobile_mock.alipay_gateway import sandbox_keys

    keys = sandbox_keys()
    env.update(
        {
            "WECHAT_API_BASE_URL": f"{mock_url}/wechat/",
            "WECHAT_MINIAPP_APPID": settings.WECHAT_MINIAPP_APPID,
            "WECHAT_MINIAPP_SECRET": settings.WECHAT_MINIAPP_SECRET or secrets.token_hex(16),
            "ALIPAY_GATEWAY_URL": f"{mock_url}/alipay/gateway.do",
            "ALIPAY_APP_ID": settings.ALIPAY_APP_ID,
            "ALIPAY_APP_PRIVATE_KEY": keys.app_private_key,
            "ALIPAY_PUBLIC_KEY": keys.alipay_public_key,
            "ALIPAY_AES_KEY": keys.aes_key,
        }
    )
    mock_env = {
        **env,
        "MOCK_ALIPAY_APP_PUBLIC_KEY": keys.app_public_key,
        "MOCK_ALIPAY_PRIVATE_KEY": keys.alipay_private_key,
    }
    mock = subprocess.Popen(
        [sys.executable, "-m", "mobile_mock", "--host", args.host, "--port", str(args.mock_port)],
        cwd=ROOT,
        env=mock_env,
    )
    web = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "backend.config.asgi:application",
            "--host",
            args.host,
            "--port",
            str(args.port),
            "--lifespan",
            "off",
        ],
        cwd=ROOT,
        env=env,
    )
    print(
        f"Zhangban on http://{args.host}:{args.port}/  (API docs: /api/docs/, sandbox providers: {mock_url})"
    )
    print("SMS codes are printed here by the console SMS backend. Ctrl-C stops everything.")

    def stop(*_: object) -> None:
        for proc in (web, mock):
            if proc.poll() is None:
                proc.terminate()

    signal.signal(signal.SIGTERM, stop)
    try:
        while web.poll() is None and mock.poll() is None:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop()
        for proc in (web, mock):
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    return web.returncode or 0


if __name__ == "__main__":
    sys.exit(main())
