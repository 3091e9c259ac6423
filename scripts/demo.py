"""`make demo`: the whole 查缴办 journey on the embedded default, through the public API only.

1. regenerates the API client from `openapi/openapi.yaml` (scripts/demo_client.py) — a gap in
   the spec breaks the demo here or in the step that needs it;
2. prepares a throw-away SQLite database and media folder: migrations, departments, the demo
   catalog and certificate types, two sandbox clerks (`manage.py demo_staff`, credentials in a
   0600 file of the throw-away folder);
3. starts the backend (ASGI, HTTP + websockets) and the fake providers exactly like `make run`
   (scripts/run_embedded.py), with WeChat Pay live against its fake and SMS through the fake
   Twilio, on free loopback ports;
4. runs the resident simulator (mobile_mock/simulator), which prints the transcript;
5. stops everything it started and removes the folder — also on failure and on Ctrl-C.

Exit status 0 only if every step of the simulator passed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import demo_client, run_embedded  # noqa: E402

# The embedded default, whatever the calling shell points at (CI exports PostgreSQL and Redis).
STRIP = ("DATABASE_URL", "REDIS_URL", "RATE_LIMIT_REDIS_URL", "DJANGO_SETTINGS_MODULE", "SMS_BACKEND")
SEED = ["seed_demo", "seed_catalog", "seed_certificate_types"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def manage(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout.strip()


def wait_until_up(url: str, served: run_embedded.Served, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if served.web.poll() is not None or served.mock.poll() is not None:
            raise RuntimeError("the backend or the sandbox providers exited while starting")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback URL we built)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="backend port (default: a free one)")
    parser.add_argument(
        "--mock-port", type=int, default=0, help="sandbox providers port (default: a free one)"
    )
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds any one call or event may take")
    parser.add_argument("--keep", action="store_true", help="keep the throw-away folder (database, logs)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _interrupt)

    print("· generating the API client from openapi/openapi.yaml …", flush=True)
    try:
        client_dir = demo_client.generate()
    except demo_client.ClientBuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"  {client_dir.relative_to(ROOT)}", flush=True)

    workdir = Path(tempfile.mkdtemp(prefix="zb-demo-"))
    for name in STRIP:
        os.environ.pop(name, None)
    os.environ.update(
        {
            "DATABASE_URL": f"sqlite:///{workdir / 'demo.sqlite3'}",
            "MEDIA_ROOT": str(workdir / "media"),
            "DEBUG": "1",
            "PAYMENT_PROVIDER": "live",
            "CELERY_TASK_ALWAYS_EAGER": "true",
        }
    )
    served: run_embedded.Served | None = None
    log_path = workdir / "server.log"
    code = 1
    try:
        print(f"· preparing a throw-away database in {workdir} …", flush=True)
        manage("migrate", "--noinput")
        for command in SEED:
            print(f"  {manage(command)}", flush=True)
        staff_file = workdir / "staff.json"
        print(f"  {manage('demo_staff', '--output', str(staff_file))}", flush=True)

        run_embedded.setup_django()
        port, mock_port = args.port or free_port(), args.mock_port or free_port()
        with log_path.open("wb") as log:
            served = run_embedded.start(
                host=args.host,
                port=port,
                mock_port=mock_port,
                sms="twilio",
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        print(
            f"· backend {served.base_url}, sandbox providers {served.mock_url} (log: {log_path})", flush=True
        )
        wait_until_up(f"{served.base_url}/healthz", served)
        wait_until_up(f"{served.mock_url}/wechat/_control/stats", served)

        sys.path.insert(0, str(client_dir.parent))
        from mobile_mock.simulator.runner import run

        code = run(
            api_url=served.base_url, mock_url=served.mock_url, staff_file=staff_file, timeout=args.timeout
        )
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        code = 130
    except RuntimeError as exc:
        print(f"demo failed: {exc}", file=sys.stderr)
        code = 1
    finally:
        if served is not None:
            served.stop()
            print("· stopped the backend and the sandbox providers", flush=True)
        if code != 0 and log_path.exists():
            tail = log_path.read_text(errors="replace").splitlines()[-40:]
            print("--- last lines of the server log ---\n" + "\n".join(tail), file=sys.stderr)
        if args.keep:
            print(f"· kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
