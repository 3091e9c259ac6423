"""Run the journey: every step in order, stop at the first that fails; exit status 0 only if all passed."""

from __future__ import annotations

import argparse
import json
import logging
import time
import traceback
from pathlib import Path
from typing import TextIO

from mobile_mock.simulator.transcript import Transcript


def run(
    *, api_url: str, mock_url: str, staff_file: Path, out: TextIO | None = None, timeout: float = 20.0
) -> int:
    """Walk the journey against a running backend and its fakes; 0 when every step passed."""
    # Imported here: the generated client (build/zhangban_client) must be importable first.
    from mobile_mock.simulator.steps import Config, Journey, StepFailed

    # The transcript is the output; the HTTP client's request log would drown it.
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)
    transcript = Transcript(out)
    staff = json.loads(staff_file.read_text())["staff"]
    journey = Journey(Config(api_url=api_url, mock_url=mock_url, staff=staff, timeout=timeout), transcript)
    transcript.banner(f"掌办 resident simulator · {api_url} (sandbox providers {mock_url})")
    started = time.monotonic()
    steps = journey.steps()
    try:
        for step in steps:
            try:
                step()
            except StepFailed as exc:
                transcript.failed(f"step failed: {exc}")
                return 1
            except Exception as exc:  # an undocumented answer, a parse error, a dead server
                transcript.failed(f"step crashed: {type(exc).__name__}: {exc}")
                transcript.failed(traceback.format_exc(limit=4).strip().replace("\n", "\n       "))
                return 1
    finally:
        journey.close()
    transcript.banner(f"✔ all {len(steps)} steps passed in {time.monotonic() - started:.1f} s")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description="The resident simulator (needs build/ on sys.path).")
    parser.add_argument("--api", required=True, help="backend base URL, e.g. http://127.0.0.1:8000")
    parser.add_argument(
        "--mock", required=True, help="sandbox providers base URL, e.g. http://127.0.0.1:8001"
    )
    parser.add_argument("--staff-file", type=Path, required=True, help="JSON written by manage.py demo_staff")
    parser.add_argument("--timeout", type=float, default=20.0)
    args = parser.parse_args()
    return run(api_url=args.api, mock_url=args.mock, staff_file=args.staff_file, timeout=args.timeout)
