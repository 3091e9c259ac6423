"""Generate, validate and drift-check the committed contract `openapi/openapi.yaml`.

python scripts/openapi.py write   # regenerate from the code
python scripts/openapi.py check   # fail if the committed file is stale or invalid
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "openapi.yaml"


def generate(target: Path) -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "backend.config.settings"}
    subprocess.run(
        [sys.executable, "manage.py", "spectacular", "--validate", "--fail-on-warn", "--file", str(target)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def validate(path: Path) -> None:
    import yaml
    from openapi_spec_validator import validate as validate_spec

    validate_spec(yaml.safe_load(path.read_text(encoding="utf-8")))


def main(command: str) -> int:
    if command == "write":
        generate(SPEC)
        validate(SPEC)
        print(f"wrote {SPEC.relative_to(ROOT)}")
        return 0
    if command == "check":
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "openapi.yaml"
            generate(fresh)
            validate(fresh)
            if not SPEC.exists():
                print("openapi/openapi.yaml is missing: run `make openapi`", file=sys.stderr)
                return 1
            validate(SPEC)
            old = SPEC.read_text(encoding="utf-8").splitlines(keepends=True)
            new = fresh.read_text(encoding="utf-8").splitlines(keepends=True)
            if old != new:
                sys.stderr.writelines(difflib.unified_diff(old, new, "committed", "generated", n=2))
                print("\nopenapi/openapi.yaml is stale: run `make openapi` and commit it", file=sys.stderr)
                return 1
        print("openapi/openapi.yaml is valid and up to date")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
