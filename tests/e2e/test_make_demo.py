"""`make demo` stops everything it started when it is interrupted halfway through the journey.

The journey itself runs in CI as `make demo` (.ci/run); this test runs the same script, presses
Ctrl-C (SIGINT) while the simulator is mid-journey, and checks that the backend and the sandbox
providers no longer answer and the throw-away folder is gone.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _listening(url: str) -> bool:
    host, port = re.match(r"http://([^:/]+):(\d+)", url).groups()
    try:
        socket.create_connection((host, int(port)), timeout=2).close()
    except OSError:
        return False
    return True


def test_ctrl_c_mid_journey_stops_backend_and_fakes_and_removes_the_folder():
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    process = subprocess.Popen(
        [sys.executable, "scripts/demo.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 300
        assert process.stdout is not None
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            lines.append(line)
            if line.startswith("[05]"):  # logged in, the websocket is next: mid-journey
                break
        output = "".join(lines)
        assert "[05]" in output, output
        workdir = re.search(r"throw-away database in (\S+)", output).group(1)
        backend, fakes = re.search(r"backend (http://\S+), sandbox providers (http://\S+)", output).groups()
        assert _listening(backend) and _listening(fakes)

        process.send_signal(signal.SIGINT)
        rest, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)

    assert process.returncode == 130, output + rest
    assert "stopped the backend and the sandbox providers" in rest
    assert not _listening(backend) and not _listening(fakes)
    assert not Path(workdir).exists()
