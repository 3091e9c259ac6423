"""The production access log (deploy/gunicorn.conf.py) never shows a callback URL's secret.

Runs the real gunicorn with our config on a free port and reads what it logged.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "s3cr3t-token-0123456789abcdefghijklmnop"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_tencent_receipt_token_is_redacted_from_the_access_log(tmp_path: Path) -> None:
    (tmp_path / "echo_app.py").write_text(
        "def app(environ, start_response):\n"
        "    start_response('200 OK', [('Content-Type', 'text/plain')])\n"
        "    return [b'ok']\n"
    )
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--worker-tmp-dir",
            str(tmp_path),
            "--chdir",
            str(tmp_path),
            "echo_app:app",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        path = f"/api/v1/notifications/tencent-sms/status/{TOKEN}"
        assert urllib.request.urlopen(base + path, timeout=5).read() == b"ok"
        urllib.request.urlopen(f"{base}/api/v1/services", timeout=5).read()
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert "/api/v1/notifications/tencent-sms/status/[redacted]" in out
    assert "/api/v1/services" in out  # other paths are logged as they are
    assert TOKEN not in out
