"""`make client`: generate the Python client of the public API from `openapi/openapi.yaml`.

The resident simulator (`mobile_mock/simulator`) talks to the backend only through this
generated package, regenerated on every `make demo`, so a gap in the spec (a missing
operation, schema or response) breaks the demo instead of hiding behind hand-written calls.
The generator fails on every warning (`--fail-on-warning`): an operation it would have to skip
is a build error. Output: `build/zhangban_client` (git-ignored), importable with `build/` on
`sys.path`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "openapi.yaml"
CONFIG = Path(__file__).resolve().with_name("demo_client.yaml")
BUILD = ROOT / "build"
PACKAGE = "zhangban_client"


class ClientBuildError(RuntimeError):
    """The generator refused the spec; the message carries its output."""


def generate(spec: Path = SPEC, build_dir: Path = BUILD) -> Path:
    """Generate `<build_dir>/zhangban_client` from `spec` (replacing an older one); return its path."""
    out = build_dir / PACKAGE
    if out.exists():
        shutil.rmtree(out)
    build_dir.mkdir(parents=True, exist_ok=True)
    bin_dir = Path(sys.executable).parent
    # The generator post-processes with ruff, which it looks up on PATH.
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(out),
            "--meta",
            "none",
            "--config",
            str(CONFIG),
            "--fail-on-warning",
        ],
        cwd=build_dir,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0 or not (out / "__init__.py").exists():
        raise ClientBuildError(f"openapi-python-client failed:\n{result.stdout}\n{result.stderr}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--spec", type=Path, default=SPEC)
    parser.add_argument("--build-dir", type=Path, default=BUILD)
    args = parser.parse_args()
    try:
        out = generate(args.spec, args.build_dir)
    except ClientBuildError as exc:
        print(exc, file=sys.stderr)
        return 1
    modules = sum(1 for _ in (out / "api").rglob("*.py"))
    print(f"generated {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} ({modules} API modules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
